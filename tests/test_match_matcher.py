"""The Matcher's layers, ambiguity, vocabulary handling and explanations."""

from __future__ import annotations

import subprocess
import sys

import pytest

from skillgap.match import Candidate, Matcher, Resolution
from skillgap.model import Taxonomy, TaxonomySkill

TAXONOMY = Taxonomy(
    skills=(
        TaxonomySkill("Microsoft PowerPoint", id="ppt"),
        TaxonomySkill("human resources management", aliases=("HRM",)),
        TaxonomySkill("training delivery"),
        TaxonomySkill("deep learning"),
        TaxonomySkill("Kubernetes", aliases=("k8s",)),
        TaxonomySkill("JavaScript"),
        TaxonomySkill("C++"),
        TaxonomySkill("C#"),
        TaxonomySkill("Google Analytics"),
        TaxonomySkill("Adobe Analytics"),
    ),
    abbreviations=(("l&d", "learning and development"),),
)


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher.build(TAXONOMY, vocabulary=("PowerPoint", "learning and development", "Excel"))


@pytest.mark.parametrize(
    ("query", "skill", "via"),
    [
        ("microsoft powerpoint", "Microsoft PowerPoint", "exact"),
        ("  Human Resources Management ", "human resources management", "exact"),
        ("HRM", "human resources management", "alias"),
        ("HR mgmt", "human resources management", "alias"),
        ("MS PowerPoint", "Microsoft PowerPoint", "alias"),
        ("PowerPoint", "Microsoft PowerPoint", "alias"),
        ("L&D", "learning and development", "alias"),
        ("delivering training", "training delivery", "fuzzy"),
        ("Deep Learnig", "deep learning", "fuzzy"),
        ("kubernetes administration", "Kubernetes", "fuzzy"),
        ("C sharp", "C#", "alias"),
        ("CPP", "C++", "alias"),
    ],
)
def test_layers(matcher: Matcher, query: str, skill: str, via: str) -> None:
    r = matcher.resolve(query)
    assert (r.skill, r.via) == (skill, via), r.detail
    assert r.query == query
    assert r.detail
    if via in ("exact", "alias"):
        assert r.score == 100.0
    else:
        assert 70 <= r.score < 100


@pytest.mark.parametrize(
    "query", ["Java", "F#", "German shepherd training", "advanced analytics", "", "   ", "()"]
)
def test_unresolved(matcher: Matcher, query: str) -> None:
    r = matcher.resolve(query)
    assert r.skill is None and r.via == "none"
    assert 0 <= r.score < 100
    assert r.detail


def test_vocabulary_names_resolve_into_taxonomy(matcher: Matcher) -> None:
    assert "PowerPoint" not in matcher.skills
    assert matcher.skills[: len(TAXONOMY.skills)] == tuple(s.name for s in TAXONOMY.skills)
    assert "learning and development" in matcher.skills
    assert "Excel" in matcher.skills


def test_canonical_info(matcher: Matcher) -> None:
    info = matcher.canonical_info("Microsoft PowerPoint")
    assert info is not None and info.id == "ppt"
    assert matcher.canonical_info("Excel") is None
    assert matcher.canonical_info("no such skill") is None


def test_taxonomy_names_are_its_names_and_aliases_with_their_words_alone() -> None:
    import pickle

    taxonomy = Taxonomy((TaxonomySkill("Project management", aliases=("PM skills",)), TaxonomySkill("SQL")))
    built = Matcher.build(taxonomy, vocabulary=["project mgmt", "Underwater basket weaving"])
    expected = [
        ("Project management", ("project", "management")),
        ("PM skills", ("pm", "skill")),
        ("SQL", ("sql",)),
    ]
    assert built.taxonomy_names() == expected  # no catalog or vocabulary name
    assert pickle.loads(pickle.dumps(built)).taxonomy_names() == expected  # as the cache holds it


@pytest.mark.parametrize("text", ["HR mgmt", "Data-analysis", "the", "C++ dev", "Node.js", "ops", "🙂", ""])
def test_look_up_keys_are_the_keys_of_the_whole_form(text: str) -> None:
    from skillgap.match.forms import Expander, Keys

    expander = Expander()
    keys = expander.keys(text)  # before the form: nothing remembered yet
    form = expander.form(text)
    if not form.words:
        assert keys is None
        return
    whole = Keys(form.key, form.compact, form.expanded_key, form.expanded_compact, form.abbreviated)
    assert keys == whole and expander.keys(text) == whole  # and again, from the remembered shape


def test_ambiguous_key_is_not_guessed() -> None:
    taxonomy = Taxonomy(
        (
            TaxonomySkill("public relations", aliases=("PR",)),
            TaxonomySkill("pull requests", aliases=("PR",)),
        )
    )
    r = Matcher.build(taxonomy).resolve("pr")
    assert r.skill is None
    assert set(r.ambiguous) == {"public relations", "pull requests"}


def test_near_equal_fuzzy_matches_are_ambiguous() -> None:
    taxonomy = Taxonomy((TaxonomySkill("Microsoft Whiteboard"), TaxonomySkill("Google Whiteboard")))
    r = Matcher.build(taxonomy).resolve("Whiteboard")
    assert r.skill is None
    assert set(r.ambiguous) == {"Microsoft Whiteboard", "Google Whiteboard"}


def test_generic_remainder_after_vendor_is_not_enough(matcher: Matcher) -> None:
    r = matcher.explain("analytics")
    assert r.skill is None
    assert any("generic" in c.reason for c in r.candidates)


def test_resolve_is_memoised(matcher: Matcher) -> None:
    assert matcher.resolve("Deep Learnig") is matcher.resolve("Deep Learnig")


def test_resolve_many(matcher: Matcher) -> None:
    got = matcher.resolve_many(["HRM", "Java", "HRM"])
    assert list(got) == ["HRM", "Java"]
    assert got["HRM"].skill == "human resources management"


def test_explain_matches_resolve_and_lists_near_misses(matcher: Matcher) -> None:
    r = matcher.explain("German shepherd training")
    plain = matcher.resolve("German shepherd training")
    assert (r.skill, r.via, r.score, r.detail) == (
        plain.skill,
        plain.via,
        plain.score,
        plain.detail,
    )
    assert r.candidates and all(isinstance(c, Candidate) for c in r.candidates)
    assert all(not c.accepted for c in r.candidates)
    java = matcher.explain("Java", limit=3)
    assert 0 < len(java.candidates) <= 3
    assert any(c.skill == "JavaScript" and not c.accepted for c in java.candidates)


def test_explain_puts_the_decision_first(matcher: Matcher) -> None:
    r = matcher.explain("Deep Learnig")
    assert r.candidates[0] == Candidate(
        "deep learning", r.score, True, "typo: 'learnig' ~ 'learning' (93)"
    )
    assert matcher.explain("HRM").candidates[0].skill == "human resources management"


def test_resolution_is_frozen(matcher: Matcher) -> None:
    r = matcher.resolve("HRM")
    assert isinstance(r, Resolution)
    with pytest.raises(AttributeError):
        r.skill = "x"  # type: ignore[misc]


def test_user_abbreviations_extend_the_table() -> None:
    taxonomy = Taxonomy((TaxonomySkill("learning experience design"),))
    m = Matcher.build(taxonomy, abbreviations={"lxd": "learning experience design"})
    assert m.resolve("LXD").skill == "learning experience design"
    assert Matcher.build(taxonomy).resolve("LXD").skill is None


def test_import_is_light() -> None:
    code = (
        "import sys, skillgap.match as m; "
        "m.normalize('Python 3'); "
        "assert 'rapidfuzz' not in sys.modules and 'yaml' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_matcher_survives_being_kept_as_data(matcher: Matcher) -> None:
    """Callers cache a built matcher on disk."""
    from tests import cached

    matcher.resolve("HRM")
    copy = cached.matcher(matcher, TAXONOMY)
    assert copy.skills == matcher.skills
    for name in ("HRM", "Deep Learnig", "Java", "delivering training"):
        assert copy.resolve(name) == matcher.resolve(name)

"""Names in every script: each keeps its letters, matches itself and its aliases, and never another name;
a name with no letters at all (symbols, emoji) matches nothing, and `validate` says so."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skillgap.analyse.gaps import skill_key
from skillgap.analyse.ids import linked, names_by_id
from skillgap.load import load_taxonomies
from skillgap.match import Matcher, normalize
from skillgap.match.text import has_words, literal_key, tokens
from skillgap.model import Catalog, Credential, CredentialSkill, Taxonomy, TaxonomySkill
from tests.conftest import invoke
from tests.hypothesis_profiles import examples

ESCO = Path(__file__).parent / "data" / "esco"

# One skill per script, with an alias written another way; names differing only by a mark that is a
# letter of its script (a vowel sign, the breve of "й") are distinct skills.
SKILLS: dict[str, tuple[str, ...]] = {
    "烹饪": ("烹调",),  # Chinese: cooking
    "外科手术": ("手术",),  # surgery
    "数据分析": ("分析数据",),  # data analysis
    "プロジェクト管理": ("プロジェクト・マネジメント",),  # Japanese
    "데이터 분석": ("데이터분석",),  # Korean
    "управление проектами": ("проектный менеджмент",),  # Russian
    "мой": (),
    "мои": (),
    "διαχείριση έργων": ("διοίκηση έργων",),  # Greek
    "إدارة المشاريع": ("إدارة مشاريع",),  # Arabic
    "ניהול פרויקטים": ("ניהול פרוייקטים",),  # Hebrew
    "परियोजना प्रबंधन": ("प्रोजेक्ट मैनेजमेंट",),  # Hindi
    "कला": (),  # art
    "काला": (),  # black
    "การจัดการโครงการ": ("บริหารโครงการ",),  # Thai
    "Projektmanagement": ("Projektleitung",),  # German
    "Fußpflege": ("Pediküre",),
}
NAMES = tuple(SKILLS)
MATCHER = Matcher.build(
    Taxonomy(tuple(TaxonomySkill(name, aliases) for name, aliases in SKILLS.items())),
    vocabulary=("🍳", "!!!", "★★★"),
)


def _files(tmp_path: Path, profile: str, role: str) -> list[str]:
    (tmp_path / "p.yaml").write_text(f"name: Ann\nskills:\n{profile}", encoding="utf-8")
    (tmp_path / "r.yaml").write_text(f"title: Role\nrequirements:\n{role}", encoding="utf-8")
    catalog = "credentials:\n  - {id: x, title: X, provider: P, skills: [{name: SQL, level: 3}]}\n"
    (tmp_path / "c.yaml").write_text(catalog, encoding="utf-8")
    (tmp_path / "t.yaml").write_text("skills: [SQL]\n", encoding="utf-8")
    return [str(tmp_path / n) for n in ("p.yaml", "r.yaml", "c.yaml", "t.yaml")]


def _analyze(tmp_path: Path, profile: str, role: str) -> dict[str, object]:
    p, r, c, t = _files(tmp_path, profile, role)
    result = invoke("analyze", p, "--target", r, "--catalog", c, "--taxonomy", t, "--format", "json")
    assert result.code == 0, result.err
    data = result.json()
    assert isinstance(data, dict)
    return data


def test_cooking_does_not_meet_surgery(tmp_path: Path) -> None:
    """The issue's reproduction: both names used to normalise to the empty key and meet at 100%."""
    data = _analyze(tmp_path, "  烹饪: 5\n", "  - {skill: 外科手术, level: 3, importance: essential}\n")
    assert data["readiness"] == 0
    assert data["met"] == []
    (gap,) = data["gaps"]
    assert isinstance(gap, dict)
    assert (gap["skill"], gap["current"], gap["required"]) == ("外科手术", 0, 3)


def test_the_same_unknown_name_in_another_script_still_meets_itself(tmp_path: Path) -> None:
    role = "  - {skill: 烹饪, level: 3}\n  - {skill: мои, level: 1}\n"
    data = _analyze(tmp_path, "  烹饪: 5\n  мой: 1\n", role)
    met = {g["skill"] for g in data["met"]}  # type: ignore[attr-defined]
    gaps = {g["skill"] for g in data["gaps"]}  # type: ignore[attr-defined]
    assert met == {"烹饪"} and gaps == {"мои"}


def test_symbol_names_meet_only_the_same_text(tmp_path: Path) -> None:
    role = "  - {skill: '🍳', level: 3}\n  - {skill: '!!!', level: 3}\n"
    data = _analyze(tmp_path, "  '🍳': 5\n  '★': 4\n", role)
    met = {g["skill"] for g in data["met"]}  # type: ignore[attr-defined]
    gaps = {g["skill"] for g in data["gaps"]}  # type: ignore[attr-defined]
    assert met == {"🍳"} and gaps == {"!!!"}


def test_skill_keys_of_wordless_names_are_never_shared() -> None:
    keys = {skill_key(name, {}) for name in ("🍳", "★", "!!!", "——", "+", "🍳\u200d🔥")}
    assert len(keys) == 6
    assert skill_key("★", {}) == skill_key(" ★ ", {})


@pytest.mark.parametrize("name", NAMES)
def test_each_script_matches_itself_and_its_aliases(name: str) -> None:
    for written in (name, f"  {name.upper()} ", name.title(), name.casefold()):
        resolution = MATCHER.resolve(written)
        assert (resolution.skill, resolution.via) == (name, "exact"), (written, resolution)
    for alias in SKILLS[name]:
        resolution = MATCHER.resolve(alias)
        # an alias, or the same words written together (Korean spaces are optional): exact already
        assert resolution.skill == name and resolution.via in ("alias", "exact"), (alias, resolution)


def test_no_two_distinct_names_match_each_other() -> None:
    for a, b in itertools.permutations(NAMES, 2):
        assert normalize(a) != normalize(b), (a, b)
    # built from one another's names as a catalog vocabulary, each stays a skill of its own
    alone = Matcher.build(Taxonomy(()), vocabulary=NAMES)
    assert alone.skills == NAMES
    for name in NAMES:
        assert alone.resolve(name).skill == name
    for a, b in itertools.permutations(NAMES, 2):
        one = Matcher.build(Taxonomy((TaxonomySkill(a),)))
        assert one.resolve(b).skill is None, (a, b, one.resolve(b))


def test_a_name_beside_more_characters_is_another_name() -> None:
    """Without spaces, a longer run of Chinese characters is another word, never a typo or a variant."""
    for query in ("烹饪学", "学烹饪", "外科", "数据分析师", "数据 分析 师"):
        assert MATCHER.resolve(query).skill is None, query
    assert MATCHER.resolve("数据 分析").skill == "数据分析"  # the same characters, spaced


@pytest.mark.parametrize("name", ["🍳", "!!!", "★★★", "", "   ", "+", "—", "\u200d", "()"])
def test_a_wordless_name_matches_nothing(name: str) -> None:
    assert not has_words(name) and normalize(name) == ""
    assert MATCHER.resolve(name).skill is None
    assert MATCHER.explain(name).skill is None


# --- properties ----------------------------------------------------------------------------------

LETTERS = st.characters(categories=("L", "M", "N"))
ANY = st.characters(codec="utf-8")
SPACES = st.text(st.sampled_from(" \t\n\u00a0\u3000\u2003"), max_size=3)
CASES = st.sampled_from([str.upper, str.lower, str.title, str.casefold, str.swapcase])


@settings(max_examples=examples(400), deadline=None)
@given(st.text(st.one_of(LETTERS, ANY), max_size=20), CASES, SPACES, SPACES)
def test_normalising_ignores_case_and_surrounding_space_in_every_script(
    text: str, case: object, before: str, after: str
) -> None:
    assert callable(case)
    assert normalize(before + case(text) + after) == normalize(text)


@settings(max_examples=examples(200), deadline=None)
@given(st.sampled_from(NAMES), CASES, SPACES, SPACES)
def test_matching_ignores_case_and_surrounding_space_in_every_script(
    name: str, case: object, before: str, after: str
) -> None:
    assert callable(case)
    assert MATCHER.resolve(before + case(name) + after).skill == name


# punctuation, symbols, emoji, spaces and invisible characters: nothing a word is made of (a symbol that
# decomposes to letters, such as a circled "A", is a letter)
WORDLESS = st.text(st.characters(categories=("P", "S", "Z", "Cf", "Cc")).filter(lambda c: not has_words(c)))


@settings(max_examples=examples(300), deadline=None)
@given(WORDLESS, WORDLESS)
def test_an_empty_key_never_matches(text: str, other: str) -> None:
    assert not has_words(text) and normalize(text) == ""
    assert MATCHER.resolve(text).skill is None
    assert MATCHER.explain(text).skill is None
    if literal_key(text) != literal_key(other):
        assert skill_key(text, {}) != skill_key(other, {})


@settings(max_examples=examples(400), deadline=None)
@given(st.text(ANY, max_size=20))
def test_has_words_is_whether_anything_is_left_to_match(text: str) -> None:
    assert has_words(text) == bool(tokens(text))


@settings(max_examples=examples(300), deadline=None)
@given(st.text(ANY, max_size=20))
def test_normalising_twice_changes_nothing(text: str) -> None:
    key = normalize(text)
    assert normalize(key) == key


# --- ids, ESCO, validate -----------------------------------------------------------------------


def test_an_id_that_is_only_a_scheme_links_nothing() -> None:
    taxonomy = Taxonomy((TaxonomySkill("SQL", id="https://"), TaxonomySkill("R", id="http://x/r")))
    names = names_by_id(taxonomy)
    assert names == {"x/r": "R"}
    assert linked("cooking", "http://", names) == "cooking"
    assert linked("cooking", "/", {"": "SQL"}) == "cooking"
    catalog = Catalog((Credential("a", "A", "P", (CredentialSkill("SQL", 3),), source_id="https://"),))
    assert catalog.from_sources({""}) == ()


def test_esco_skills_in_other_languages_import_and_match(tmp_path: Path) -> None:
    out = tmp_path / "skills.yaml"
    result = invoke("import", "esco", ESCO / "skills_multilingual.csv", "-o", out)
    assert result.code == 0, result.err
    taxonomy = load_taxonomies([out])
    by_name = {s.name: s for s in taxonomy.skills}
    assert set(by_name) == {
        "Projekte managen", "Fußpflege durchführen", "Bürosoftware verwenden", "Straßenverkehrsordnung",
        "διαχείριση έργων", "επικοινωνία με πελάτες", "烹饪", "外科手术", "数据分析",
    }  # fmt: skip
    assert by_name["数据分析"].aliases == ("分析数据", "データ分析")
    matcher = Matcher.build(taxonomy)
    for skill in taxonomy.skills:
        assert matcher.resolve(skill.name).skill == skill.name
        assert matcher.resolve(skill.name.upper()).skill == skill.name
        for alias in skill.aliases:
            assert matcher.resolve(alias).skill == skill.name, alias
    assert matcher.resolve("FUSSPFLEGE").skill == "Fußpflege durchführen"  # ß is ss, case aside
    assert matcher.resolve("Strassenverkehrsordnung").skill == "Straßenverkehrsordnung"
    assert matcher.resolve("Burosoftware verwenden").skill == "Bürosoftware verwenden"  # a Latin accent
    assert matcher.resolve("ΔΙΑΧΕΊΡΙΣΗ ΈΡΓΩΝ").skill == "διαχείριση έργων"
    assert matcher.resolve("烹调").skill == "烹饪" and matcher.resolve("手术").skill == "外科手术"
    assert matcher.resolve("烹饪手术").skill is None


def test_an_esco_role_in_chinese_is_analysed_against_its_taxonomy(tmp_path: Path) -> None:
    taxonomy = tmp_path / "skills.yaml"
    assert invoke("import", "esco", ESCO / "skills_multilingual.csv", "-o", taxonomy).code == 0
    (tmp_path / "p.yaml").write_text("name: Li\nskills:\n  烹调: 4\n  Projektleitung: 3\n", encoding="utf-8")
    (tmp_path / "r.yaml").write_text(
        "title: 厨师\nrequirements:\n  - {skill: 烹饪, level: 3}\n  - {skill: 外科手术, level: 2}\n"
        "  - {skill: Projekte managen, level: 3}\n",
        encoding="utf-8",
    )
    profile, role = tmp_path / "p.yaml", tmp_path / "r.yaml"
    result = invoke("analyze", profile, "--target", role, "--taxonomy", taxonomy, "--format", "json")
    assert result.code == 0, result.err
    data = result.json()
    assert {g["skill"] for g in data["met"]} == {"烹饪", "Projekte managen"}  # by their aliases
    assert [g["skill"] for g in data["gaps"]] == ["外科手术"]


def test_validate_warns_of_names_with_nothing_to_match(tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text("name: Ann\nskills:\n  - {name: '🍳', level: 3}\n  - {name: 烹饪, level: 2}\n", "utf8")
    role = tmp_path / "r.yaml"
    role.write_text("title: T\nrequirements:\n  '★★★': 3\n  SQL: 2\n", encoding="utf-8")
    taxonomy = tmp_path / "t.yaml"
    taxonomy.write_text("skills:\n  - name: SQL\n    aliases: ['!!!', sequel]\n  - '——'\n", encoding="utf-8")
    catalog = tmp_path / "c.json"
    catalog.write_text(
        '{"credentials": [{"id": "a", "title": "A", "provider": "P",\n'
        '  "skills": [{"name": "SQL", "level": 3}, {"name": "\u2b50", "level": 2}]}]}',
        encoding="utf-8",
    )
    result = invoke("validate", profile, role, taxonomy, catalog)
    assert result.code == 0, result.err  # warnings, not problems: every file is valid
    assert result.out.count(": ok (") == 4
    why = "has no letters or digits, so it matches no other name (name the skill in words, in any script)"
    assert result.err.splitlines() == [
        f"{profile}:3:12: warning: skills[0].name: skill name '🍳' {why}",
        f"{role}:3:3: warning: requirements.★★★: required skill '★★★' {why}",
        f"{taxonomy}:3:15: warning: skills[0].aliases[0]: alias '!!!' {why}",
        f"{taxonomy}:4:5: warning: skills[1]: skill name '——' {why}",
        f"{catalog}:2:52: warning: credentials[0].skills[1].name: skill name '\u2b50' {why}",
    ]
    report = invoke("validate", profile, "--format", "json").json()
    (warning,) = report["files"][0]["warnings"]
    assert (warning["line"], warning["col"], warning["path"]) == (3, 12, "skills[0].name")
    assert report["valid"] is True and report["files"][0]["problems"] == []


def test_a_letter_more_or_less_in_another_script_is_another_word() -> None:
    """Typo tolerance is for Latin letters: "свара" (a squabble) is one letter short of "сварка" (welding)."""
    welding = Matcher.build(Taxonomy((TaxonomySkill("сварка"), TaxonomySkill("welding"))))
    assert welding.resolve("свара").skill is None
    assert welding.resolve("СВАРКА").skill == "сварка"
    assert welding.resolve("weldnig").skill == "welding"  # a Latin word's typo is still read as one


def test_a_warning_stays_when_the_careful_reading_refuses_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """validate never stops at one file: if reading it again with positions fails, the warning has none."""
    from skillgap.errors import InputError
    from skillgap.load import check

    fast = check.parse

    def parse(text: str, name: str, located: bool = False, **kw: bool) -> object:
        if located:
            raise InputError.at(name, "refused by the careful reading")
        return fast(text, name, located=located, **kw)

    monkeypatch.setattr(check, "parse", parse)
    path = tmp_path / "t.yaml"
    path.write_text("skills: ['🍳', SQL]\n", encoding="utf-8")
    (result,) = check.check_files([path], has_words=has_words)
    assert result.ok and [w.path for w in result.warnings] == ["skills[0]"]
    assert result.warnings[0].line is None


@pytest.mark.parametrize(
    ("written", "plain"),
    [
        ("ΔΙΑΧΕΙΡΙΣΗ ΕΡΓΩΝ", "διαχείριση έργων"),  # Greek capitals are written without the tonos
        ("Διαχείριση Έργων", "διαχείριση έργων"),
        ("ΠΡΟΫΠΟΛΟΓΙΣΜΟΣ", "προϋπολογισμός"),  # nor the dialytika, and a final sigma is a sigma
        ("إِدَارَةُ الْمَشَارِيعِ", "إدارة المشاريع"),  # Arabic with its harakat, as a dictionary writes it
        ("إدارة المشـــاريع", "إدارة المشاريع"),  # with the stretching stroke of a justified line
        ("נִיהוּל פְּרוֹיֶקְטִים", "ניהול פרויקטים"),  # Hebrew with niqqud
    ],
)
def test_marks_everyday_writing_leaves_out_do_not_count(written: str, plain: str) -> None:
    """A Greek name in capitals, or Arabic and Hebrew with their optional vowel points, is the name as
    everyday text writes it: a taxonomy in one form meets a profile in the other, both ways."""
    assert normalize(written) == normalize(plain)
    forward = Matcher.build(Taxonomy((TaxonomySkill(plain),)))
    assert forward.resolve(written).skill == plain
    backward = Matcher.build(Taxonomy((TaxonomySkill(written),)))
    assert backward.resolve(plain).skill == written


def test_marks_that_are_letters_still_tell_words_apart() -> None:
    """The Cyrillic breve and Devanagari vowel signs are letters, not accents: "мой" is not "мои",
    "कला" (art) is not "काला" (black), and Greek letters stay Greek, never their Latin look-alikes."""
    for a, b in (("мой", "мои"), ("कला", "काला"), ("ΑΒΓ", "ABG"), ("ρ", "p")):
        assert normalize(a) != normalize(b), (a, b)

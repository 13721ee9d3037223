"""`exclude_providers` names providers the way people do (the name, the bracketed acronym or platform),
never by a look-alike, and says when an entry excludes nothing; held pathways and mistyped ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillgap.analyse.held import held_credentials, holdings, profile_warnings
from skillgap.analyse.preferences import Exclusions, name_words, provider_names, unused_exclusions
from skillgap.model import Catalog, Credential, CredentialSkill, HeldCredential, Pathway, Preferences, Profile
from tests.conftest import EXAMPLES, invoke

BUNDLED_PROVIDERS = [
    "Project Management Institute (PMI)",
    "Google (Coursera)",
    "Google Cloud",
    "University of Pennsylvania (Coursera)",
    "University of Maryland Global Campus (UMGCx on edX)",
    "ASCM (Association for Supply Chain Management, formerly APICS)",
    "Stanford University and DeepLearning.AI (Coursera)",
    "ILM (Institute of Leadership & Management, City & Guilds)",
    "The Linux Foundation (CNCF)",
    "IPMA (International Project Management Association)",
    "Googlers Academy",
    "École Polytechnique",
]


def excluded_by(entry: str) -> list[str]:
    leave_out = Exclusions(Preferences(exclude_providers=(entry,)))
    return [p for p in BUNDLED_PROVIDERS if leave_out.provider_entry(p) is not None]


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ("PMI", ["Project Management Institute (PMI)"]),
        ("pmi", ["Project Management Institute (PMI)"]),
        ("Project Management Institute", ["Project Management Institute (PMI)"]),
        ("Project Management Institute (PMI)", ["Project Management Institute (PMI)"]),
        ("Google", ["Google (Coursera)", "Google Cloud"]),
        ("Google (Coursera)", ["Google (Coursera)"]),
        (
            "Coursera",
            [
                "Google (Coursera)",
                "University of Pennsylvania (Coursera)",
                "Stanford University and DeepLearning.AI (Coursera)",
            ],
        ),
        (
            "  COURSERA ",
            [
                "Google (Coursera)",
                "University of Pennsylvania (Coursera)",
                "Stanford University and DeepLearning.AI (Coursera)",
            ],
        ),  # fmt: skip
        ("edX", ["University of Maryland Global Campus (UMGCx on edX)"]),
        ("UMGCx", ["University of Maryland Global Campus (UMGCx on edX)"]),
        ("APICS", ["ASCM (Association for Supply Chain Management, formerly APICS)"]),
        (
            "Association for Supply Chain Management",
            ["ASCM (Association for Supply Chain Management, formerly APICS)"],
        ),  # noqa: E501
        ("DeepLearning.AI", ["Stanford University and DeepLearning.AI (Coursera)"]),
        ("Stanford", ["Stanford University and DeepLearning.AI (Coursera)"]),
        (
            "Institute of Leadership and Management",
            ["ILM (Institute of Leadership & Management, City & Guilds)"],
        ),
        ("Linux Foundation", ["The Linux Foundation (CNCF)"]),
        ("IPMA", ["IPMA (International Project Management Association)"]),
        ("Ecole Polytechnique", ["École Polytechnique"]),
        # look-alikes and parts of words exclude nothing
        ("PM", []),
        ("Googl", []),
        ("Management", []),
        ("Coursera Plus", []),
        ("", []),
        ("—", []),
    ],
)
def test_an_entry_excludes_the_providers_people_mean_by_it(entry: str, expected: list[str]) -> None:
    assert excluded_by(entry) == expected


def test_pmi_never_excludes_ipma_nor_google_googlers() -> None:
    assert "IPMA (International Project Management Association)" not in excluded_by("PMI")
    assert "Googlers Academy" not in excluded_by("Google")


def test_names_are_compared_by_words_in_every_script() -> None:
    assert name_words("Procurement & Supply") == name_words("procurement and supply")
    assert name_words("Ｃｏｕｒｓｅｒａ") == ("coursera",)  # NFKC: full-width letters
    assert name_words("清华大学") == ("清华大学",)  # letters of other scripts are kept, never dropped
    assert provider_names("清华大学 (学堂在线)").excluded_by(name_words("学堂在线"))
    assert not provider_names("北京大学").excluded_by(name_words("清华大学"))


def test_an_entry_that_excludes_nothing_is_named_with_the_closest_provider() -> None:
    unused = unused_exclusions(
        Preferences(exclude_providers=("Coursera", "Courserra", "Nobody At All")), BUNDLED_PROVIDERS
    )
    assert [(u.index, u.entry, u.suggestion) for u in unused] == [
        (1, "Courserra", "Coursera"),
        (2, "Nobody At All", None),
    ]


def cred(ident: str, provider: str = "Acme", **fields: object) -> Credential:
    return Credential(ident, ident.title(), provider, (CredentialSkill("SQL", 3),), **fields)  # type: ignore[arg-type]


CATALOG = Catalog(
    (cred("a1"), cred("a2"), cred("sql-basics"), cred("c1", stacks_into=("path-a",))),
    pathways=(Pathway("path-a", "The A Programme", ("a1", "a2")),),
)


@pytest.mark.parametrize(
    "held",
    [
        HeldCredential(id="path-a"),
        HeldCredential(title="the a programme"),
        HeldCredential(id="The A Programme"),
    ],
)
def test_a_held_pathway_holds_every_credential_in_it(held: HeldCredential) -> None:
    profile = Profile("P", credentials=(held,))
    assert [c.id for c in held_credentials(profile, CATALOG)] == ["a1", "a2", "c1"]
    assert profile_warnings(profile, CATALOG) == ()


def test_a_mistyped_id_is_reported_with_the_closest_id_and_holds_nothing() -> None:
    profile = Profile(
        "P",
        credentials=(
            HeldCredential(id="sql-basic"),  # typo of sql-basics
            HeldCredential(id="path-b"),  # typo of path-a
            HeldCredential(id="First Aid", title="First Aid"),  # plain text with a space: a title
            HeldCredential(id="zzz-unknown-thing", title="Own Certificate"),
        ),
        file="p.yaml",
    )
    assert held_credentials(profile, CATALOG) == ()
    found = holdings(profile, CATALOG)
    assert [h.mistyped_id for h in found] == [True, True, False, True]
    warnings = profile_warnings(profile, CATALOG)
    assert [(w.path, w.hint.split("?")[0]) for w in warnings] == [
        ("credentials[0].id", "did you mean 'sql-basics'"),
        ("credentials[1].id", "did you mean 'path-a'"),
        ("credentials[3].id", "`skillgap catalog search WORDS` finds an id"),
    ]
    assert "'sql-basic'" in warnings[0].message and all(w.file == "p.yaml" for w in warnings)


# --- through the command line, on the bundled catalog ----------------------------------------------


def profile_file(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "p.yaml"
    path.write_text("name: Pat\nskills: {SQL: 1, Excel: 2}\n" + body)
    return path


def test_common_names_exclude_the_bundled_providers(tmp_path: Path) -> None:
    entries = "[Coursera, PMI, Google, edX]"
    path = profile_file(tmp_path, f"preferences: {{exclude_providers: {entries}}}\n")
    result = invoke("analyze", path, "--target", "data-analyst", "--top", "50", "--format", "json")
    assert result.code == 0, result.err
    providers = {r["provider"] for r in result.json()["recommendations"]}
    assert providers and not any(
        word in p for p in providers for word in ("Coursera", "PMI", "Google", "edX")
    ), providers
    assert result.json()["warnings"] == [] and "warning" not in result.err
    plain = invoke("analyze", profile_file(tmp_path, ""), "--target", "data-analyst", "--top", "50")
    assert "Coursera" in plain.out  # the same run without the preference does list them


def test_an_entry_that_excludes_nothing_warns_on_stderr_and_in_json(tmp_path: Path) -> None:
    path = profile_file(tmp_path, "preferences: {exclude_providers: [Courserra, PMI]}\n")
    result = invoke("analyze", path, "--target", "data-analyst", "--format", "json")
    assert result.code == 0, result.err
    (warning,) = result.json()["warnings"]
    assert warning["path"] == "preferences.exclude_providers[0]"
    assert "'Courserra' excludes no provider" in warning["message"]
    assert warning["hint"] == "did you mean 'Coursera'?"
    assert (
        f"warning: {path}: preferences.exclude_providers[0]: 'Courserra' excludes no provider" in result.err
    )
    plan = invoke("plan", path, "--target", "data-analyst", "--format", "json")
    assert plan.code == 0 and plan.json()["warnings"] == result.json()["warnings"]
    assert "did you mean 'Coursera'?" in plan.err


def test_a_plan_says_which_entry_excluded_a_provider(tmp_path: Path) -> None:
    path = profile_file(tmp_path, "preferences: {exclude_providers: [Google]}\n")
    result = invoke("plan", path, "--target", "data-analyst", "--format", "json")
    assert result.code == 0, result.err
    reasons = [x["reason"] for x in result.json()["left_out"]]
    assert "provider Google (Coursera) is excluded ('Google' in exclude_providers)" in reasons


def test_holding_a_pathway_holds_its_courses_so_none_is_recommended_again(tmp_path: Path) -> None:
    def recommended(body: str) -> list[str]:
        path = profile_file(tmp_path, body)
        result = invoke(
            "analyze", path, "--target", "instructional-designer", "--top", "50", "--format", "json"
        )
        assert result.code == 0, result.err
        assert "warning" not in result.err
        return [r["id"] for r in result.json()["recommendations"]]

    courses = {"umgcx-ldt100x", "umgcx-ldt200x", "umgcx-ldt300x", "umgcx-ldt400x"}
    assert courses <= set(recommended(""))
    for held in (
        "[umgcx-idt-micromasters]",
        '[{title: "UMGCx MicroMasters Program in Instructional Design and Technology"}]',
    ):  # noqa: E501
        assert not courses & set(recommended(f"credentials: {held}\n")), held


def test_a_mistyped_id_warns_with_a_did_you_mean_and_showcase_leaves_it_out(tmp_path: Path) -> None:
    path = profile_file(
        tmp_path,
        "credentials:\n  - {id: atd-aptdd, earned: 2024-03}\n  - {title: First Aid at Work}\n"
        "  - {id: umgcx-idt-micromasters, earned: 2025-05}\n",
    )
    result = invoke("analyze", path, "--target", "instructional-designer", "--format", "json")
    assert result.code == 0, result.err
    (warning,) = result.json()["warnings"]
    assert (warning["line"], warning["col"], warning["path"]) == (4, 5, "credentials[0].id")
    assert warning["hint"] == "did you mean 'atd-aptd'?"
    assert f"warning: {path}:4:5: credentials[0].id: no credential or pathway" in result.err
    shown = invoke("showcase", path, "--format", "text")
    assert shown.code == 0, shown.err
    assert "atd-aptdd" not in shown.out and "did you mean 'atd-aptd'?" in shown.err
    assert "First Aid at Work" in shown.out  # from outside the catalog, by its own title
    pathway = shown.out.split("UMGCx MicroMasters Program in Instructional Design and Technology", 1)[1]
    assert pathway.startswith(" \u2014 University of Maryland Global Campus (UMGCx on edX), May 2025")
    assert "instructional design" in pathway.split("\n")[1]


def test_the_bundled_examples_raise_no_warning() -> None:
    for profile in sorted((EXAMPLES / "profiles").glob("*.yaml")):
        result = invoke("analyze", profile, "--target", "instructional-designer", "--format", "json")
        assert result.code == 0 and result.json()["warnings"] == [], profile

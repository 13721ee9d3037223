"""The bundled taxonomy (catalogs/skills/, one file per field): its size, order, references and ids, and the
aliases that let people's wording reach a skill without ever reaching the wrong one."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache, lru_cache
from pathlib import Path

import pytest
import yaml

from skillgap.load import load_taxonomies
from skillgap.load.paths import bundled_taxonomy_paths, expand_paths
from skillgap.match import Matcher
from skillgap.match.forms import Expander
from skillgap.match.quality import load_set
from skillgap.model import Taxonomy
from tests.conftest import CATALOGS, ROOT, SHARED

SKILLS = CATALOGS / "skills"

# Canonical skills per field, at least: what the taxonomy holds today, so that losing a field's skills fails.
FIELD_COUNTS = {
    "education-training": 116,
    "finance-accounting": 135,
    "health-care": 215,
    "hr": 88,
    "it-cloud": 201,
    "management": 102,
    "marketing-communication": 148,
    "operations-supply-chain": 143,
    "sales-customer-service": 106,
    "software-data": 420,
    "trades-engineering": 195,
    "workplace": 155,
}

ESCO_SKILL_URI = re.compile(r"http://data\.europa\.eu/esco/skill/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")

# Never an alias or abbreviation of any skill: each is a common word or an acronym with another well-known
# meaning, so resolving it to one skill would silently hide a gap. The first six are the catalog audit's.
DENIED = {
    "ID": "identity, ID cards, Idaho; not instructional design",
    "ISD": "independent school district, international subscriber dialling",
    "EDI": "electronic data interchange in supply chains; not diversity, equity and inclusion",
    "sourcing": "candidate sourcing in recruiting as much as procurement",
    "containers": "shipping containers, and containers other than Docker's",
    "test design": "software test design; not assessment design",
    "OD": "overdose, outside diameter, once daily; not organizational development",
    "EI": "employment insurance, electrical installation",
    "KM": "kilometre",
    "EDA": "electronic design automation",
    "CRO": "contract research organisation, chief risk officer",
    "HPI": "history of present illness",
    "induction": "labour induction, electrical induction",
    "program design": "software program design; not curriculum development",
    "shell": "any command shell, not Bash alone",
    "cloud": "a word on its own",
    "buying": "a word on its own",
    "hiring": "a word on its own",
    "supervision": "clinical supervision in health care and social work",
    "accessibility": "physical accessibility of buildings and services",
    "mediation": "legal and family mediation, a practice of its own",
    "CBT": "computer-based training as much as cognitive behavioural therapy",
    "CDC": "Centers for Disease Control; not change data capture",
    "CMS": "Centers for Medicare & Medicaid Services; not content management systems",
    "CSR": "customer service representative; not corporate social responsibility",
    "DSP": "direct support professional, demand-side platform",
    "IPC": "the electronics assembly standards; not infection prevention and control",
    "MDM": "mobile device management and master data management",
    "NEC": "NEC construction contracts and the US electrical code",
    "RAG": "red-amber-green status in project reporting",
    "REST": "a common word",
    "SEND": "a common word",
    "SOAP": "SOAP notes in health care, and a common word",
    "Make": "a common word (GNU Make is its name)",
    "VET": "veterinary; not vocational education and training",
    # credentials and job titles are not skills: a posting that asks for one asks for the credential or the
    # experience in the role, which no alias may stand in for (see README, "The bundled taxonomy")
    "PMP": "a credential (PMI's Project Management Professional)",
    "CPA": "a credential (Certified Public Accountant)",
    "CISSP": "a credential",
    "Scrum Master": "a job title",
    "RN": "a licence and job title (registered nurse)",
    "product owner": "a job title",
}

# One-word aliases written in lower case (a plain word, not a product name, acronym or symbol) are allowed
# only as reviewed here: each is a term of art that means this one skill in postings.
REVIEWED_WORDS = {
    "accruals", "agile", "anaesthesia", "andon", "andragogy", "animating", "annuities", "apprenticeships",
    "athenahealth", "autonomy", "avionics", "bartending", "bilingual", "bioengineering", "blockwork",
    "blogging", "blueprints", "boilers", "branding", "bricklaying", "buyouts", "cabinetry", "calipers",
    "canvassing", "captioning", "cartography", "casework", "cashiering", "cataloging", "chargebacks",
    "chatbots", "childcare", "chiropody", "chiropractic", "cinematography", "clienteling", "colonoscopy",
    "compassion", "compensation", "composure", "conda", "consulting", "controllership", "copyediting",
    "costing", "crontab", "crypto", "curious", "cytopathology", "dashboards", "decontamination", "delegating",
    "deliverability", "dependability", "dependable",
    "depreciation", "dietetics", "discretion", "dotnet", "drainage",
    "drywall", "dunning", "ebooks", "ecommerce", "economics", "edtech", "electrocardiography", "encryption",
    "enthusiasm", "extermination", "filming", "firewalls", "firmware", "forklift", "formwork",
    "franchising", "gardening", "gemba", "gerontology", "ggplot", "ghostwriting", "gravitas",
    "groundskeeping", "gynaecology", "gynecology", "haemodialysis", "headhunting", "hedging", "hemodialysis",
    "histotechnology", "horticulture", "ideation", "illustrating", "immunohematology", "influencing",
    "infographics", "infosec", "ingenuity", "injections", "inquisitiveness", "invigilation", "invoicing",
    "ironwork", "joinery", "keyboarding", "kubectl", "lasers", "layoffs", "lecturing", "lettering",
    "lettings", "librarianship", "linters", "linting", "loans", "lobbying", "localisation", "localization",
    "lubrication", "macroeconomics", "mainframe", "marcomms", "martech", "maths", "mentorship", "metallurgy",
    "meticulousness", "microcopy", "microeconomics", "microlessons", "micrometers", "middleware", "mockups",
    "multicloud", "multilingual", "multithreading", "narration", "negotiating", "observability",
    "offboarding", "offshoring", "optimism", "outsourcing", "palletizing", "paralegal", "patents",
    "pentesting", "permitting", "pgvector", "pharmacotherapy", "photonics", "physiotherapy", "pipefitting",
    "planograms", "plasterboard", "plastering", "pnpm", "polymers", "polysomnography", "precepting",
    "prepayments", "presales", "presentations", "presenting", "pricing", "prioritization", "proactivity",
    "probate", "proctoring", "programmatic", "prospecting", "protobuf", "pseudonymization", "psychometrics",
    "publicity", "punctuality", "purchasing", "pytest", "radiography", "radiology", "radiotherapy",
    "receivables", "reconciliations", "recruiting", "recruitment", "regex", "regexp", "rehab", "relocation",
    "requisitions", "retouching", "rostering", "runbooks", "salesmanship", "schematics", "screencasts",
    "screenwriting", "selling", "serverless", "servlets", "shaders", "sklearn", "slinging", "solvers",
    "sonography", "spirometry", "sponsorships", "stats", "stocktaking", "stonework", "subediting",
    "subnetting", "substations", "subtitles", "suctioning", "supercomputing", "switchgear", "sysadmin",
    "syslog", "takeoffs", "telecom", "telecoms", "telemarketing", "telematics", "telemedicine", "telesales",
    "telework", "thermography", "thoroughness", "tidyverse", "timekeeping", "toolmaking", "trademarks",
    "translating", "treasury", "typesetting", "underwriting", "upsell", "vaccination", "venipuncture",
    "vetting", "videography", "voiceover", "warehousing", "waterfall", "webinars", "wireframes", "wiring",
    "woodworking",
    # traits a posting asks for in one word
    "adaptable", "compassionate", "decisiveness", "discreet", "empathetic", "hardworking", "inquisitive",
    "kindness", "punctual",
    # care a home-care posting asks for in one word
    "companionship", "toileting",
}

# Two-character acronyms clash easily; each here was checked against the other fields.
REVIEWED_SHORT = {
    "AI", "BI", "C&B", "CX", "D&I", "EQ", "GL", "I&C", "JS", "k8s", "L&D", "M&A", "ML", "QC", "S3", "UX",
    "V&V", "VR",
}


@lru_cache(maxsize=1)
def taxonomy() -> Taxonomy:
    return load_taxonomies(bundled_taxonomy_paths())


def field_files() -> list[Path]:
    return sorted(SKILLS.glob("*.yaml"))


@cache
def raw(path: Path) -> dict[str, object]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    assert isinstance(data, dict)
    return data


def aliases() -> list[tuple[str, str]]:
    """(alias, skill) for every alias of the bundled taxonomy."""
    return [(alias, skill.name) for skill in taxonomy().skills for alias in skill.aliases]


def test_the_bundled_taxonomy_is_the_skills_folder_of_field_files() -> None:
    found = [p.resolve() for p in expand_paths(bundled_taxonomy_paths())]
    assert found == [p.resolve() for p in field_files()]
    assert not (CATALOGS / "skills.yaml").exists()


def test_each_field_has_its_file_and_its_skills() -> None:
    counts = {path.stem: len(raw(path)["skills"]) for path in field_files()}  # type: ignore[arg-type]
    assert set(counts) >= set(FIELD_COUNTS)
    short = {field: (counts[field], least) for field, least in FIELD_COUNTS.items() if counts[field] < least}
    assert not short, short
    assert len(taxonomy().skills) == sum(counts.values())


def test_each_file_names_its_field_and_is_sorted_by_name() -> None:
    for path in field_files():
        data = raw(path)
        assert data.get("name") and data.get("description") and data.get("source"), path.name
        names = [entry["name"] for entry in data["skills"]]  # type: ignore[attr-defined]
        assert names == sorted(names, key=lambda n: (n.casefold(), n)), path.name


def test_a_file_with_esco_ids_credits_esco() -> None:
    for path in field_files():
        text = path.read_text(encoding="utf-8")
        if "http://data.europa.eu/esco/" in text:
            header = text.split("\nname:", 1)[0]
            assert "ESCO classification of the European Commission" in header, path.name
            # the Commission authorises reuse provided the source is acknowledged
            assert "Decision 2011/833/EU" in header, path.name


def test_no_skill_name_is_in_two_files() -> None:
    seen: dict[str, str] = {}
    for path in field_files():
        for entry in raw(path)["skills"]:  # type: ignore[attr-defined]
            name = entry["name"]
            assert name not in seen, f"{name!r} in {seen.get(name)} and {path.name}"
            seen[name] = path.name


def test_no_name_alias_or_abbreviation_means_two_skills_after_normalisation() -> None:
    tax = taxonomy()
    expander = Expander(tax.abbreviations)
    owners: dict[str, set[str]] = defaultdict(set)
    for skill in tax.skills:
        for text in (skill.name, *skill.aliases):
            form = expander.form(text)
            assert form.content, (skill.name, text)
            for key in {form.key, form.compact, form.expanded_key, form.expanded_compact}:
                owners[key].add(skill.name)
    shared = {key: sorted(names) for key, names in owners.items() if len(names) > 1}
    assert not shared, shared
    for short, long in tax.abbreviations:
        form = expander.form(long)
        assert len(owners.get(form.key, set())) <= 1, (short, long)


def test_every_name_and_alias_resolves_to_its_own_skill() -> None:
    matcher = Matcher.build(taxonomy())
    wrong = []
    for skill in taxonomy().skills:
        for text in (skill.name, *skill.aliases):
            got = matcher.resolve(text)
            if got.skill != skill.name or got.via == "fuzzy":
                wrong.append((text, skill.name, got.skill, got.detail))
    assert not wrong, wrong


@lru_cache(maxsize=1)
def plain_expander() -> Expander:
    return Expander()


def _keys(text: str) -> set[str]:
    form = plain_expander().form(text)
    return {form.key, form.compact}


def test_no_alias_or_abbreviation_is_on_the_deny_list() -> None:
    denied = {key: word for word in DENIED for key in _keys(word)}
    found = [(alias, skill) for alias, skill in aliases() if _keys(alias) & denied.keys()]
    found += [(short, long) for short, long in taxonomy().abbreviations if _keys(short) & denied.keys()]
    assert not found, found


def test_the_audits_wrong_aliases_no_longer_resolve_to_the_wrong_skill() -> None:
    matcher = Matcher.build(taxonomy())
    for typed, wrong in [
        ("ID", "instructional design"),
        ("ISD", "instructional design"),
        ("sourcing", "procurement"),
        ("containers", "Docker"),
        ("EDI", "diversity, equity and inclusion"),
        ("test design", "assessment design"),
    ]:
        assert matcher.resolve(typed).skill != wrong, typed


def test_one_word_aliases_are_reviewed_terms_not_common_words() -> None:
    plain = {alias for alias, _ in aliases() if re.fullmatch(r"[a-z]+", alias)}
    assert plain <= REVIEWED_WORDS, sorted(plain - REVIEWED_WORDS)
    assert REVIEWED_WORDS <= plain, f"no longer used, drop from the list: {sorted(REVIEWED_WORDS - plain)}"


def test_two_character_aliases_are_reviewed() -> None:
    short = {alias for alias, _ in aliases() if len(alias.replace("&", "")) <= 2 or alias == "k8s"}
    short |= {s for s, _ in taxonomy().abbreviations if len(s.replace("&", "")) <= 2}
    assert short <= REVIEWED_SHORT, sorted(short - REVIEWED_SHORT)
    assert REVIEWED_SHORT <= short, f"no longer used, drop from the list: {sorted(REVIEWED_SHORT - short)}"


def test_related_names_exist_and_are_other_skills() -> None:
    names = {skill.name for skill in taxonomy().skills}
    for skill in taxonomy().skills:
        assert set(skill.related) <= names, (skill.name, sorted(set(skill.related) - names))
        assert skill.name not in skill.related, skill.name
        assert len(set(skill.related)) == len(skill.related), skill.name


def test_ids_are_well_formed_esco_skill_uris_each_on_one_skill() -> None:
    ids = [skill.id for skill in taxonomy().skills if skill.id]
    bad = [i for i in ids if not ESCO_SKILL_URI.fullmatch(i)]
    assert not bad, bad
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)


# Cases of the labelled sets that the bundled taxonomy leaves unresolved on purpose.
# "CI": continuous integration or confidence interval, so the lexicon does not expand it
UNRESOLVED_ON_PURPOSE = {"CI"}


def test_the_labelled_sets_reach_the_same_bundled_skill_as_the_name_they_mean() -> None:
    """Where a labelled case means a name the bundled taxonomy knows, what was typed resolves to that skill:
    a new alias or skill that draws it elsewhere is wrong, not the case."""
    matcher = Matcher.build(taxonomy())
    sets = [ROOT / "tests" / "data" / f"matching-{name}.yaml" for name in ("extra", "heldout")]
    sets += [p for p in [SHARED / "eval" / "matching-dev.yaml"] if p.exists()]
    checked, wrong = 0, []
    for path in sets:
        for typed, meant in load_set(path).cases:
            target = matcher.resolve(meant) if meant else None
            if target is None or target.skill is None or target.via == "fuzzy":
                continue
            checked += 1
            got = matcher.resolve(typed).skill
            if got != target.skill and not (got is None and typed in UNRESOLVED_ON_PURPOSE):
                wrong.append((path.name, typed, got, target.skill))
    assert checked >= 100
    assert not wrong, wrong


@pytest.mark.parametrize(
    "typed", ["management", "manager", "driving", "testing", "model", "practical", "professional", "digital"]
)
def test_a_bare_general_word_reaches_no_specific_skill(typed: str) -> None:
    # an alias such as "certificate management" or "Google Drive" once let these through the matcher's
    # qualifier and vendor rules ("management" was public key infrastructure, "driving" Google Workspace)
    assert Matcher.build(taxonomy()).resolve(typed).skill is None


def test_hr_and_its_long_form_reach_human_resource_management() -> None:
    matcher = Matcher.build(taxonomy())
    assert {matcher.resolve(t).skill for t in ("HR", "human resources")} == {"human resource management"}

"""Build the JSON Schema of each file kind from the loader's key lists and value rules.

Every key a loader accepts (its ``*_KEYS`` tuples) gets its property here, described by one of a few value
rules that mirror `skillgap.load.fields` (text, level, a number in its range from skillgap/limits.py, date,
list of text, a choice). A key the loader accepts but this module does not describe yet is allowed without
a rule and listed in `UNDESCRIBED`, which a test keeps empty; so the schema never rejects a file the loader
accepts.

Only keywords that mean the same in draft 7 are used (the YAML language server validates with draft 7),
and no ``$ref`` has siblings. Run ``python -m skillgap.schema.build`` to rewrite the shipped files.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from skillgap.kinds import KINDS, Kind
from skillgap.levels import IMPORTANCE_VALUES, LEVEL_NAMES, MAX_LEVEL, MIN_LEVEL
from skillgap.limits import (
    CONDITION_HOURS,
    CONDITION_MONTHS,
    CONDITION_YEARS,
    CREDENTIAL_HOURS,
    CREDITS,
    EXPERIENCE_YEARS,
    HOURS_PER_WEEK,
    MONEY,
    Range,
)
from skillgap.load import catalog, conditions, profile, role, taxonomy
from skillgap.load.fields import YEARS
from skillgap.model import CONDITION_KINDS, ESTIMABLE_FIELDS, PROVIDER_TYPES

DIALECT = "https://json-schema.org/draft/2020-12/schema"
HERE = Path(__file__).resolve().parent
UNDESCRIBED: set[str] = set()  # "object.key" for keys the loader accepts and no rule here describes

Schema = dict[str, Any]


def ref(name: str) -> Schema:
    return {"$ref": f"#/$defs/{name}"}


def nullable(schema: Schema) -> Schema:
    return {"anyOf": [{"type": "null"}, schema]}


def literal(char: str) -> str:
    """CHAR in a regex valid in Python and in JavaScript's strict (u) mode, which refuses escapes like \\-."""
    return "\\" + char if char in "^$\\.*+?()[]{}|/" else char


def either_case(word: str) -> str:
    """A regex for WORD in any letter case, written with character classes (ECMA regexes have no (?i))."""
    return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else literal(c) for c in word)


def one_of_words(values: Iterable[str], optional: bool = False, any_case: bool = True) -> str:
    """A whole-value regex for any of VALUES (in any case), surrounding spaces allowed (the loader strips)."""
    words = "|".join(either_case(v) if any_case else "".join(map(literal, v)) for v in values)
    return rf"^\s*(?:{words}){'?' if optional else ''}\s*$"


def choice(values: Sequence[str], what: str) -> Schema:
    return nullable(
        {"type": "string", "pattern": one_of_words(values), "description": f"{what}: {', '.join(values)}"}
    )


def list_of(values: Sequence[str], any_case: bool = True) -> Schema:
    """A list of VALUES that also takes one value as plain text (an empty text means none)."""
    item = {"type": "string", "pattern": one_of_words(values, any_case=any_case)}
    return {
        "anyOf": [
            {"type": "null"},
            {"type": "string", "pattern": one_of_words(values, optional=True, any_case=any_case)},
            {"type": "array", "items": item},
        ]
    }


def _level_pattern() -> str:
    names = "|".join(
        r"[-\s]+".join(either_case(word) for word in name.split()) for name in sorted(LEVEL_NAMES)
    )
    numbers = rf"\+?0*[{MIN_LEVEL}-{MAX_LEVEL}]|-0+"
    return rf"^[-\s]*(?:{names})[-\s]*$|^\s*(?:{numbers})\s*$"


def _date_pattern() -> str:
    assert YEARS == (1900, 2200), "update the year pattern"
    year = r"(?:19[0-9]{2}|2[01][0-9]{2}|2200)"
    return rf"^\s*{year}(?:-(?:0?[1-9]|1[0-2])(?:-(?:0?[1-9]|[12][0-9]|3[01]))?)?\s*$"


DEFS: dict[str, Schema] = {
    "text": {
        "description": "Text (a number is read as text too); not empty.",
        "anyOf": [{"type": "string", "pattern": r"\S"}, {"type": "number"}],
    },
    "optional_text": {"anyOf": [{"type": "null"}, ref("text")]},
    "level": {
        "description": f"A level {MIN_LEVEL}-{MAX_LEVEL}, or its name (any case): "
        + ", ".join(f"{name} {level}" for name, level in LEVEL_NAMES.items()),
        "anyOf": [
            {"type": "integer", "minimum": MIN_LEVEL, "maximum": MAX_LEVEL},
            {"type": "string", "pattern": _level_pattern()},
        ],
    },
    "date": {
        "description": f"A date: YYYY-MM-DD, YYYY-MM or YYYY (years {YEARS[0]}-{YEARS[1]}).",
        "anyOf": [
            {"type": "null"},
            {"type": "integer", "minimum": YEARS[0], "maximum": YEARS[1]},
            {"type": "string", "pattern": _date_pattern()},
        ],
    },
    "text_list": {
        "description": "A list of text (one value may be written without the list).",
        "anyOf": [{"type": "null"}, {"type": "string"}, {"type": "array", "items": ref("text")}],
    },
    "skill_levels": {
        "description": "Shorthand: `skill name: level`.",
        "type": "object",
        "propertyNames": {"pattern": r"\S"},
        "additionalProperties": ref("level"),
    },
}


def described(rule: Schema, text: str) -> Schema:
    """A rule with a hover text; a bare $ref is wrapped so it has no siblings."""
    if "$ref" in rule:
        return {"description": text, "allOf": [rule]}
    return {**rule, "description": text} if "description" not in rule else rule


def obj(
    where: str,
    keys: Sequence[str],
    rules: Mapping[str, Schema | tuple[Schema, str]],
    required: Sequence[str] = (),
    description: str = "",
) -> Schema:
    """An object with exactly the loader's KEYS; a key without a rule is allowed and noted in UNDESCRIBED."""
    properties: dict[str, Schema] = {}
    for key in keys:
        rule = rules.get(key)
        if rule is None:
            UNDESCRIBED.add(f"{where}.{key}")
            properties[key] = {}
        elif isinstance(rule, tuple):
            properties[key] = described(*rule)
        else:
            properties[key] = rule
    out: Schema = {"type": "object"}
    if description:
        out["description"] = description
    out["properties"] = properties
    out["required"] = [k for k in required if k in keys]
    out["additionalProperties"] = False
    return out


TEXT, OPT_TEXT, LEVEL, DATE, TEXT_LIST = (
    ref(n) for n in ("text", "optional_text", "level", "date", "text_list")
)


def number_in(within: Range) -> Schema:
    """A number in a range of skillgap/limits.py (or null), as the loader takes it."""
    rule: Schema = {"type": "number", "maximum": within.high}
    rule["exclusiveMinimum" if within.low_excluded else "minimum"] = within.low
    return nullable(rule)


NON_BLANK = {"type": "string", "pattern": r"\S"}


def _degree_pattern() -> str:
    """A degree as `conditions.degree_named` reads it: a name of DEGREE_NAMES in any case, with any
    apostrophes or full stops in it, and the word "degree" after it or not."""
    skip = "[.'\N{RIGHT SINGLE QUOTATION MARK}]*"

    def word(text: str) -> str:
        return skip.join(either_case(c) for c in text)

    names = "|".join(
        f"{skip}\\s+{skip}".join(word(w) for w in name.split()) for name in sorted(conditions.DEGREE_NAMES)
    )
    space = "[\\s.'\N{RIGHT SINGLE QUOTATION MARK}]"
    return f"^{space}*(?:{names})(?:{space}+{word('degree')})?{space}*$"


def positive_in(within: Range) -> Schema:
    """A number more than 0 and at most the range's high end (an amount a condition asks for)."""
    return {"type": "number", "exclusiveMinimum": 0, "maximum": within.high}


DEGREE = {"type": "string", "pattern": _degree_pattern()}
DEGREE_TEXT = "A degree: " + ", ".join(conditions.DEGREE_NAMES) + " (any case; 'degree' after it or not)."


# --- the four kinds ---------------------------------------------------------------------------


def _profile() -> Schema:
    skill = obj(
        "profile.skills[]",
        profile.SKILL_KEYS,
        {
            "name": (TEXT, "The skill, as you would name it."),
            "level": (LEVEL, "How good you are at it, 0-5 or a level name."),
            "last_used": (DATE, "When you last used it (a month or a year: to its end)."),
            "evidence": (OPT_TEXT, "What shows it."),
            "estimated": (
                {"type": "boolean"},
                "The level was estimated (by `skillgap import`): check it, then remove the key.",
            ),
        },
        required=("name", "level"),
    )
    held = obj(
        "profile.credentials[]",
        profile.HELD_KEYS,
        {
            "id": (OPT_TEXT, "A catalog credential id."),
            "title": (OPT_TEXT, "The credential's title."),
            "earned": (DATE, "When you earned it."),
            "badge": (OPT_TEXT, "An Open Badges file, relative to this profile."),
        },
        description="A credential you hold: an id, a title or a badge file.",
    )
    held["anyOf"] = [{"required": [k], "properties": {k: TEXT}} for k in ("id", "title", "badge")]
    preferences = obj(
        "profile.preferences",
        profile.PREFERENCE_KEYS,
        {
            "budget": (number_in(MONEY), f"The most you want to spend ({MONEY.text()})."),
            "currency": (OPT_TEXT, "The budget's currency, such as USD."),
            "hours_per_week": (
                number_in(HOURS_PER_WEEK),
                f"Hours a week you can study ({HOURS_PER_WEEK.text()}).",
            ),
            "deadline": (DATE, "When you want to be ready (a month or a year: by its end)."),
            "formats": (list_of(profile.FORMATS), "Formats you accept: " + ", ".join(profile.FORMATS)),
            "exclude_providers": (TEXT_LIST, "Providers to leave out."),
        },
    )
    return obj(
        "profile",
        profile.PROFILE_KEYS,
        {
            "name": (TEXT, "Your name."),
            "current_role": (OPT_TEXT, "Your job now."),
            "education": (nullable(DEGREE), "Your highest degree. " + DEGREE_TEXT),
            "experience": (
                nullable(
                    {
                        "type": "object",
                        "propertyNames": {"pattern": r"\S"},
                        "additionalProperties": {
                            "type": "number",
                            "minimum": EXPERIENCE_YEARS.low,
                            "maximum": EXPERIENCE_YEARS.high,
                        },
                    }
                ),
                f"Years of work per field or skill (`project management: 3`; {EXPERIENCE_YEARS.text()}): "
                "what providers' experience conditions are judged against (left out: not judged).",
            ),
            "skills": (
                {"anyOf": [{"type": "null"}, {"type": "array", "items": skill}, ref("skill_levels")]},
                "The skills you have: a list of {name, level}, or `skill: level` pairs.",
            ),
            "credentials": (
                nullable({"type": "array", "items": {"anyOf": [NON_BLANK, held]}}),
                "Credentials you already hold.",
            ),
            "preferences": (nullable(preferences), "Budget, time and format preferences."),
        },
        required=("name",),
        description="A skillgap profile: who you are and the skills you have.",
    )


def _role() -> Schema:
    requirement = obj(
        "role.requirements[]",
        role.REQUIREMENT_KEYS,
        {
            "skill": (TEXT, "The skill the role needs."),
            "any_of": (
                {"type": "array", "minItems": 2, "uniqueItems": True, "items": NON_BLANK},
                "Instead of skill: a choice of skills, any one of which at the level meets it.",
            ),
            "level": (LEVEL, "The level it needs, 0-5 or a level name."),
            "importance": choice(IMPORTANCE_VALUES, "How much it matters (default important)"),
            "id": (OPT_TEXT, "The skill's id in a source taxonomy (ESCO, O*NET)."),
        },
        required=("level",),
    )
    requirement["oneOf"] = [{"required": ["skill"]}, {"required": ["any_of"]}]
    shorthand = {**DEFS["skill_levels"], "minProperties": 1}
    return obj(
        "role",
        role.ROLE_KEYS,
        {
            "id": (OPT_TEXT, "The role's id (default: the file name)."),
            "title": (TEXT, "The job title."),
            "field": (OPT_TEXT, "The field of work it belongs to (health care, software and data, ...)."),
            "description": (OPT_TEXT, "What the job is."),
            "source": (OPT_TEXT, "Where the requirements come from."),
            "requirements": (
                {"anyOf": [{"type": "array", "minItems": 1, "items": requirement}, shorthand]},
                "The skills the role needs (at least one).",
            ),
            "required_credentials": (TEXT_LIST, "Licences or degrees no microcredential replaces."),
            "source_id": (OPT_TEXT, "The role's id in its source (ESCO, O*NET)."),
        },
        required=("title", "requirements"),
        description="A skillgap role: the skills a job needs, at which level.",
    )


def _catalog() -> Schema:
    skill = obj(
        "catalog.credentials[].skills[]",
        catalog.SKILL_KEYS,
        {
            "name": (TEXT, "A skill the credential teaches."),
            "level": (LEVEL, "The level it teaches to."),
            "id": (OPT_TEXT, "The skill's id in a source taxonomy."),
        },
        required=("name", "level"),
    )
    assessments = (*catalog.ASSESSMENTS, "completion only")
    credential = obj(
        "catalog.credentials[]",
        catalog.CREDENTIAL_KEYS,
        {
            "id": (TEXT, "Unique across every catalog loaded."),
            "title": (TEXT, "The credential's title."),
            "provider": (TEXT, "Who awards it."),
            "provider_type": choice(PROVIDER_TYPES, "The kind of provider"),
            "type": (OPT_TEXT, "certificate, badge, course, ..."),
            "url": (OPT_TEXT, "Its web page."),
            "skills": (
                {"type": "array", "minItems": 1, "items": skill},
                "What it teaches, to which level (at least one skill).",
            ),
            "hours": (number_in(CREDENTIAL_HOURS), f"Hours of study ({CREDENTIAL_HOURS.text()})."),
            "cost": (number_in(MONEY), f"Its price ({MONEY.text()})."),
            "currency": (OPT_TEXT, "The cost's currency (default: the file's)."),
            "format": choice(profile.FORMATS, "How it is delivered"),
            "assessment": choice(assessments, "How it is assessed"),
            "prerequisites": (TEXT_LIST, "Ids of credentials to complete first."),
            "stacks_into": (TEXT_LIST, "Ids of pathways it counts towards."),
            "estimated": (
                list_of(ESTIMABLE_FIELDS, any_case=False),
                "Which figures are estimates: " + ", ".join(ESTIMABLE_FIELDS),
            ),
            "description": (OPT_TEXT, "What it covers."),
            "source_id": (OPT_TEXT, "Its id in its source (a badge URL, a provider code)."),
            "credits": (number_in(CREDITS), f"Academic credits it carries ({CREDITS.text()})."),
            "eligibility": (
                {"anyOf": [OPT_TEXT, _eligibility()]},
                "Who may take it (work experience, a degree), as the provider states: text, or that text "
                "with the same conditions in a form skillgap judges ({text, source, note, routes or needs}).",
            ),
            "requires": (
                {
                    "anyOf": [
                        {"type": "null"},
                        ref("skill_levels"),
                        {"type": "array", "items": _requires_item()},
                    ]
                },
                "The level of a skill it expects on entry (`skill: level`): it closes nothing for a person "
                "below it until an earlier step gets them there.",
            ),
            "source": (OPT_TEXT, "The page its facts (price, hours, conditions) were read from."),
            "as_of": (DATE, "When they were read there."),
            "note": (OPT_TEXT, "What of its facts could not be confirmed, or what the entry leaves out."),
        },
        required=("id", "title", "provider", "skills"),
    )
    pathway = obj(
        "catalog.pathways[]",
        catalog.PATHWAY_KEYS,
        {
            "id": (TEXT, "The pathway's id."),
            "title": (TEXT, "Its title."),
            "credentials": (TEXT_LIST, "Ids of the credentials in it."),
            "award": (OPT_TEXT, "What completing it awards."),
            "description": (OPT_TEXT, "What it is."),
        },
        required=("id", "title", "credentials"),
    )
    return obj(
        "catalog",
        catalog.CATALOG_KEYS,
        {
            "name": (OPT_TEXT, "The catalog's name."),
            "currency": (OPT_TEXT, "The default currency of every cost in the file."),
            "as_of": (DATE, "When the figures were checked."),
            "description": (OPT_TEXT, "What the catalog holds."),
            "source": (OPT_TEXT, "Where the figures come from."),
            "domains": (
                {"type": ["object", "null"], "additionalProperties": TEXT_LIST},
                "Provider -> its web domain or domains, for `skillgap catalog check`: where the "
                "provider's name does not show in its domain.",
            ),
            "credentials": (nullable({"type": "array", "items": credential}), "The credentials on offer."),
            "pathways": (nullable({"type": "array", "items": pathway}), "Credentials that stack up."),
        },
        required=("credentials",),
        description="A skillgap catalog of microcredentials.",
    )


def _requires_item() -> Schema:
    return obj(
        "catalog.credentials[].requires[]",
        conditions.REQUIRES_KEYS,
        {"name": (TEXT, "The skill."), "level": (LEVEL, "The level it expects on entry.")},
        required=("name", "level"),
    )


def _condition() -> Schema:
    """One condition (`$defs.condition`, which any_of refers back to): exactly one kind of it."""
    kinds = CONDITION_KINDS
    names = {"anyOf": [NON_BLANK, {"type": "array", "minItems": 1, "items": NON_BLANK}]}
    rules: dict[str, Schema | tuple[Schema, str]] = {
        "education": (DEGREE, "The degree it asks for (or higher). " + DEGREE_TEXT),
        "experience": (names, "Months or years of work in a field or skill (any one of a list)."),
        "training": (names, "Hours of training in a field or skill (any one of a list)."),
        "credential": (names, "A catalog credential id held first (any one of a list)."),
        "other": (TEXT, "A condition skillgap cannot judge, in words: it is shown, never judged."),
        "any_of": (
            {"type": "array", "minItems": 2, "items": ref("condition")},
            "A choice: any one of these conditions.",
        ),
        "months": (positive_in(CONDITION_MONTHS), "With experience: how many months."),
        "years": (positive_in(CONDITION_YEARS), "With experience: how many years."),
        "hours": (positive_in(CONDITION_HOURS), "With training: how many hours."),
    }
    out = obj(
        "catalog.credentials[].eligibility.condition",
        conditions.CONDITION_KEYS,
        rules,
        description="One condition: education, experience (with months or years), training (with hours), "
        "credential, other or any_of.",
    )

    def only(kind: str, *amounts: str) -> Schema:
        others = [k for k in (*kinds, *conditions.AMOUNT_KEYS) if k != kind and k not in amounts]
        rule: Schema = {"required": [kind], "not": {"anyOf": [{"required": [k]} for k in others]}}
        if amounts:
            rule["oneOf"] = [{"required": [a]} for a in amounts]
        return rule

    out["oneOf"] = [
        only(kind, *{"experience": ("months", "years"), "training": ("hours",)}.get(kind, ()))
        for kind in kinds
    ]
    return out


def _eligibility() -> Schema:
    needs = {"type": "array", "minItems": 1, "items": ref("condition")}
    route = obj(
        "catalog.credentials[].eligibility.routes[]",
        conditions.ROUTE_KEYS,
        {"name": (OPT_TEXT, "What the route is called."), "needs": (needs, "Every condition at once.")},
        required=("needs",),
    )
    out = obj(
        "catalog.credentials[].eligibility",
        conditions.ELIGIBILITY_KEYS,
        {
            "text": (TEXT, "The provider's conditions in words, shown as written."),
            "source": (OPT_TEXT, "Where the rule was read: the provider's page."),
            "note": (OPT_TEXT, "What the form leaves out, or could not confirm."),
            "routes": (
                {"type": "array", "minItems": 1, "items": route},
                "Ways to be eligible: any one route is enough.",
            ),
            "needs": (needs, "One route: every condition at once."),
        },
        required=("text",),
    )
    out["not"] = {"required": ["routes", "needs"]}
    return out


def _taxonomy() -> Schema:
    skill = obj(
        "taxonomy.skills[]",
        taxonomy.SKILL_KEYS,
        {
            "name": (TEXT, "The canonical name."),
            "aliases": (TEXT_LIST, "Other names for the same skill."),
            "related": (TEXT_LIST, "Neighbouring skills."),
            "id": (OPT_TEXT, "Its id in a source taxonomy."),
            "description": (OPT_TEXT, "What the skill is."),
        },
        required=("name",),
    )
    abbreviations = nullable(
        {"type": "object", "propertyNames": {"pattern": r"\S"}, "additionalProperties": NON_BLANK}
    )
    return obj(
        "taxonomy",
        taxonomy.TAXONOMY_KEYS,
        {
            "name": (OPT_TEXT, "The taxonomy's name."),
            "description": (OPT_TEXT, "What it covers."),
            "source": (OPT_TEXT, "Where it comes from."),
            "skills": (
                nullable({"type": "array", "items": {"anyOf": [NON_BLANK, skill]}}),
                "Canonical skills: a name, or {name, aliases, related}.",
            ),
            "abbreviations": (abbreviations, "`short: long form` pairs that extend the built-in table."),
        },
        required=("skills",),
        description="A skillgap taxonomy: canonical skill names and their aliases.",
    )


_BUILDERS = {Kind.PROFILE: _profile, Kind.ROLE: _role, Kind.CATALOG: _catalog, Kind.TAXONOMY: _taxonomy}


def schema_for(kind: Kind | str) -> Schema:
    """The JSON Schema of one file kind."""
    kind = Kind(kind)
    body = _BUILDERS[kind]()
    defs = {**DEFS, "condition": _condition()} if kind is Kind.CATALOG else DEFS
    return {"$schema": DIALECT, "title": f"skillgap {kind.value} (version 1)", **body, "$defs": defs}


def schema_text(kind: Kind | str) -> str:
    return json.dumps(schema_for(kind), indent=2, ensure_ascii=False) + "\n"


def shipped_path(kind: Kind | str) -> Path:
    """Where the shipped schema file of KIND is (inside the installed package)."""
    return HERE / f"{Kind(kind).value}.schema.json"


def write_shipped() -> list[Path]:
    written = []
    for kind in KINDS:
        path = shipped_path(kind)
        path.write_text(schema_text(kind), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for path in write_shipped():
        print(path)

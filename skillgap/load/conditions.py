"""The conditions a catalog credential sets before enrolment (`eligibility`, `requires`), and the degree
names a profile's `education` and a condition's `education` share.

`eligibility` is the provider's text, or a mapping of that text with the same conditions in a form skillgap
judges (README, "Catalog"):

    eligibility:
      text: "a four-year degree and 36 months leading projects, or ..."
      source: https://...          # where the rule was read
      note: "..."                  # what the form leaves out, or could not confirm
      routes:                      # any one route is enough (`needs:` alone is one route)
        - name: four-year degree
          needs:                   # every condition of a route at once
            - education: bachelor
            - {experience: project management, months: 36}
            - any_of: [{training: project management, hours: 35}, {credential: pmi-capm}]

`requires: {skill: level}` is the level of a skill a credential expects on entry.
"""

from __future__ import annotations

from typing import Any

from skillgap.limits import CONDITION_HOURS, CONDITION_MONTHS, CONDITION_YEARS
from skillgap.load.fields import Fields, Once, Report, parse_level, type_name
from skillgap.load.source import PosMap, positioned
from skillgap.model import CONDITION_KINDS, DEGREES, Condition, CredentialSkill, Eligibility, Route

ELIGIBILITY_KEYS = ("text", "source", "note", "routes", "needs")
ROUTE_KEYS = ("name", "needs")
AMOUNT_KEYS = ("months", "years", "hours")
CONDITION_KEYS = (*CONDITION_KINDS, *AMOUNT_KEYS)
REQUIRES_KEYS = ("name", "level")

# What people write for each degree (compared ignoring case, "'" and the word "degree")
DEGREE_NAMES: dict[str, str] = {
    **{d: d for d in DEGREES},
    "high school": "secondary",
    "high-school": "secondary",
    "secondary diploma": "secondary",
    "ged": "secondary",
    "associates": "associate",
    "bachelors": "bachelor",
    "four-year": "bachelor",
    "masters": "master",
    "graduate": "master",
    "doctoral": "doctorate",
    "phd": "doctorate",
}
DEGREE_HINT = "one of: " + ", ".join(DEGREES)


def degree_named(text: str) -> str | None:
    """The degree (one of DEGREES) TEXT names: "Bachelor's degree" is bachelor, "High school" secondary."""
    words = text.casefold().replace("'", "").replace("\u2019", "").replace(".", "").split()
    if words and words[-1] == "degree":
        words = words[:-1]
    return DEGREE_NAMES.get(" ".join(words))


def read_degree(fields: Fields, key: str) -> str | None:
    text = fields.text(key)
    if text is None:
        return None
    degree = degree_named(text)
    if degree is None:
        fields.problem(key, f"unknown degree {text!r}", DEGREE_HINT)
    return degree


# --- eligibility -------------------------------------------------------------------------------


def read_eligibility(fields: Fields, key: str = "eligibility") -> tuple[str | None, Eligibility | None]:
    """The provider's text and, when the entry is a mapping, the conditions in the form skillgap judges."""
    if not isinstance(fields.data.get(key), PosMap):
        return fields.text(key), None
    sub = fields.mapping(key)
    assert sub is not None
    sub.check_keys(ELIGIBILITY_KEYS, required=("text",))
    text = sub.text("text", required=True)
    source, note = sub.text("source"), sub.text("note")
    routes: list[Route] = []
    if "routes" in sub.data and "needs" in sub.data:
        sub.problem("needs", "give 'routes' or 'needs' (one route), not both")
    elif "needs" in sub.data:
        needs = _needs(sub, "needs")
        if needs is not None:
            routes.append(Route(needs))
    else:
        for _, item, path, pos in sub.items("routes"):
            route = sub.sub(item, path, pos)
            if route is None:
                continue
            route.check_keys(ROUTE_KEYS, required=("needs",))
            name = route.text("name")
            needs = _needs(route, "needs") if "needs" in route.data else None
            if needs is not None:
                routes.append(Route(needs, name))
        if isinstance(sub.data.get("routes"), list) and not sub.data["routes"]:
            sub.problem("routes", "must list at least one route", "leave 'routes' out when none is known")
    return text, Eligibility(tuple(routes), source, note)


def _needs(fields: Fields, key: str) -> tuple[Condition, ...] | None:
    """A list of conditions, every one of which must hold; None when it is not a list of them."""
    raw = fields.data.get(key)
    if not isinstance(raw, list) or not raw:
        fields.problem(key, f"must list at least one condition, got {type_name(raw)}", CONDITION_HINT)
        return None
    out = []
    for _, item, path, pos in fields.items(key):
        sub = fields.sub(item, path, pos)
        condition = _condition(sub) if sub is not None else None
        if condition is None:
            return None
        out.append(condition)
    return tuple(out)


CONDITION_HINT = (
    "each condition is one of: {education: bachelor}, {experience: FIELD, months: N} (or years), "
    "{training: FIELD, hours: N}, {credential: ID}, {other: TEXT}, {any_of: [CONDITION, ...]}"
)


def _condition(fields: Fields) -> Condition | None:
    fields.check_keys(CONDITION_KEYS)
    kinds = [k for k in CONDITION_KINDS if k in fields.data]
    if len(kinds) != 1:
        found = " and ".join(repr(k) for k in kinds) or "none"
        fields.report.add(
            f"a condition names one kind, got {found}", (fields.data.line, fields.data.col), fields.path,
            CONDITION_HINT,
        )  # fmt: skip
        return None
    kind = kinds[0]
    for amount in AMOUNT_KEYS:
        belongs = "experience" if amount in ("months", "years") else "training"
        if amount in fields.data and kind != belongs:
            article = "an" if belongs == "experience" else "a"
            fields.problem(amount, f"{amount!r} belongs to {article} {belongs} condition")
            return None
    if kind == "education":
        degree = read_degree(fields, "education")
        return Condition("education", degree=degree) if degree is not None else None
    if kind in ("experience", "training"):
        names = fields.text_list(kind)
        if not names:
            fields.problem(kind, "must name a field or skill (or a list of them)")
            return None
        if kind == "training":
            hours = _amount(fields, ("hours",), {"hours": (CONDITION_HOURS, 1.0)})
            return Condition("training", fields=names, hours=hours) if hours is not None else None
        units = {"months": (CONDITION_MONTHS, 1.0), "years": (CONDITION_YEARS, 12.0)}
        months = _amount(fields, ("months", "years"), units)
        return Condition("experience", fields=names, months=months) if months is not None else None
    if kind == "credential":
        ids = fields.text_list("credential")
        if not ids:
            fields.problem("credential", "must name a credential id (or a list, any one of which does)")
            return None
        return Condition("credential", credentials=ids)
    if kind == "other":
        text = fields.text("other", required=True)
        return Condition("other", text=text) if text is not None else None
    options = _needs(fields, "any_of")
    if options is None:
        return None
    if len(options) < 2:
        fields.problem(
            "any_of", "must list at least two conditions, one of which does", "write the one alone"
        )
        return None
    return Condition("any_of", options=options)


def _amount(fields: Fields, keys: tuple[str, ...], ranges: dict[str, tuple[Any, float]]) -> float | None:
    """The one amount KEYS give (months or years; hours), in the first key's unit; None (reported) when
    none or two are given, or it is out of range or none at all (0)."""
    given = [k for k in keys if k in fields.data]
    if len(given) != 1:
        where = " or ".join(repr(k) for k in keys)
        fields.report.add(
            f"give {where}" if not given else f"give {where}, not both",
            (fields.data.line, fields.data.col),
            fields.path,
        )
        return None
    key = given[0]
    within, factor = ranges[key]
    value = fields.number(key, within)
    if value is None:
        if fields.data.get(key) is None:
            fields.problem(key, f"{key!r} needs a number")
        return None
    if value == 0:
        fields.problem(key, "must be more than 0", "leave the condition out when nothing is asked")
        return None
    return value * factor


# --- entry level -------------------------------------------------------------------------------


def read_requires(fields: Fields, key: str = "requires") -> tuple[CredentialSkill, ...]:
    """`requires: {skill: level}` (or a list of {name, level}): the levels a credential expects on entry."""
    raw = fields.data.get(key)
    if raw is None:
        return ()
    out: list[CredentialSkill] = []
    once = Once(fields.report, "skill")
    if isinstance(raw, PosMap):
        for name, value in raw.items():
            pos = raw.pos(name)
            path = f"{fields.path}.{key}" if fields.path else key
            if not isinstance(name, str) or not name.strip():
                fields.report.add(f"a skill name must be text, got {type_name(name)}", pos, path)
                continue
            level, message = parse_level(value)
            if message:
                fields.report.add(message, pos, f"{path}.{name}", "use 0-5 or a level name")
            elif level is not None and not once.twice(name, pos, path):
                out.append(CredentialSkill(name.strip(), level))
        return tuple(out)
    if not isinstance(raw, list):
        fields.problem(key, f"expected a mapping of skill: level, got {type_name(raw)}")
        return ()
    for _, item, path, pos in fields.items(key):
        sub = fields.sub(item, path, pos)
        if sub is None:
            continue
        sub.check_keys(REQUIRES_KEYS, required=("name", "level"))
        name = sub.text("name", required=True)
        level = sub.level("level", required=False) if "level" in sub.data else None
        if name is not None and level is not None and not once.twice(name, pos, path):
            out.append(CredentialSkill(name, level))
    return tuple(out)


# --- the fast reading's ------------------------------------------------------------------------

BAD: Any = object()  # a value the fast reading leaves to the careful one


def plain_eligibility(value: Any) -> Any:
    """(text, conditions) from a fast read's plain value; BAD for anything the careful reading would
    report (it reads it again, with positions, and says where)."""
    if value is None:
        return None, None
    if type(value) is str:
        text = value.strip()
        return (text, None) if text else BAD
    if type(value) is not dict:
        return BAD
    return _careful(lambda fields: read_eligibility(fields, "x"), value)


def plain_requires(value: Any) -> Any:
    if value is None:
        return ()
    if type(value) not in (dict, list):
        return BAD
    return _careful(lambda fields: read_requires(fields, "x"), value)


def _careful(read: Any, value: Any) -> Any:
    """READ run on VALUE without positions; BAD when it reports a problem."""
    report = Report("")
    data = positioned({"x": value})
    result = read(Fields(data, report))
    return BAD if report.problems else result

"""Catalog files: the microcredentials on offer, what each teaches, and pathways they stack into.

Checks that span files (ids unique across every catalog loaded, references that resolve, no prerequisite
cycles) run once all files are read, so a problem is reported at the line that causes it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from skillgap.errors import InputError, Problem
from skillgap.levels import MAX_LEVEL, MIN_LEVEL
from skillgap.limits import CREDENTIAL_HOURS, CREDITS, MONEY, Range
from skillgap.load.conditions import BAD, plain_eligibility, plain_requires, read_eligibility, read_requires
from skillgap.load.fields import Fields, Once, Report, join, name_key, read_date, top_mapping
from skillgap.load.paths import expand_paths
from skillgap.load.profile import FORMATS
from skillgap.load.reading import read_model
from skillgap.load.source import PosMap, positioned
from skillgap.load.stored import catalog_codec
from skillgap.model import (
    ESTIMABLE_FIELDS,
    PROVIDER_TYPES,
    Catalog,
    Credential,
    CredentialSkill,
    Origin,
    Pathway,
)

CATALOG_KEYS = ("name", "currency", "as_of", "description", "source", "domains", "credentials", "pathways")
CREDENTIAL_KEYS = (
    "id",
    "title",
    "provider",
    "provider_type",
    "type",
    "url",
    "skills",
    "hours",
    "cost",
    "currency",
    "format",
    "assessment",
    "prerequisites",
    "stacks_into",
    "estimated",
    "description",
    "source_id",
    "credits",
    "eligibility",
    "requires",
    "source",
    "as_of",
    "note",
)
SKILL_KEYS = ("name", "level", "id")
PATHWAY_KEYS = ("id", "title", "credentials", "award", "description")
ASSESSMENTS = ("exam", "project", "portfolio", "practical", "completion")
CODEC = catalog_codec({"format": FORMATS, "assessment": ASSESSMENTS})  # how the cache keeps a catalog


def load_catalogs(paths: Sequence[Path], use_cache: bool = True) -> Catalog:
    """Read every catalog file (folders are expanded), then check references across all of them.

    use_cache=False skips the per-file cache, for a caller that caches what it builds from the result."""
    catalogs: list[Catalog] = []
    problems: list[Problem] = []
    files = expand_paths(paths)
    for path in files:
        try:
            read = read_model(
                path, "catalog", read_catalog, fast=True, plain=True, use_cache=use_cache, codec=CODEC
            )
            catalogs.append(read)
        except InputError as exc:
            problems.extend(exc.problems)
    merged = merge(catalogs)
    across = cross_check(merged)
    if problems or across:
        found = _every_problem(files)
        if not found and not problems:  # a file named twice, which validate reads once: say where anyway
            again = [read_model(path, "catalog", read_catalog, located=True) for path in files]
            found = cross_check(merge(again))
        raise InputError(found or problems + across)
    return merged


def load_catalogs_located(paths: Sequence[Path]) -> Catalog:
    """The catalogs as `load_catalogs` reads them (every problem raised), each credential's origin with
    its line and column: for a check that points at each entry (a second, slower reading)."""
    load_catalogs(paths)
    return merge(read_model(path, "catalog", read_catalog, located=True) for path in expand_paths(paths))


def _every_problem(files: Sequence[Path]) -> list[Problem]:
    """Every problem of FILES, each at its line, as `validate` finds them: a file that cannot be read
    keeps the ids it gives, so references to them are not reported as dangling too, and references read
    on the fast path are read again with positions (an error path only)."""
    from skillgap.kinds import Kind
    from skillgap.load.check import check_files

    return [problem for checked in check_files(files, Kind.CATALOG) for problem in checked.problems]


def merge(catalogs: Iterable[Catalog]) -> Catalog:
    catalogs = list(catalogs)
    if len(catalogs) == 1:
        return catalogs[0]
    merged = Catalog(
        credentials=tuple(c for cat in catalogs for c in cat.credentials),
        pathways=tuple(p for cat in catalogs for p in cat.pathways),
        name=" + ".join(c.name for c in catalogs if c.name) or None,
        currency=next((c.currency for c in catalogs if c.currency), None),
        files=tuple(f for cat in catalogs for f in cat.files),
        domains=merge_domains(catalogs),
    )
    if all("skill_names" in cat.__dict__ for cat in catalogs):
        names = {name: None for cat in catalogs for name in cat.skill_names}
        merged.__dict__["skill_names"] = list(names)
    return merged


def read_catalog(data: Any, report: Report) -> Catalog | None:
    """The catalog in DATA, which is either located (PosMap and PosList) or, from a fast read, plain dicts
    and lists: each plainly valid credential is then read whole at once, and anything else field by field
    (the two readings agree on what the fast one accepts; tests/test_fast_reading.py holds them to it).

    Plain data is consumed: each credential's entry is let go once read, so a large catalog's parsed text
    and its credentials are never all in memory at once (a caller that needs the data again, to say where a
    problem is, parses the text again anyway)."""
    plain = type(data) is dict
    if plain:  # the top level only: credentials stay plain for the fast reading below
        data = _top_level(data)
    top = top_mapping(data, report, "catalog", "a 'credentials' list")
    if top is None:
        return None
    top.check_keys(CATALOG_KEYS, required=("credentials",))
    top.date("as_of"), top.text("description"), top.text("source")  # checked, not kept
    currency = top.text("currency")
    currency = currency.upper() if currency else None
    credentials = []
    origin, known = Origin(report.file), SkillMemo()
    entries = data.get("credentials") if plain else None
    whole = plain  # whether the fast reading took every credential whole
    for index, item, where in _credential_items(top, entries):
        credential = plain_credential(item, currency, origin, known) if type(item) is dict else None
        if credential is not None:
            credentials.append(credential)
            continue
        whole = False
        path, pos = where(index)
        fields = top.sub(positioned(item), path, pos)
        if fields is not None:
            credential = _credential(fields, currency)
            if credential is not None:
                credentials.append(credential)
    pathways = []
    for _, item, path, pos in top.items("pathways"):
        fields = top.sub(positioned(item), path, pos)
        if fields is not None:
            fields.check_keys(PATHWAY_KEYS, required=("id", "title", "credentials"))
            ident, title = fields.text("id", required=True), fields.text("title", required=True)
            members = fields.text_list("credentials")
            fields.text("description")
            if ident and title:
                pathways.append(Pathway(ident, title, members, fields.text("award"), fields.origin()))
    catalog = Catalog(
        credentials=tuple(credentials),
        pathways=tuple(pathways),
        name=top.text("name"),
        currency=currency,
        files=(report.file,),
        domains=_domains(top),
    )
    if whole:
        # every credential took its skills from KNOWN, so its entries, in the order first met, name every
        # skill in the order first met, a quarter as many as a walk of the credentials would go through
        names = {found[0].name: None for found in known.values() if found is not None}
        catalog.__dict__["skill_names"] = list(names)
    return catalog


def _domains(top: Fields) -> dict[str, tuple[str, ...]]:
    """`domains:`, provider -> its web domains (one, or a list): each written as a host name, which
    `skillgap catalog check` accepts, with its subdomains, for the provider's URLs."""
    found: dict[str, tuple[str, ...]] = {}
    declared = top.mapping("domains")
    if declared is None:
        return found
    for provider in declared.data:
        if not isinstance(provider, str) or not provider.strip():
            declared.problem(
                str(provider), "a provider's name must be text", "write `Provider Name: domain.org`"
            )
            continue
        hosts = declared.text_list(provider)
        for host in hosts:
            if not is_host(host):
                declared.problem(
                    provider, f"{host!r} is not a web domain", "write the host name alone, such as td.org"
                )
        found[provider.strip()] = tuple(host.lower().rstrip(".") for host in hosts if is_host(host))
    return found


def is_host(text: str) -> bool:
    """Whether TEXT is a host name (labels of letters, digits and hyphens, with at least one dot)."""
    labels = text.lower().rstrip(".").split(".")
    return len(labels) > 1 and all(
        label
        and len(label) <= 63
        and label.strip("-") == label
        and label.replace("-", "").isalnum()
        and label.isascii()
        for label in labels
    )


def merge_domains(catalogs: Iterable[Catalog]) -> dict[str, tuple[str, ...]]:
    """Every file's `domains:`, a provider named twice with the domains of both."""
    found: dict[str, tuple[str, ...]] = {}
    for cat in catalogs:
        for provider, hosts in cat.domains.items():
            found[provider] = tuple(dict.fromkeys((*found.get(provider, ()), *hosts)))
    return found


def _credential(fields: Fields, default_currency: str | None) -> Credential | None:
    fields.check_keys(CREDENTIAL_KEYS, required=("id", "title", "provider", "skills"))
    ident = fields.text("id", required=True)
    title = fields.text("title", required=True)
    provider = fields.text("provider", required=True)
    skills = _skills(fields)
    if isinstance(fields.data.get("skills"), list) and not skills:  # (not a list: reported already)
        fields.problem("skills", "must list at least one skill the credential teaches")
    elif fields.data.get("skills", 0) is None:
        fields.problem("skills", "must list at least one skill the credential teaches")
    estimated = fields.text_list("estimated")
    for name in estimated:
        if name not in ESTIMABLE_FIELDS:
            fields.problem(
                "estimated", f"{name!r} cannot be estimated", "list any of: " + ", ".join(ESTIMABLE_FIELDS)
            )
    assessment = fields.text("assessment")
    if assessment is not None:
        assessment = assessment.lower().replace("completion only", "completion")
        if assessment not in ASSESSMENTS:
            fields.problem(
                "assessment", f"{assessment!r} is not allowed", "allowed: " + ", ".join(ASSESSMENTS)
            )
            assessment = None
    currency = fields.text("currency")
    provider_type = fields.choice("provider_type", PROVIDER_TYPES, default="other")
    hours, cost = fields.number("hours", CREDENTIAL_HOURS), fields.number("cost", MONEY)
    credits = fields.number("credits", CREDITS)
    source_id = fields.text("source_id")
    source, as_of, note = fields.text("source"), fields.date("as_of"), fields.text("note")
    kind, url, description = fields.text("type"), fields.text("url"), fields.text("description")
    delivery = fields.choice("format", FORMATS)
    prerequisites, stacks_into = fields.text_list("prerequisites"), fields.text_list("stacks_into")
    eligibility, conditions = read_eligibility(fields)
    requires = read_requires(fields)
    if not (ident and title and provider and skills):
        return None
    return Credential(
        id=ident,
        title=title,
        provider=provider,
        skills=skills,
        provider_type=provider_type or "other",
        type=kind,
        url=url,
        hours=hours,
        cost=cost,
        currency=currency.upper() if currency else default_currency,
        format=delivery,
        assessment=assessment,
        prerequisites=prerequisites,
        stacks_into=stacks_into,
        estimated=frozenset(e for e in estimated if e in ESTIMABLE_FIELDS),
        description=description,
        origin=fields.origin(),
        source_id=source_id,
        credits=credits,
        eligibility=eligibility,
        conditions=conditions,
        requires=requires,
        source=source,
        as_of=as_of,
        note=note,
    )


Where = Callable[[int], tuple[str, tuple[int | None, int | None]]]


def _credential_items(top: Fields, entries: Any) -> Iterator[tuple[int, Any, Where]]:
    """Each credential entry, and how to say where it is (worked out only for an entry that needs it).
    Plain ENTRIES (a list) are consumed: each is let go as it is handed over."""
    if type(entries) is not list:  # located data, or not a list (which top.items reports)
        for index, item, path, pos in top.items("credentials"):
            yield index, item, lambda _, path=path, pos=pos: (path, pos)  # type: ignore[misc]
        return

    def where(index: int) -> tuple[str, tuple[int | None, int | None]]:
        return join(join(top.path, "credentials"), index), top.pos("credentials")

    for index, item in enumerate(entries):
        entries[index] = None
        yield index, item, where


def _top_level(data: dict[Any, Any]) -> PosMap:
    """A plain top-level mapping as a PosMap without positions; its values are left as they are."""
    top = positioned({})
    top.update(data)
    for key in ("pathways", "domains"):
        if key in top:
            top[key] = positioned(top[key])
    return top  # type: ignore[no-any-return]


_REQUIRED_KEYS = frozenset(("id", "title", "provider", "skills"))


def plain_credential(
    item: dict[Any, Any], currency: str | None, origin: Origin, known: SkillMemo | None = None
) -> Credential | None:
    """A credential read whole when every field of it is plainly valid (the usual case in a large catalog).

    None sends it through the field-by-field reading, which reports each problem; for a credential this
    accepts, both readings give the same Credential, without positions (a test holds them to it). Only
    the fields present are looked at, each by the reader its key names (every key is a Credential field)."""
    if not _REQUIRED_KEYS <= item.keys():
        return None
    values: dict[str, Any] = {"origin": origin}
    for key, value in item.items():
        if key == "skills":
            value = _plain_skills(value, known)
            if value is None:
                return None
        elif key == "eligibility":  # the provider's text, and the conditions skillgap judges
            read = plain_eligibility(value)
            if read is BAD:
                return None
            value, values["conditions"] = read
        else:
            read = _PLAIN_READERS.get(key)
            if read is None:  # not a credential field: the careful reading names it
                return None
            value = read(value)
            if value is _BAD:
                return None
        values[key] = value
    if not (values["id"] and values["title"] and values["provider"]):
        return None
    values["currency"] = values.get("currency") or currency
    values["provider_type"] = values.get("provider_type") or "other"
    return Credential.of(values)


_BAD: Any = object()  # a value the fast reading leaves to the careful one


def _text(value: Any) -> Any:
    """Absent or None: None; text: stripped; anything else (blank text, a number): _BAD."""
    if value is None:
        return None
    if type(value) is str:
        value = value.strip()
        return value or _BAD
    return _BAD


def _number(within: Range) -> Callable[[Any], Any]:
    low, high = within.low, within.high
    assert not within.low_excluded

    def read(value: Any) -> Any:
        if value is None:
            return None
        if type(value) is int or type(value) is float:
            try:
                number = float(value)
            except OverflowError:
                return _BAD
            return number if low <= number <= high else _BAD  # NaN fails both comparisons
        return _BAD

    return read


def _text_list(value: Any) -> Any:
    if value is None:
        return ()
    if type(value) is str:
        value = [value]
    elif type(value) is not list:
        return _BAD
    out = []
    for item in value:
        if type(item) is not str or not item.strip():
            return _BAD
        out.append(item.strip())
    return tuple(out)


def _estimated(value: Any) -> Any:
    names = _text_list(value)
    return frozenset(names) if names is not _BAD and _ESTIMABLE.issuperset(names) else _BAD


def _date(value: Any) -> Any:
    if value is None:
        return None
    parsed = read_date(value)[0]
    return _BAD if parsed is None else parsed


def _choice(allowed: Sequence[str]) -> Callable[[Any], Any]:
    def read(value: Any) -> Any:
        text = _text(value)
        if text is None or text is _BAD:
            return text
        text = text.lower()
        return text if text in allowed else _BAD

    return read


def _assessment(value: Any) -> Any:
    text = _text(value)
    if text is None or text is _BAD:
        return text
    text = text.lower().replace("completion only", "completion")
    return text if text in ASSESSMENTS else _BAD


def _currency(value: Any) -> Any:
    text = _text(value)
    return text.upper() if text is not None and text is not _BAD else text


_ESTIMABLE = frozenset(ESTIMABLE_FIELDS)
_PLAIN_READERS: dict[str, Callable[[Any], Any]] = {
    **dict.fromkeys(("id", "title", "provider", "type", "url", "description", "source_id"), _text),
    "requires": lambda value: _BAD if (read := plain_requires(value)) is BAD else read,
    "source": _text,
    "note": _text,
    "as_of": _date,
    "hours": _number(CREDENTIAL_HOURS),
    "cost": _number(MONEY),
    "credits": _number(CREDITS),
    **dict.fromkeys(("prerequisites", "stacks_into"), _text_list),
    "estimated": _estimated,
    "provider_type": _choice(PROVIDER_TYPES),
    "format": _choice(FORMATS),
    "assessment": _assessment,
    "currency": _currency,
}
assert set(_PLAIN_READERS) | {"skills", "eligibility"} == set(CREDENTIAL_KEYS)


def _skills(fields: Fields) -> tuple[CredentialSkill, ...]:
    plain = _plain_skills(fields.data.get("skills"))
    if plain is not None:
        return plain
    out: list[CredentialSkill] = []
    once = Once(fields.report, "skill")
    for _, item, path, pos in fields.items("skills"):
        sub = fields.sub(item, path, pos)
        if sub is None:
            continue
        sub.check_keys(SKILL_KEYS, required=("name", "level"))
        name = sub.text("name", required=True)
        level = sub.level("level", required=False) if "level" in sub.data else None
        if name is not None and level is not None and not once.twice(name, pos, path):
            out.append(CredentialSkill(name, level, sub.text("id")))
    return tuple(out)


_SKILL_KEY_SET = frozenset(SKILL_KEYS)


SkillMemo = dict[tuple[str, int, "str | None"], "tuple[CredentialSkill, str] | None"]


def _plain_skills(raw: Any, known: SkillMemo | None = None) -> tuple[CredentialSkill, ...] | None:
    """The skills, read fast when every entry is plainly valid (the usual case in a large catalog).

    None sends the list through the field-by-field reading, which reports each problem where it is; for
    a list this accepts, both readings give the same skills (a test holds them to it). KNOWN remembers
    each distinct skill entry across a file: a large catalog repeats the same few thousand."""
    if not isinstance(raw, list) or not raw:
        return None
    known = {} if known is None else known
    out: list[CredentialSkill] = []
    seen: set[str] = set()
    for item in raw:
        if not isinstance(item, dict) or not item.keys() <= _SKILL_KEY_SET:
            return None
        name, level, ident = item.get("name"), item.get("level"), item.get("id")
        # exact types first: True == 1 and 1.0 == 1 would otherwise find an entry made for 1
        if type(name) is not str or type(level) is not int or not (ident is None or type(ident) is str):
            return None
        entry = (name, level, ident)
        found = known.get(entry, _UNSEEN)
        if found is _UNSEEN:
            found = known[entry] = _plain_skill(name, level, ident)
        if found is None or found[1] in seen:
            return None
        seen.add(found[1])
        out.append(found[0])
    return tuple(out)


_UNSEEN: Any = object()


def _plain_skill(name: str, level: int, ident: str | None) -> tuple[CredentialSkill, str] | None:
    """One plainly valid skill entry and its name key, or None."""
    name = name.strip()
    if not name or not MIN_LEVEL <= level <= MAX_LEVEL or (ident is not None and not ident.strip()):
        return None
    return CredentialSkill(name, level, ident.strip() if ident is not None else None), name_key(name)


def cross_check(catalog: Catalog) -> list[Problem]:
    """Problems that only show across files: duplicate ids, dangling references, cycles."""
    problems: list[Problem] = []

    def at(origin: Origin | None, message: str, path: str = "", hint: str = "") -> None:
        file = origin.file if origin else "?"
        line = origin.line if origin else None
        col = origin.col if origin else None
        problems.append(Problem(file, message, line, col, path, hint))

    credentials = catalog.credentials
    ids = {c.id: c for c in credentials}
    if len(ids) != len(credentials):  # some id is used twice: say where, and keep the first of each
        ids = {}
        for credential in credentials:
            if credential.id in ids:
                first = ids[credential.id].origin
                at(
                    credential.origin,
                    f"duplicate credential id {credential.id!r}",
                    "id",
                    f"first defined at {first}" if first else "ids must be unique",
                )
            else:
                ids[credential.id] = credential
    pathway_ids: dict[str, Pathway] = {}
    for pathway in catalog.pathways:
        first_pathway = pathway_ids.setdefault(pathway.id, pathway)
        if first_pathway is not pathway:
            where = first_pathway.origin
            at(
                pathway.origin,
                f"duplicate pathway id {pathway.id!r}",
                "id",
                f"first defined at {where}" if where else "ids must be unique",
            )
    # every credential's references, a second one with the same id's too: each is a line to fix
    for credential in [c for c in credentials if c.prerequisites or c.stacks_into or c.conditions]:
        for ref in credential.conditions.credential_ids() if credential.conditions else ():
            if ref not in ids:
                at(
                    credential.origin,
                    f"eligibility credential {ref!r} is not a credential id",
                    f"{credential.id}.eligibility",
                    "a condition names a credential of the catalogs loaded by its id",
                )
        for ref in credential.prerequisites:
            if ref not in ids:
                at(
                    credential.origin,
                    f"prerequisite {ref!r} is not a credential id",
                    f"{credential.id}.prerequisites",
                )
        for ref in credential.stacks_into:
            if ref not in pathway_ids:
                at(
                    credential.origin,
                    f"stacks_into {ref!r} is not a pathway id",
                    f"{credential.id}.stacks_into",
                )
    for pathway in catalog.pathways:
        for ref in pathway.credentials:
            if ref not in ids:
                at(
                    pathway.origin,
                    f"pathway credential {ref!r} is not a credential id",
                    f"{pathway.id}.credentials",
                )
    # only credentials with prerequisites, and those they name, can be on a cycle or a chain
    named = {ref for c in ids.values() for ref in c.prerequisites}
    graph = {c.id: c.prerequisites for c in ids.values() if c.prerequisites or c.id in named}
    chain = longest_chain(graph, MAX_CHAIN)
    if chain is CYCLE:  # one walk finds either; the cycle reported is the first in id order
        cycle = find_cycle(graph)
        assert cycle is not None
        at(
            ids[cycle[0]].origin,
            "prerequisite cycle: " + _chain_text(cycle),
            f"{cycle[0]}.prerequisites",
            "a credential cannot require itself, even indirectly",
        )
    elif chain:
        at(
            ids[chain[0]].origin,
            f"a prerequisite chain more than {MAX_CHAIN} credentials long: {_chain_text(chain)}",
            f"{chain[0]}.prerequisites",
            "check the prerequisites; skillgap follows chains up to that length",
        )
    return problems


MAX_CHAIN = 100  # prerequisites followed one after another; real chains are a handful long


def _chain_text(chain: list[str]) -> str:
    if len(chain) <= 12:
        return " -> ".join(chain)
    return " -> ".join(chain[:4] + [f"... ({len(chain) - 6} more)"] + chain[-2:])


CYCLE: list[str] = ["(a cycle)"]  # what longest_chain returns for a graph with a cycle


def longest_chain(graph: dict[str, tuple[str, ...]], limit: int) -> list[str] | None:
    """CYCLE if the graph has a cycle; else a chain of prerequisites longer than LIMIT, or None
    (iteratively: no recursion)."""
    length: dict[str, int] = {}
    following: dict[str, str] = {}
    walking: set[str] = set()  # the path from the start to the node being expanded
    found: list[str] | None = None  # the first chain too long; the walk goes on to look for a cycle
    for start in graph:
        stack: list[tuple[str, bool]] = [(start, False)]
        while stack:
            node, done = stack.pop()
            if node in length:
                continue
            children = [c for c in graph.get(node, ()) if c in graph]
            if not done:
                if node in walking:
                    return CYCLE
                walking.add(node)
                stack.append((node, True))
                stack.extend((c, False) for c in children if c not in length)
                continue
            walking.discard(node)
            best = max(children, key=lambda c: length.get(c, 0), default=None)
            length[node] = 1 + (length.get(best, 0) if best else 0)
            if best:
                following[node] = best
            if length[node] > limit and found is None:
                found = [node]
                while found[-1] in following:
                    found.append(following[found[-1]])
    return found


def find_cycle(graph: dict[str, tuple[str, ...]]) -> list[str] | None:
    """One cycle in a prerequisite graph as a path that returns to its start, or None."""
    state: dict[str, int] = {}
    for start in sorted(graph):
        if state.get(start):
            continue
        stack: list[tuple[str, int]] = [(start, 0)]
        path: list[str] = []
        while stack:
            node, index = stack.pop()
            if index == 0:
                state[node] = 1
                path.append(node)
            children = [c for c in graph.get(node, ()) if c in graph]
            if index < len(children):
                stack.append((node, index + 1))
                child = children[index]
                if state.get(child) == 1:
                    return path[path.index(child) :] + [child]
                if not state.get(child):
                    stack.append((child, 0))
            else:
                state[node] = 2
                path.pop()
    return None

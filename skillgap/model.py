"""The typed model every stage of skillgap works on: what the four input files become once loaded.

Everything here is a frozen dataclass: the loaders build them, the core reads them, nothing mutates them.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import MISSING, dataclass, field
from datetime import date
from functools import cached_property
from math import inf
from typing import Any

from skillgap.levels import Importance
from skillgap.verification import Verdict, Verification

PROVIDER_TYPES: tuple[str, ...] = (
    "university",
    "college",
    "association",
    "mooc",
    "vendor",
    "employer",
    "other",
)

# Which figures of a credential may be marked as estimates: "levels" says the levels of its skills were
# not published (an imported badge that aligns to a skill without saying to which level, for example).
ESTIMABLE_FIELDS: tuple[str, ...] = ("hours", "cost", "levels")


@dataclass(frozen=True)
class Origin:
    """Where something was read from, for messages that point at the file and line."""

    file: str
    line: int | None = None
    col: int | None = None

    def __str__(self) -> str:
        if self.line is None:
            return self.file
        return f"{self.file}:{self.line}" + (f":{self.col}" if self.col is not None else "")


# --- profile ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProfileSkill:
    """One skill a person says they have, at a level (1-5), maybe with when it was last used and evidence."""

    name: str
    level: int
    last_used: date | None = None
    evidence: str | None = None
    origin: Origin | None = None
    estimated: bool = False  # the level was estimated (by an import), for the person to review


@dataclass(frozen=True)
class HeldCredential:
    """A credential the person already holds: a catalog id, a title, or a badge file."""

    id: str | None = None
    title: str | None = None
    earned: date | None = None
    badge: str | None = None
    origin: Origin | None = None

    @property
    def label(self) -> str:
        return self.title or self.id or self.badge or "?"


@dataclass(frozen=True)
class Preferences:
    """What the person wants of a credential: budget, hours a week, a deadline, formats, providers to skip."""

    budget: float | None = None
    currency: str | None = None
    hours_per_week: float | None = None
    deadline: date | None = None
    formats: tuple[str, ...] = ()
    exclude_providers: tuple[str, ...] = ()


# Degrees from the lowest to the highest: a condition "a bachelor's degree" is met by a master's too.
DEGREES: tuple[str, ...] = ("none", "secondary", "associate", "bachelor", "master", "doctorate")


def degree_rank(degree: str) -> int:
    """A degree's place in DEGREES (0: none)."""
    return DEGREES.index(degree)


@dataclass(frozen=True)
class Experience:
    """Years of work a profile says the person has in one field or skill."""

    field: str
    years: float
    origin: Origin | None = None


@dataclass(frozen=True)
class Profile:
    """A person: their skills, the credentials they hold, and their preferences (a profile file)."""

    name: str
    current_role: str | None = None
    skills: tuple[ProfileSkill, ...] = ()
    credentials: tuple[HeldCredential, ...] = ()
    preferences: Preferences = field(default_factory=Preferences)
    file: str = ""
    education: str | None = None  # the highest degree, one of DEGREES; None: the profile does not say
    experience: tuple[Experience, ...] | None = None  # None: the profile does not say (() says none)


# --- role ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Requirement:
    """One thing a role asks for: a skill (or a choice of skills) at a level, and how much it matters."""

    skill: str  # the skill; for a choice, its alternatives joined ("Articulate Storyline or Adobe Captivate")
    level: int
    importance: Importance = Importance.IMPORTANT
    origin: Origin | None = None
    id: str | None = None  # the skill's id in the source it came from (an ESCO URI, an O*NET element id)
    any_of: tuple[str, ...] = ()  # a choice: any one of these skills at LEVEL meets it

    @property
    def names(self) -> tuple[str, ...]:
        """The skill names that can meet it: its alternatives, or its one skill."""
        return self.any_of or (self.skill,)


def choice_label(names: Iterable[str]) -> str:
    """How a choice of skills reads: "A or B", "A, B or C"."""
    listed = list(names)
    return listed[0] if len(listed) == 1 else ", ".join(listed[:-1]) + " or " + listed[-1]


@dataclass(frozen=True)
class Unmatched:
    """A phrase of a job posting that reads like a skill but that no known skill matches."""

    text: str
    line: int


@dataclass(frozen=True)
class Role:
    """A target role: its requirements, and the credentials it requires (a role file)."""

    id: str
    title: str
    requirements: tuple[Requirement, ...]
    description: str | None = None
    source: str | None = None
    required_credentials: tuple[str, ...] = ()
    file: str = ""
    source_id: str | None = None  # the occupation's id where it came from (ESCO URI, O*NET-SOC code)
    posting: str | None = None  # the job posting it was read from (`--target ad.txt`), if it was
    unrecognised: tuple[Unmatched, ...] = ()  # what that posting asks for that matched no known skill
    field: str | None = None  # the field of work it belongs to ("health care"), for listing roles by field


# --- catalog ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class CredentialSkill:
    """A skill a credential teaches, to a level."""

    name: str
    level: int
    id: str | None = None  # a shared id (an alignment's targetUrl, an ESCO URI), matched before the name


# The kinds of condition a provider can set before enrolment (see `Condition`).
CONDITION_KINDS: tuple[str, ...] = ("education", "experience", "credential", "training", "other", "any_of")


@dataclass(frozen=True)
class Condition:
    """One thing a provider asks for before a person may enrol (or be awarded the credential).

    education: a DEGREE or higher. experience: MONTHS of work in any one of FIELDS (fields or skills).
    credential: any one of CREDENTIALS (catalog ids) held first. training: HOURS of study in FIELDS.
    other: a condition in words (TEXT) that skillgap cannot judge. any_of: one of OPTIONS.
    """

    kind: str
    degree: str | None = None
    fields: tuple[str, ...] = ()
    months: float | None = None
    hours: float | None = None
    credentials: tuple[str, ...] = ()
    text: str | None = None
    options: tuple[Condition, ...] = ()

    def walk(self) -> Iterator[Condition]:
        """This condition and every one inside it."""
        yield self
        for option in self.options:
            yield from option.walk()

    def data(self) -> tuple[Any, ...]:
        """Plain data (tuples, text, numbers), as the cache's records keep it; `from_data` reads it."""
        return (
            self.kind, self.degree, self.fields, self.months, self.hours, self.credentials, self.text,
            tuple(o.data() for o in self.options),
        )  # fmt: skip

    @classmethod
    def from_data(cls, data: Sequence[Any]) -> Condition:
        kind, degree, fields, months, hours, credentials, text, options = data
        return cls(
            kind, degree, tuple(fields), months, hours, tuple(credentials), text,
            tuple(cls.from_data(o) for o in options),
        )  # fmt: skip


@dataclass(frozen=True)
class Route:
    """One way to be eligible: every condition in NEEDS at once."""

    needs: tuple[Condition, ...]
    name: str | None = None


@dataclass(frozen=True)
class Eligibility:
    """A provider's conditions in a form skillgap can judge: any one of ROUTES is enough. SOURCE is where
    the rule was read (the provider's page); NOTE what the form leaves out or could not confirm."""

    routes: tuple[Route, ...]
    source: str | None = None
    note: str | None = None

    def conditions(self) -> Iterator[Condition]:
        """Every condition of every route, nested ones too."""
        for route in self.routes:
            for condition in route.needs:
                yield from condition.walk()

    def credential_ids(self) -> tuple[str, ...]:
        """The catalog credentials a condition names, in the order first named."""
        ids = {i: None for c in self.conditions() if c.kind == "credential" for i in c.credentials}
        return tuple(ids)

    def data(self) -> tuple[Any, ...]:
        routes = tuple((tuple(c.data() for c in r.needs), r.name) for r in self.routes)
        return (routes, self.source, self.note)

    @classmethod
    def from_data(cls, data: Sequence[Any] | None) -> Eligibility | None:
        if data is None:
            return None
        routes, source, note = data
        return cls(
            tuple(Route(tuple(Condition.from_data(c) for c in needs), name) for needs, name in routes),
            source,
            note,
        )


@dataclass(frozen=True)
class Credential:
    """One microcredential of a catalog: who offers it, what it teaches, what it costs in money and time."""

    id: str
    title: str
    provider: str
    skills: tuple[CredentialSkill, ...]
    provider_type: str = "other"
    type: str | None = None
    url: str | None = None
    hours: float | None = None
    cost: float | None = None
    currency: str | None = None
    format: str | None = None
    assessment: str | None = None
    prerequisites: tuple[str, ...] = ()
    stacks_into: tuple[str, ...] = ()
    estimated: frozenset[str] = frozenset()
    description: str | None = None
    origin: Origin | None = None
    source_id: str | None = None  # the id it has where it came from (an Open Badges achievement id)
    credits: float | None = None  # academic credits it carries, where the provider says
    eligibility: str | None = None  # who may take it (experience, a degree), in the provider's terms
    conditions: Eligibility | None = None  # the same conditions in a form skillgap judges, where given
    requires: tuple[CredentialSkill, ...] = ()  # the level of a skill it expects on entry
    source: str | None = None  # the page its facts (price, hours, conditions) were read from
    as_of: date | None = None  # when they were read there
    note: str | None = None  # what of them could not be confirmed, or what the entry leaves out

    def entry_level(self, key: Callable[[str], str]) -> dict[str, int]:
        """The level it expects on entry, by skill key (KEY gives a name's), the highest where two names
        are the same skill."""
        out: dict[str, int] = {}
        for skill in self.requires:
            k = key(skill.name)
            out[k] = max(out.get(k, 0), skill.level)
        return out

    def is_estimated(self, field_name: str) -> bool:
        return field_name in self.estimated

    def price_key(self) -> tuple[float, float, str]:
        """Cheapest first: by cost (unknown last), then hours (unknown last), then id."""
        return (
            inf if self.cost is None else self.cost,
            inf if self.hours is None else self.hours,
            self.id,
        )

    @classmethod
    def of(cls, values: Mapping[str, Any]) -> Credential:
        """The credential with these fields (the rest at their defaults), made without running __init__:
        the same object, about 3x faster, which counts when a catalog holds 100,000 (it has no
        __post_init__ to skip; a test holds the two ways equal)."""
        credential = object.__new__(cls)
        fields = dict(_CREDENTIAL_DEFAULTS)
        fields.update(values)
        credential.__dict__.update(fields)
        return credential


_CREDENTIAL_DEFAULTS = {
    name: f.default for name, f in Credential.__dataclass_fields__.items() if f.default is not MISSING
}


@dataclass(frozen=True)
class Pathway:
    """Credentials that stack into a larger award."""

    id: str
    title: str
    credentials: tuple[str, ...]
    award: str | None = None
    origin: Origin | None = None


def id_key(ident: str) -> str:
    """A shared id as compared: ignoring the URL scheme, a trailing slash and case."""
    key = ident.strip().casefold()
    for scheme in ("https://", "http://"):
        key = key.removeprefix(scheme)
    return key.rstrip("/")


@dataclass(frozen=True)
class CatalogLookup:
    """Where each credential sits in a catalog by id, by title and by source id, and what it costs: built
    once per catalog (and cached with it), so finding one credential never walks a large catalog."""

    ids: dict[str, int]
    titles: dict[str, int]  # casefolded title -> the last credential with it
    sources: dict[str, tuple[int, ...]]  # id_key(source_id) -> credentials, in catalog order
    price: tuple[array[float], array[float], tuple[str, ...]]  # cost, hours (unknown: inf), id by index
    stacks: dict[str, tuple[int, ...]]  # pathway id -> the credentials that say they stack into it
    providers: dict[str, int] = field(default_factory=dict)  # provider as written -> how many credentials
    offered: tuple[tuple[str, str | None], ...] = ()  # (provider, format) by index: preferences need no build

    @classmethod
    def of(cls, credentials: Sequence[Credential]) -> CatalogLookup:
        ids: dict[str, int] = {}
        titles: dict[str, int] = {}
        sources: dict[str, list[int]] = {}
        stacks: dict[str, list[int]] = {}
        providers: dict[str, int] = {}
        offers: dict[tuple[str, str | None], tuple[str, str | None]] = {}  # each distinct pair kept once
        offered = []
        costs, hours = array("d"), array("d")
        for index, credential in enumerate(credentials):
            ids[credential.id] = index
            providers[credential.provider] = providers.get(credential.provider, 0) + 1
            pair = (credential.provider, credential.format)
            offered.append(offers.setdefault(pair, pair))
            titles[credential.title.casefold()] = index
            source = id_key(credential.source_id) if credential.source_id else ""
            if source:  # an id that is only a scheme or slashes is none
                sources.setdefault(source, []).append(index)
            for pathway in credential.stacks_into:
                stacks.setdefault(pathway, []).append(index)
            cost, hour, _ = credential.price_key()
            costs.append(cost)
            hours.append(hour)
        price = (costs, hours, tuple(c.id for c in credentials))
        return cls(
            ids,
            titles,
            {key: tuple(found) for key, found in sources.items()},
            price,
            {key: tuple(found) for key, found in stacks.items()},
            providers,
            tuple(offered),
        )

    def cheapest_first(self, indexes: Iterable[int]) -> list[int]:
        """These credentials in `Credential.price_key` order, from the columns."""
        costs, hours, ids = self.price
        return sorted(indexes, key=lambda i: (costs[i], hours[i], ids[i]))


class CredentialsById(Mapping[str, Credential]):
    """A catalog's credentials by id, looked up as asked for."""

    def __init__(self, credentials: Sequence[Credential], ids: Mapping[str, int]) -> None:
        self._credentials, self._ids = credentials, ids

    def __getitem__(self, ident: str) -> Credential:
        return self._credentials[self._ids[ident]]

    def __contains__(self, ident: object) -> bool:
        return ident in self._ids

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)


@dataclass(frozen=True)
class Taught:
    """The credentials that teach one skill: their indexes in a catalog, in order, and the highest level
    each teaches it to (arrays: a large catalog's index loads from the cache as a few blocks of bytes)."""

    indexes: array[int]
    levels: bytes

    def pairs(self) -> Iterator[tuple[int, int]]:
        return zip(self.indexes, self.levels, strict=True)


@dataclass(frozen=True)
class Catalog:
    """The credentials and pathways of one or more catalog files, with lookups by id and title."""

    credentials: Sequence[Credential] = ()  # a tuple, or (from the cache) a sequence that builds as asked
    pathways: tuple[Pathway, ...] = ()
    name: str | None = None
    currency: str | None = None
    files: tuple[str, ...] = ()
    # the web domains of a provider or platform, as its catalog file declares them (`domains:`), for
    # the providers whose name does not show in their domain (ATD's td.org): provider -> domains
    domains: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @cached_property
    def lookup(self) -> CatalogLookup:
        return CatalogLookup.of(self.credentials)

    def by_id(self) -> Mapping[str, Credential]:
        return CredentialsById(self.credentials, self.lookup.ids)

    def titled(self, title: str) -> Credential | None:
        """The credential with this title, ignoring case (the last one, if several have it)."""
        index = self.lookup.titles.get(title.casefold())
        return None if index is None else self.credentials[index]

    def from_sources(self, keys: Iterable[str]) -> tuple[Credential, ...]:
        """The credentials whose source id is one of these (`id_key` forms), in catalog order."""
        found = sorted({i for key in keys for i in self.lookup.sources.get(key, ())})
        return tuple(self.credentials[i] for i in found)

    @cached_property
    def pathway_members(self) -> dict[str, frozenset[str]]:
        """Pathway id -> the credential ids in it (listed by the pathway or by the credential)."""
        members = {p.id: set(p.credentials) for p in self.pathways}
        ids = self.lookup.price[2]
        for pathway, stacking in self.lookup.stacks.items():  # from the lookup: no credential is built
            members.setdefault(pathway, set()).update(ids[i] for i in stacking)
        return {pathway: frozenset(found) for pathway, found in members.items()}

    @cached_property
    def skill_names(self) -> list[str]:
        """The distinct skill names its credentials list, in the order first met."""
        return list({s.name: None for c in self.credentials for s in c.skills})


# --- badges ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Badge:
    """An earned Open Badge (a 2.0 Assertion or a 3.0 OpenBadgeCredential) read from a file.

    What it proves is held as a credential: its skills are the ones the badge aligns to. Whether it proves
    anything is its `verification` (skillgap.verify, offline): None when it was only read, not checked.
    """

    file: str
    credential: Credential
    issued: date | None = None
    expires: date | None = None
    revoked: bool = False
    criteria: str | None = None  # how it is earned: the criteria narrative, or the URL of the criteria
    evidence: tuple[str, ...] = ()  # what the earner showed: narratives, names or URLs of the evidence
    signed: bool = False  # the file carries a signature or proof (`verification` says whether it holds)
    notes: tuple[str, ...] = ()  # what could not be read from the file, said plainly
    origin: Origin | None = None  # where a profile lists the file
    url: str | None = None  # where the award itself is published (a hosted assertion), to verify it
    verification: Verification | None = None  # the checks made offline and their verdict; None: not checked

    def counts_on(self, today: date) -> bool:
        """Whether it still stands on this day, as written: not revoked and not expired."""
        return not self.revoked and (self.expires is None or self.expires >= today)

    @property
    def verdict(self) -> Verdict | None:
        return self.verification.verdict if self.verification is not None else None

    def evidences_on(self, today: date) -> bool:
        """Whether it is evidence on this day: it stands, and it was verified (its proof holds, by the
        issuer's key). A badge not verified never proves anything."""
        return self.counts_on(today) and self.verdict is Verdict.VERIFIED

    def claims_on(self, today: date) -> bool:
        """Whether it counts as a claim on this day (claimed with a badge): it stands, and it could not be
        verified offline, or was not checked; an invalid badge counts as nothing."""
        return self.counts_on(today) and self.verdict in (Verdict.UNVERIFIABLE, None)


# --- taxonomy --------------------------------------------------------------------------------


@dataclass(frozen=True)
class TaxonomySkill:
    """A canonical skill of the taxonomy, with the other names it goes by."""

    name: str
    aliases: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    id: str | None = None
    origin: Origin | None = None


@dataclass(frozen=True)
class Taxonomy:
    """The canonical skills and the abbreviations the matcher reads names by."""

    skills: tuple[TaxonomySkill, ...] = ()
    abbreviations: tuple[tuple[str, str], ...] = ()
    files: tuple[str, ...] = ()

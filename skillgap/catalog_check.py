"""Checking a catalog's facts are sourced and current: what `skillgap catalog check` reports.

A catalog file can be valid (`skillgap validate`) and still mislead: a price with no page it came from, a
fee last checked three years ago, a link to a page that is not the provider's, two credentials a profile
cannot tell apart by title. Each finding names the credential, where it is, and how to fix it. A source
on another domain than the provider's is no finding (a catalog may have no better page to cite) but is
counted, and listed in the JSON, so that it can be replaced when the provider's own page turns up.

Whether a web address belongs to its credential's provider is judged from the provider's name: a domain
label that is the name written together ("linuxfoundation"), its initials ("pmi"), one of its words
("cornell"), or a label that holds one of these ("afponline", "withgoogle"), for the name and for each
part in parentheses, which is where a catalog names the platform that hosts a course ("Google
(Coursera)", "UMGCx on edX"). A provider whose domain shows none of that (ATD's td.org) is declared in
the catalog file's `domains:`, which accepts the domains given and their subdomains.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from skillgap.model import Catalog, Credential, Origin

NO_SOURCE = "no-source"
NO_AS_OF = "no-as-of"
OUT_OF_DATE = "out-of-date"
NOT_A_PAGE = "source-not-a-page"
FOREIGN_URL = "url-domain"
DUPLICATE_TITLE = "duplicate-title"
KINDS = (NO_SOURCE, NO_AS_OF, OUT_OF_DATE, NOT_A_PAGE, FOREIGN_URL, DUPLICATE_TITLE)


@dataclass(frozen=True)
class Finding:
    kind: str  # one of KINDS
    credential: str  # its id
    title: str
    message: str
    hint: str
    origin: Origin | None


@dataclass(frozen=True)
class CatalogCheck:
    findings: tuple[Finding, ...]
    checked: int  # credentials looked at
    as_of: date  # the day ages were judged on
    oldest: date  # an as_of before this is out of date
    # credentials whose source is a page on another domain than the provider's (a study guide, a news
    # story): no finding, as a catalog may have no better page to cite, but worth a look when one appears
    secondary: tuple[str, ...] = ()


def year_before(day: date) -> date:
    """The same day a year earlier (28 February for 29 February)."""
    try:
        return date(day.year - 1, day.month, day.day)
    except ValueError:
        return date(day.year - 1, day.month, day.day - 1)


def check_catalog(catalog: Catalog, today: date) -> CatalogCheck:
    """Every finding about CATALOG's credentials, judged on TODAY, in catalog order (a credential's own
    findings in the order of KINDS)."""
    oldest = year_before(today)
    domains = {_name_key(provider): hosts for provider, hosts in catalog.domains.items()}
    first_titled: dict[str, Credential] = {}
    found: list[Finding] = []
    secondary: list[str] = []
    for credential in catalog.credentials:
        found.extend(_own_findings(credential, today, domains))
        host = _web_address(credential.source) if credential.source else None
        declared = domains.get(_name_key(credential.provider), ())
        if host is not None and not belongs_to(host, credential.provider, declared):
            secondary.append(credential.id)
        key = _title_key(credential.title)
        first = first_titled.setdefault(key, credential)
        if first is not credential:
            where = f" ({first.origin})" if first.origin else ""
            found.append(
                _finding(
                    credential,
                    DUPLICATE_TITLE,
                    f"the same title as {first.id!r}{where}",
                    "a profile names a credential by its title: make each title say which one it is",
                )
            )
    return CatalogCheck(tuple(found), len(catalog.credentials), today, oldest, tuple(secondary))


def _own_findings(
    credential: Credential, today: date, domains: Mapping[str, tuple[str, ...]]
) -> list[Finding]:
    oldest = year_before(today)
    out = []
    if not credential.source:
        out.append(
            _finding(credential, NO_SOURCE, "no source", "give the page its facts come from as `source`")
        )
    elif not _web_address(credential.source):
        out.append(
            _finding(
                credential,
                NOT_A_PAGE,
                f"source {credential.source!r} is not a web address",
                "give the https:// address of the page its facts come from",
            )
        )
    if credential.as_of is None:
        out.append(
            _finding(
                credential, NO_AS_OF, "no as_of", "give the day or month its facts were checked as `as_of`"
            )
        )
    elif credential.as_of < oldest:
        out.append(
            _finding(
                credential,
                OUT_OF_DATE,
                f"as_of {credential.as_of.isoformat()} is more than a year before {today.isoformat()}",
                "check its facts against the source again and update `as_of`",
            )
        )
    if credential.url:
        host = _web_address(credential.url)
        if host is None:
            out.append(
                _finding(
                    credential,
                    FOREIGN_URL,
                    f"url {credential.url!r} is not a web address",
                    "give its https:// page",
                )
            )
        elif not belongs_to(host, credential.provider, domains.get(_name_key(credential.provider), ())):
            out.append(
                _finding(
                    credential,
                    FOREIGN_URL,
                    f"url's domain {host} is not that of its provider {credential.provider!r}",
                    "link the provider's page or its platform's (named in parentheses after the provider), "
                    "or declare the provider's domain in the file's `domains:`",
                )
            )
    return out


def _finding(credential: Credential, kind: str, message: str, hint: str) -> Finding:
    return Finding(kind, credential.id, credential.title, message, hint, credential.origin)


def _title_key(title: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", title).casefold().split())


def _name_key(name: str) -> str:
    return " ".join(name.casefold().split())


def _web_address(text: str) -> str | None:
    """The host of an http(s) address, lower case without a trailing dot; None for anything else."""
    try:
        parts = urlsplit(text.strip())
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not host or "." not in host.strip("."):
        return None
    return host.rstrip(".")


# --- whose domain --------------------------------------------------------------------------------------

# labels that say nothing about whose site it is
_GENERIC_LABELS = frozenset(
    "www www2 learn learning training academy online education edu certification certifications "
    "certificates certificate courses course home app my go info explore exams exam portal store shop web "
    "en us uk uk2 help support community events credentials digital".split()
)
_SECOND_LEVEL = frozenset("co com org net ac gov edu or ne".split())  # under a country's domain: .co.uk
_STOP_WORDS = frozenset("of the and for at in on a an by formerly with de la".split())
# words of many providers' names: a domain that holds one says nothing about which provider it is
_GENERIC_WORDS = frozenset(
    "university universities institute association international academy college school society online "
    "global management professional professionals certification council foundation centre center "
    "chartered national learning training business group partners company".split()
)
_MIN_PART = 3  # a key or label shorter than this matches only exactly


def belongs_to(host: str, provider: str, declared: Iterable[str] = ()) -> bool:
    """Whether HOST is a domain of PROVIDER (or of the platform its name gives in parentheses): one of the
    DECLARED domains or a subdomain of one, or a domain whose labels show the name (see the module)."""
    host = host.lower()
    if any(host == d or host.endswith("." + d) for d in declared):
        return True
    keys = provider_keys(provider)
    labels = _labels(host)
    return any(_label_matches(label, keys) for label in labels)


def _labels(host: str) -> list[str]:
    """The labels of HOST that can name an owner: not the top-level domain (unless it is a brand's own,
    as .google is), not a country's second level (.co.uk), not a generic label (www, learn)."""
    labels = host.split(".")
    top = labels.pop()
    if len(top) > 3:
        labels.append(top)
    elif len(top) == 2 and len(labels) > 1 and labels[-1] in _SECOND_LEVEL:
        labels.pop()
    out = []
    for label in labels:
        if label in _GENERIC_LABELS:
            continue
        out.append(label.replace("-", ""))
        out.extend(
            part for part in label.split("-") if len(part) >= _MIN_PART and part not in _GENERIC_LABELS
        )
    return out


def provider_keys(provider: str) -> set[str]:
    """The forms of a provider's name (and of each part in parentheses) a domain label may show."""
    keys: set[str] = set()
    for name in _names(provider):
        words = re.findall(r"[a-z0-9]+", _ascii(name))
        significant = [w for w in words if w not in _STOP_WORDS]
        if not significant:
            continue
        keys.add("".join(words))
        keys.add("".join(significant))
        if len(significant) > 1:
            keys.add("".join(w[0] for w in significant))
        keys.update(w for w in significant if len(w) >= 4 and w not in _GENERIC_WORDS)
    return {k for k in keys if k}


def _names(provider: str) -> list[str]:
    """The name outside parentheses and each part inside, split where a name lists more than one
    ("Stanford University and DeepLearning.AI", "UMGCx on edX", "ASCM, formerly APICS")."""
    inside = re.findall(r"\(([^()]*)\)", provider)
    outside = re.sub(r"\([^()]*\)", " ", provider)
    names: list[str] = []
    for part in (outside, *inside):
        names.extend(
            p for p in re.split(r",|/|;|\bon\b|\band\b|&|\bformerly\b", part, flags=re.I) if p.strip()
        )
    return names


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()


def _label_matches(label: str, keys: set[str]) -> bool:
    if label in keys:
        return True
    if len(label) < _MIN_PART:
        return False
    for key in keys:
        if len(key) >= _MIN_PART and key in label:  # "afp" in "afponline", "google" in "withgoogle"
            return True
        if len(label) >= 5 and label in key:  # "coachingfederation" in "internationalcoachingfederation"
            return True
        if key.startswith(label):  # "hbs" for Harvard Business School Online's "hbso", "mit" for MITx
            return True
    return False

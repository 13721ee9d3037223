"""Text normalisation: the same rewrites for queries, canonical names and aliases.

Because every name goes through the same function, a rewrite is safe as long as it never makes
two distinct concepts equal: "c++", "c#", "f#" and ".net" stay distinct symbol tokens, and
version numbers are dropped only where they read as versions ("Python 3", "Storyline 360") and
not where they name the thing ("ISO 9001", "Section 508").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_PARENS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_SHORT_AMP = re.compile(r"(?<![a-z0-9])([a-z0-9]{1,2})\s*&\s*([a-z0-9]{1,2})(?![a-z0-9])")
_DOTNET = re.compile(r"(?<![a-z0-9])\.net(?![a-z0-9])|(?<=[a-z0-9])\.net(?![a-z0-9])")
_TOKEN = re.compile(r"\.net\b|v?[0-9]+(?:\.(?:[0-9]+|x))+\b|[a-z0-9]+(?:&[a-z0-9]+)?[+#]*")
_VERSION = re.compile(r"v?[0-9]+(?:\.(?:[0-9]+|x))*")
_TRAILING_DIGITS = re.compile(r"([a-z]{4,})([0-9]{1,2})")

# A number after one of these is part of the name, not a version ("Section 508", "Level 3").
_NUMBERED_WORDS = frozenset(
    {
        "section",
        "iso",
        "iec",
        "level",
        "grade",
        "part",
        "form",
        "title",
        "article",
        "chapter",
        "stage",
        "phase",
        "class",
        "type",
        "tier",
        "step",
        "rule",
        "unit",
        "module",
        "year",
        "act",
        "web",
        "industry",
        "category",
        "key",
        "no",
        "number",
        "schedule",
        "series",
        "band",
    }
)

# Words whose trailing "s" is not a plural ("canvas" is not "canva").
_NOT_PLURAL = frozenset(
    {
        "canvas",
        "atlas",
        "alias",
        "bias",
        "gas",
        "lens",
        "news",
        "chaos",
        "kudos",
        "ethos",
        "pathos",
        "cosmos",
        "series",
        "species",
        "this",
        "has",
        "was",
        "yes",
        "its",
        "plus",
        "always",
        "perhaps",
        "whereas",
    }
)

_BRITISH_WORDS: dict[str, str] = {
    "programme": "program",
    "centre": "center",
    "metre": "meter",
    "litre": "liter",
    "fibre": "fiber",
    "theatre": "theater",
    "calibre": "caliber",
    "spectre": "specter",
    "lustre": "luster",
    "sombre": "somber",
    "licence": "license",
    "defence": "defense",
    "offence": "offense",
    "pretence": "pretense",
    "practise": "practice",
    "practised": "practiced",
    "practising": "practicing",
    "judgement": "judgment",
    "acknowledgement": "acknowledgment",
    "ageing": "aging",
    "grey": "gray",
    "enrol": "enroll",
    "enrolment": "enrollment",
    "fulfil": "fulfill",
    "fulfilment": "fulfillment",
    "instil": "instill",
    "skilful": "skillful",
    "wilful": "willful",
    "aluminium": "aluminum",
    "mould": "mold",
    "moulding": "molding",
    "manoeuvre": "maneuver",
    "jewellery": "jewelry",
    "sceptical": "skeptical",
    "tyre": "tire",
    "artefact": "artifact",
    "learnt": "learned",
    "sulphur": "sulfur",
    "aeroplane": "airplane",
    "plough": "plow",
    "cheque": "check",
    "draught": "draft",
    "kerb": "curb",
    "cosy": "cozy",
}

_OUR_EXCEPTIONS = frozenset({"contour", "devour", "detour", "velour", "troubadour", "paramour"})
_OUR = re.compile(r"^([a-z]{3,})our(s|ed|ing|able|ite|ites|itism|ful)?$")
_SINGLE_L = re.compile(
    r"^(model|travel|label|cancel|counsel|level|channel|fuel|signal|tunnel|funnel|jewel|marshal"
    r"|dial|total|panel|pencil|quarrel|shovel|barrel|rival|refuel|tunnel|libel|marvel|snorkel"
    r"|unravel|dishevel|duel|equal)l(ing|ed|er|ers|ings)$"
)
_DIGRAPHS: tuple[tuple[str, str], ...] = (
    ("paed", "ped"),
    ("haem", "hem"),
    ("anaes", "anes"),
    ("aemia", "emia"),
    ("oesoph", "esoph"),
    ("gynaec", "gynec"),
    ("oestr", "estr"),
    ("foet", "fet"),
    ("oedema", "edema"),
    ("diarrhoea", "diarrhea"),
)
_DIGRAPH_HINT = re.compile("|".join(old for old, _ in _DIGRAPHS))
_IZE_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("isation", "ization"),
    ("ising", "izing"),
    ("ised", "ized"),
    ("iser", "izer"),
    ("ise", "ize"),
    ("ysing", "yzing"),
    ("ysed", "yzed"),
    ("yser", "yzer"),
    ("yse", "yze"),
)


def is_symbol(token: str) -> bool:
    """Tokens such as "c++", "c#", ".net", "l&d": compared only for equality, never fuzzily."""
    return not token.isalnum()


def _singular(token: str) -> str:
    if len(token) <= 3 or not token.isalpha() or token in _NOT_PLURAL:
        return token
    if token.endswith("ies") and len(token) > 4:
        return token[:-3] + "y"
    if token.endswith("sses"):
        return token[:-2]
    if token.endswith(("xes", "ches", "shes", "zzes")):
        return token[:-2]
    if token.endswith("s") and not token.endswith(("ss", "us")):
        # "analysis", "basis" keep their "is"; four letters is an acronym's plural ("kpis")
        if token.endswith("is") and len(token) > 4:
            return token
        return token[:-1]
    return token


def _american(token: str) -> str:
    if token in _BRITISH_WORDS:
        return _BRITISH_WORDS[token]
    if _DIGRAPH_HINT.search(token):
        for old, new in _DIGRAPHS:
            token = token.replace(old, new)
    if "our" in token:
        m = _OUR.match(token)
        if m and token not in _OUR_EXCEPTIONS:
            return f"{m.group(1)}or{m.group(2) or ''}"
    if "ll" in token:
        m = _SINGLE_L.match(token)
        if m:
            return m.group(1) + m.group(2)
    if "is" in token or "ys" in token:
        if "isation" in token:
            return token.replace("isation", "ization")
        if len(token) >= 6:
            for old, new in _IZE_SUFFIXES:
                if token.endswith(old):
                    return token[: -len(old)] + new
    if len(token) >= 7 and token.endswith("ogue"):
        return token[:-2]
    return token


@lru_cache(maxsize=65536)
def normalize_token(token: str) -> str:
    """One token's spelling-independent form: singular, American spelling, no version suffix."""
    if is_symbol(token):
        return token
    m = _TRAILING_DIGITS.fullmatch(token)
    if m:
        token = m.group(1)
    if len(token) >= 5 and token.endswith("js"):  # "reactjs" is "react.js", i.e. React
        token = token[:-2]
    return _american(_singular(token))


def _is_version(token: str) -> bool:
    if not (token[:1].isdigit() or token[1:2].isdigit()):  # what _VERSION needs, cheaply first
        return False
    if not _VERSION.fullmatch(token):
        return False
    if token.startswith("v") or "." in token:
        return True
    return len(token) <= 3 or 1990 <= int(token) <= 2039


def _ascii_fold(text: str) -> str:
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def raw_tokens(name: str) -> tuple[str, ...]:
    """Split a name into lower-case tokens, keeping symbol tokens and dropping qualifiers in ()."""
    text = _ascii_fold(name)
    if not text.isprintable():
        text = _CONTROL.sub(" ", text)
    if "'" in text or "\u2019" in text:
        text = text.replace("'", "").replace("\u2019", "")
    if "(" in text or "[" in text:
        stripped = _PARENS.sub(" ", text)
        if _TOKEN.search(stripped):
            text = stripped
    if "&" in text:
        text = _SHORT_AMP.sub("\\1\0\\2", text)
        text = text.replace("&", " and ").replace("\0", "&")
    if ".net" in text:
        text = _DOTNET.sub(" .net", text)
    return tuple(_TOKEN.findall(text))


@lru_cache(maxsize=65536)
def tokens(name: str) -> tuple[str, ...]:
    """The normalised tokens of a name (see :func:`normalize`)."""
    words = [normalize_token(t) for t in raw_tokens(name)]
    if len(words) > 1 and "js" in words[1:]:  # "Node.js" and "node js" are Node
        words = words[:1] + [w for w in words[1:] if w != "js"]
    while len(words) > 1 and _is_version(words[-1]) and words[-2] not in _NUMBERED_WORDS:
        words.pop()
    return tuple(words)


def normalize(name: str) -> str:
    """A display-independent key for a skill name.

    Case, accents, punctuation, plurals, British spelling, trailing version numbers and
    parenthesised qualifiers do not change the key; "C++", "C#" and ".NET" keep their symbols.
    Abbreviations are not expanded here (that depends on a matcher's table).
    """
    return " ".join(tokens(name))


def join_words(*words: str) -> str:
    """Words run together and normalised as one ("dev" + "ops" -> "devop", like "devops")."""
    joined = "".join(words)
    if len(words) < 2 or not joined.isalpha():
        return joined
    return _american(_singular(joined))


@lru_cache(maxsize=65536)
def join_pair(first: str, second: str) -> str:
    """``join_words(first, second)``, remembered: indexing and shortlisting ask for the same
    neighbouring words again and again."""
    return join_words(first, second)


def compact(words: tuple[str, ...]) -> str:
    """The compact key: "book keeping" and "bookkeeping", "Dev Ops" and "DevOps" share one."""
    return join_words(*words)

"""Text normalisation: the same rewrites for queries, canonical names and aliases.

Because every name goes through the same function, a rewrite is safe as long as it never makes
two distinct concepts equal: "c++", "c#", "f#" and ".net" stay distinct symbol tokens, and
version numbers are dropped only where they read as versions ("Python 3", "Storyline 360") and
not where they name the thing ("ISO 9001", "Section 508").

Names in every script keep their letters (Unicode NFKC forms, case folded). Accents are dropped
where writers themselves leave them out: from Latin letters ("Café" is "cafe"), from Greek ones (Greek
in capitals is written without its tonos, so "ΔΙΟΙΚΗΣΗ" is "διοίκηση"), and the optional vowel points
of Arabic and Hebrew (harakat, niqqud, cantillation) and the Arabic stretching stroke, which everyday
text omits. Elsewhere a mark may be what tells two words apart (Devanagari vowel signs, the Cyrillic
"й"), so it stays. Chinese
and Japanese write no spaces, so a run of their characters is one word (a name still equals
itself and its aliases exactly; it never shares a word with a different name by accident). A
name of symbols or emoji only has no words at all: its key is empty, and an empty key matches
nothing (see :func:`has_words`).
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
# The same for text with letters beyond ASCII: by then every character past ASCII is a letter, a digit
# or a mark (see _unicode_fold), so each belongs to a word.
_TOKEN_ANY = re.compile(
    r"\.net\b|v?[0-9]+(?:\.(?:[0-9]+|x))+\b|[a-z0-9\u0080-\U0010ffff]+(?:&[a-z0-9]+)?[+#]*"
)
_VERSION = re.compile(r"v?[0-9]+(?:\.(?:[0-9]+|x))*")
_WORDY = re.compile(r"[A-Za-z0-9&]")
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
        "soc",  # SOC 1, SOC 2, SOC 3: three kinds of audit report
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


PREFIX = 3  # letters at the start of a word that normalising leaves alone, but for respellings


def written_starts(word: str) -> frozenset[str]:
    """What a written word that normalises to one starting like WORD (a normalised word, or its stem)
    may start with: its first letters, or a British spelling's ("aer" for "air", from "aeroplane";
    "pae" for "ped", from "paediatric"; "ana" for "ane", from "anaemia"). A text that holds none of
    these cannot hold the word, which is a cheap test before tokenising it (skillgap.catalog_search)."""
    start = word[:PREFIX]
    found = {start}
    for written, normal in _BRITISH_WORDS.items():
        if normal[:PREFIX] == start:
            found.add(written[:PREFIX])
    for old, new in _DIGRAPHS:  # a respelt digraph may begin at any of the first letters
        for at in range(PREFIX):
            if start[at:] == new[: PREFIX - at]:
                found.add(start[:at] + old[: PREFIX - at])
    return frozenset(found)


def is_symbol(token: str) -> bool:
    """Tokens such as "c++", "c#", ".net", "l&d": compared only for equality, never fuzzily. So are
    words whose letters carry marks (Devanagari, Arabic with harakat): no rewrite here is about them."""
    return not token.isalnum()


# Plurals no ending rule undoes ("scenario and sensitivity analyses")
_IRREGULAR_PLURALS = {
    "analyses": "analysis",
    "diagnoses": "diagnosis",
    "prognoses": "prognosis",
    "hypotheses": "hypothesis",
    "syntheses": "synthesis",
    "theses": "thesis",
    "criteria": "criterion",
    "curricula": "curriculum",
}


def _singular(token: str) -> str:
    if len(token) <= 3 or not token.isalpha() or token in _NOT_PLURAL:
        return token
    if token in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[token]
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


# Latin letters that carry their mark inside (no decomposition takes it off), and what they are
# without it; "ß" needs no entry (case folding writes it "ss").
# (applied to case-folded text)
_LATIN_LETTERS = str.maketrans(
    {"ø": "o", "ł": "l", "đ": "d", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th"}
)
# Signs whose compatibility form is letters, which would join the word they follow ("PowerPoint™" would
# read "powerpointtm"): a mark of a name, not part of it.
_SIGNS = str.maketrans(dict.fromkeys("\u2122\u2120\u2121", " "))  # trade mark, service mark, telephone
_APOSTROPHES = frozenset("\u2019\u02bc")  # "customer’s" is "customers", as "customer's" is


def _is_latin(ch: str) -> bool:
    """A character of the Latin script's blocks (after NFKD, accented letters are their base letter)."""
    code = ord(ch)
    return (
        code < 0x250
        or 0x1E00 <= code < 0x1F00
        or 0x2C60 <= code < 0x2C80
        or 0xA720 <= code < 0xA800
        or 0xAB30 <= code < 0xAB70
    )


def _drops_marks(ch: str) -> bool:
    """A letter whose accents go: Latin (see _is_latin) or Greek (its basic and extended blocks)."""
    code = ord(ch)
    return _is_latin(ch) or 0x370 <= code < 0x400 or 0x1F00 <= code < 0x2000


# Arabic harakat, Quranic annotation signs and the tatweel; Hebrew cantillation and niqqud: optional
# marks that everyday writing leaves out, on any letter they follow
_OPTIONAL_POINTS = frozenset(
    [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0640", "\u0670"]
    + [chr(c) for c in range(0x06D6, 0x06EE) if unicodedata.category(chr(c))[0] == "M"]
    + [chr(c) for c in range(0x0591, 0x05C8) if unicodedata.category(chr(c))[0] == "M"]
)


def _is_cjk(ch: str) -> bool:
    """Han, kana, Hangul and their punctuation blocks: scripts written without spaces between words
    (a run of them is one word, apart from any Latin letters or digits written next to it)."""
    code = ord(ch)
    return (
        0x2E80 <= code < 0xA000
        or 0xAC00 <= code < 0xD7B0
        or 0x1100 <= code < 0x1200
        or 0xF900 <= code < 0xFB00
        or 0xFF00 <= code < 0xFFF0
        or 0x20000 <= code < 0x40000
    )


def _unicode_fold(text: str) -> str:
    """NFKC and case folding for text beyond ASCII, with accents dropped from Latin letters only;
    whatever is neither a letter, a digit nor a mark (punctuation, symbols, emoji, spaces of any
    kind) becomes a space, and invisible format characters (zero-width joiners, soft hyphens, bidi
    marks) go, so that each character left past ASCII belongs to a word."""
    out: list[str] = []
    strip_marks = True  # marks on the last base character are accents to drop (Latin, Greek, no letter)
    cjk = False  # the last character kept was Chinese, Japanese or Korean
    in_word = False  # the last character kept belongs to a word (a letter, a digit, or a mark on one)
    # folded before and after the compatibility decomposition: either may make a capital (the one-character
    # "MHz" sign decomposes to "MHz") or a letter of a mark (the Greek iota subscript becomes an iota)
    text = unicodedata.normalize("NFKD", text.translate(_SIGNS)).casefold().translate(_LATIN_LETTERS)
    for ch in unicodedata.normalize("NFKD", text):
        if ch < "\x80":
            if ch == "'":  # an apostrophe goes (see raw_tokens) and parts nothing
                continue
            alnum = ch.isalnum()
            if cjk and alnum:
                out.append(" ")
            out.append(ch)
            strip_marks, cjk, in_word = True, False, alnum
            continue
        if ch in _OPTIONAL_POINTS:
            continue
        kind = unicodedata.category(ch)
        if kind[0] == "M":
            if not strip_marks:
                out.append(ch)
        elif kind[0] in "LN":
            here = _is_cjk(ch)
            if here != cjk and in_word:
                out.append(" ")
            out.append(ch)
            strip_marks, cjk, in_word = _drops_marks(ch), here, True
        elif ch in _APOSTROPHES or (kind == "Cf" and ch != "\u200b"):  # a zero-width space parts words
            pass
        else:
            out.append(" ")
            strip_marks, cjk, in_word = True, False, False
    return unicodedata.normalize("NFC", "".join(out).casefold())


def fold(text: str) -> str:
    """Case folded, in NFKC forms, accents off Latin letters: what tokens are read from."""
    if text.isascii():
        return text.lower()
    return _unicode_fold(text)


def raw_tokens(name: str) -> tuple[str, ...]:
    """Split a name into lower-case tokens, keeping symbol tokens and dropping qualifiers in ()."""
    text = fold(name)
    token = _TOKEN if text.isascii() else _TOKEN_ANY
    if not text.isprintable():
        text = _CONTROL.sub(" ", text)
    if "'" in text:
        text = text.replace("'", "")
    if "(" in text or "[" in text:
        stripped = _PARENS.sub(" ", text)
        if token.search(stripped):
            text = stripped
    if "&" in text:
        text = _SHORT_AMP.sub("\\1\0\\2", text)
        text = text.replace("&", " and ").replace("\0", "&")
    if ".net" in text:
        text = _DOTNET.sub(" .net", text)
    return tuple(token.findall(text))


def literal_key(name: str) -> str:
    """A name as written, in NFKC forms and case folded, spacing collapsed: how a name with no words
    (see :func:`has_words`) is told apart from another, since its normalised key is empty."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def has_words(name: str) -> bool:
    """Whether a name keeps any word once normalised. One that does not (symbols or emoji only) has
    the empty key, which must never match anything: not even another such name."""
    if name.isascii():  # the same answer without tokenising: a letter, a digit, or "&" (read "and")
        return _WORDY.search(name) is not None
    return bool(tokens(name))


@lru_cache(maxsize=65536)
def tokens(name: str) -> tuple[str, ...]:
    """The normalised tokens of a name (see :func:`normalize`)."""
    words = [normalize_token(t) for t in raw_tokens(name)]
    if len(words) > 1 and "js" in words[1:]:  # "Node.js" and "node js" are Node
        words = words[:1] + [w for w in words[1:] if w != "js"]
    while len(words) > 1 and _is_version(words[-1]) and words[-2] not in _NUMBERED_WORDS:
        if words[-2].isdigit() and len(words[-2]) <= 3 and words[-1].isdigit():
            break  # a numbered standard, not a version: "NIST 800-53" is not "NIST 800-61"
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

"""What a person's preferences leave out of a catalog: the providers they exclude, the formats they did not
ask for. One rule for every command that ranks, plans or proves (analyze, plan, compare, cohort, report).

A provider is excluded by any name people call it by, not only by the catalog's full string. For
"Project Management Institute (PMI)" that is the whole string, "Project Management Institute" and "PMI";
for "Google (Coursera)", "Google" and the platform "Coursera"; for "University of Maryland Global Campus
(UMGCx on edX)", also "UMGCx" and "edX"; for "ASCM (Association for Supply Chain Management, formerly
APICS)", each of the three. Parts joined by "and" outside the brackets are names too ("Stanford University
and DeepLearning.AI"). An entry also excludes a provider whose name outside the brackets begins with the
entry's words ("Google" excludes "Google Cloud", "Harvard" excludes "Harvard Business School Online").

Names are compared word by word after normalisation (Unicode NFKC, case folded, accents on Latin letters
dropped, "&" read as "and", punctuation ignored, a leading "the" ignored), never by similarity: "PMI" does
not exclude "IPMA", and "Google" does not exclude "Googlers Academy". An entry that excludes nothing in the
catalog is reported, with the closest provider name when there is one (`unused_exclusions`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from skillgap.model import Credential, Preferences

Words = tuple[str, ...]

_BRACKETED = re.compile(r"\(([^()]*)\)")
_INSIDE_SPLIT = re.compile(r"[,;/]|\s(?:on|via|formerly|now|part of|powered by)\s|^(?:formerly|now)\s", re.I)
_AND = re.compile(r"\s+and\s+", re.I)


def _strip_latin_accents(text: str) -> str:
    """Drop the combining marks that sit on Latin letters (é -> e); marks of other scripts stay."""
    out: list[str] = []
    base_is_latin = False
    for char in unicodedata.normalize("NFKD", text):
        if unicodedata.combining(char):
            if base_is_latin:
                continue
        else:
            base_is_latin = char.isascii() or unicodedata.name(char, "").startswith("LATIN")
        out.append(char)
    return unicodedata.normalize("NFC", "".join(out))


@lru_cache(maxsize=65536)
def name_words(text: str) -> Words:
    """A provider name as compared: its words, normalised (see the module's docstring)."""
    text = _strip_latin_accents(unicodedata.normalize("NFKC", text).casefold()).replace("&", " and ")
    words = tuple(w for w in re.findall(r"[^\W_]+", text))
    return words[1:] if len(words) > 1 and words[0] == "the" else words


@dataclass(frozen=True)
class ProviderNames:
    """The names one catalog provider string goes by."""

    full: Words  # the whole string, brackets and all
    outer: Words  # the name outside the brackets
    names: tuple[tuple[Words, str], ...]  # every name as compared, with the text it was written as

    def excluded_by(self, entry: Words) -> bool:
        if not entry:
            return False
        if any(entry == words for words, _ in self.names):
            return True
        return len(entry) < len(self.outer) and self.outer[: len(entry)] == entry


@lru_cache(maxsize=65536)
def provider_names(provider: str) -> ProviderNames:
    """The names a provider string goes by: the whole string, the name outside the brackets, the parts of
    that name joined by "and", and each part inside the brackets (split at commas, "on", "formerly")."""
    outer_text = " ".join(_BRACKETED.sub(" ", provider).split())
    texts = [provider, outer_text, *_AND.split(outer_text)]
    for inside in _BRACKETED.findall(provider):
        texts.extend(_INSIDE_SPLIT.split(inside))
    names: dict[Words, str] = {}
    for text in texts:
        words = name_words(text.strip())
        if words and words not in names:
            names[words] = text.strip()
    return ProviderNames(name_words(provider), name_words(outer_text), tuple(names.items()))


@dataclass(frozen=True)
class Exclusion:
    """Why one credential is left out: which preference, and the entry or format that does it."""

    preference: str  # "exclude_providers" or "formats"
    value: str  # the excluding entry as the person wrote it, or the credential's format
    provider: str = ""

    @property
    def reason(self) -> str:
        if self.preference == "formats":
            return f"format {self.value} is not among the preferred formats"
        text = f"provider {self.provider} is excluded"
        if name_words(self.value) != provider_names(self.provider).full:
            text += f" ({self.value!r} in exclude_providers)"
        return text


class Exclusions:
    """What one person's preferences leave out, each provider judged once (a catalog repeats them)."""

    def __init__(self, preferences: Preferences) -> None:
        self.entries = tuple((entry, name_words(entry)) for entry in preferences.exclude_providers)
        self.formats = frozenset(preferences.formats)
        self._by_provider: dict[str, str | None] = {}

    def provider_entry(self, provider: str) -> str | None:
        """The first entry of exclude_providers that excludes this provider, if any."""
        if not self.entries:
            return None
        if provider not in self._by_provider:
            names = provider_names(provider)
            self._by_provider[provider] = next((e for e, w in self.entries if names.excluded_by(w)), None)
        return self._by_provider[provider]

    def why(self, credential: Credential) -> Exclusion | None:
        return self.why_offered(credential.provider, credential.format)

    def why_offered(self, provider: str, delivery: str | None) -> Exclusion | None:
        """Why a credential from this provider, in this format, is left out (None: it is not)."""
        entry = self.provider_entry(provider)
        if entry is not None:
            return Exclusion("exclude_providers", entry, provider)
        if self.formats and delivery and delivery not in self.formats:
            return Exclusion("formats", delivery, provider)
        return None

    def __call__(self, credential: Credential) -> bool:
        return self.why(credential) is not None


@dataclass(frozen=True)
class UnusedExclusion:
    """An entry of exclude_providers that excludes no provider of the catalog."""

    index: int  # its place in exclude_providers
    entry: str
    suggestion: str | None  # the closest name a catalog provider goes by, if any is close


def unused_exclusions(preferences: Preferences, providers: Iterable[str]) -> tuple[UnusedExclusion, ...]:
    """The entries of exclude_providers that exclude no provider of the catalog, each with the closest
    provider name (by spelling) to suggest."""
    entries = preferences.exclude_providers
    if not entries:
        return ()
    known = [provider_names(p) for p in dict.fromkeys(providers)]
    out = []
    for index, entry in enumerate(entries):
        words = name_words(entry)
        if not any(names.excluded_by(words) for names in known):
            out.append(UnusedExclusion(index, entry, closest(words, known)))
    return tuple(out)


def closest(words: Words, known: Sequence[ProviderNames]) -> str | None:
    import difflib

    if not words:
        return None
    texts: dict[str, str] = {}
    for names in known:
        for name, written in names.names:
            texts.setdefault(" ".join(name), written)
    found = difflib.get_close_matches(" ".join(words), list(texts), n=1, cutoff=0.75)
    return texts[found[0]] if found else None

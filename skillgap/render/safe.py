"""Text from input files is data: strip what a terminal would act on, escape what a format would parse.

A hostile catalog must not clear the screen, retitle the window, print a fake hyperlink or reorder text
with bidirectional overrides, and Rich markup in a name must print as written.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from skillgap.inert import BIDI as _BIDI
from skillgap.inert import INVISIBLE as _INVISIBLE

if TYPE_CHECKING:
    from rich.text import Text

# ANSI/VT escape sequences (CSI, OSC, DCS and other string commands, two-character escapes), then any
# remaining C0/C1 control, DEL, and the Unicode bidirectional and invisible formatting characters.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI ... final byte
    r"|\x1b[\]PX^_][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC / DCS / SOS / PM / APC ... terminator
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
    r"|[\x9d\x90\x98\x9e\x9f][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # 8-bit string commands
    r"|\x1b[@-Z\\-_]?"  # two-character escapes and a lone ESC
)
_CONTROLS = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}{_INVISIBLE}\ufeff]")
_SURROGATES = re.compile("[\ud800-\udfff]")  # half a character: no terminal or UTF-8 file can take it
_LINEBREAKS = re.compile(r"[\t\n\r\x0b\x0c\u2028\u2029]+")


def clean(text: str, keep_newlines: bool = False) -> str:
    """The text with escape sequences and control characters removed; tabs and newlines become spaces."""
    text = _ESCAPES.sub("", text)
    if not keep_newlines:
        text = _LINEBREAKS.sub(" ", text)
    return _SURROGATES.sub("\ufffd", _CONTROLS.sub("", text))


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|#!~])")


def markdown(text: str) -> str:
    """Clean text escaped for Markdown (table cells included)."""
    return _MD_SPECIAL.sub(r"\\\1", clean(text))


def is_web(url: str | None) -> bool:
    """Whether URL is one to make a link of: http or https only, never `javascript:`, `data:` or a file."""
    return url is not None and url.startswith(("https://", "http://"))


_JSON_ESCAPED = re.compile(f"[\x7f-\x9f\u2028\u2029{_BIDI}{_INVISIBLE}\ufeff\ud800-\udfff]")


def json_safe(text: str) -> str:
    """JSON produced with ensure_ascii=False, with C1 controls, bidi overrides and invisible characters
    written as escapes (the value is unchanged; a terminal showing the JSON sees only ASCII for them)."""
    return _JSON_ESCAPED.sub(_escape, text)


def _escape(found: re.Match[str]) -> str:
    code = ord(found.group())
    if code > 0xFFFF:  # JSON writes a character beyond the BMP as its UTF-16 surrogate pair
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def literal(text: str, style: str = "") -> Text:
    """Text from a file for Rich to show as written: never markup, never a control character."""
    from rich.text import Text

    return Text(clean(text), style=style)

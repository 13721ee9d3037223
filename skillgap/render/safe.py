"""Text from input files is data: strip what a terminal would act on, escape what a format would parse.

A hostile catalog must not clear the screen, retitle the window, print a fake hyperlink or reorder text
with bidirectional overrides, and Rich markup in a name must print as written.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

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
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
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


def json_safe(text: str) -> str:
    """JSON produced with ensure_ascii=False, with C1 controls and bidi overrides written as escapes."""
    return re.sub(
        "[\x7f-\x9f\u061c\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]",
        lambda m: f"\\u{ord(m.group()):04x}",
        text,
    )


def literal(text: str, style: str = "") -> Text:
    """Text from a file for Rich to show as written: never markup, never a control character."""
    from rich.text import Text

    return Text(clean(text), style=style)

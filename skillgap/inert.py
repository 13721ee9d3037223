"""The characters no file skillgap writes may show raw: a terminal acts on them or a reader cannot see them.

Shared by the renderers (which strip or escape them) and by everything that writes YAML (which escapes
them, so the value read back is unchanged while the file shows only ASCII for them).
"""

from __future__ import annotations

import re
from typing import Any

# Bidirectional controls: they reorder what a reader sees (an RLO turns "exe.txt" into "txt.exe").
BIDI = "\u061c\u202a-\u202e\u2066-\u2069"
# Invisible characters a reader cannot see but a terminal keeps: the soft hyphen, the Mongolian vowel
# separator, zero-width and joiner characters, LRM and RLM, the word joiner and invisible operators, the
# Hangul fillers (which pass for a blank), interlinear annotation marks and the tag characters.
INVISIBLE = (
    "\u00ad\u115f\u1160\u180e\u200b-\u200f\u2060-\u2064\u3164\uffa0\ufff9-\ufffb\U000e0000-\U000e007f"
)
_UNSAFE = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{BIDI}{INVISIBLE}\ufeff\u2028\u2029]")


def has_unsafe(text: str) -> bool:
    """Whether TEXT holds a control, bidirectional or invisible character."""
    return _UNSAFE.search(text) is not None


def yaml_dump(value: Any, width: int = 110) -> str:
    """VALUE as block-style YAML with readable Unicode; when a value holds a character that must not show
    raw, the whole document is written with escapes instead (the same values, read back)."""
    import yaml

    dumper = getattr(yaml, "CSafeDumper", None) or yaml.SafeDumper  # libyaml's emitter: ~10x faster
    options: dict[str, Any] = {"sort_keys": False, "width": width, "default_flow_style": False}
    text: str = yaml.dump(value, Dumper=dumper, allow_unicode=True, **options)
    if has_unsafe(text):
        text = yaml.dump(value, Dumper=dumper, allow_unicode=False, **options)
    return text

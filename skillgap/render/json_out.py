"""JSON rendering: UTF-8, stable key order, no colour, terminal-hostile characters escaped."""

from __future__ import annotations

import json
from typing import Any

from skillgap.render.safe import json_safe


def to_json(data: Any) -> str:
    return json_safe(json.dumps(data, indent=2, ensure_ascii=False, default=str)) + "\n"

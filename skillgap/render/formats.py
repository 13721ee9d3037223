"""The output formats, one enum for every command that renders."""

from __future__ import annotations

from enum import Enum


class Format(str, Enum):
    TABLE = "table"
    JSON = "json"
    MARKDOWN = "markdown"
    CSV = "csv"
    HTML = "html"
    MEMO = "memo"
    TEXT = "text"
    YAML = "yaml"

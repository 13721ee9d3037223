"""The output formats: one enum of every format the renderers know, and for each command the formats it
accepts, so that its `--format` choices (help, usage errors) list those and no other."""

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


class Formats(str, Enum):
    """The base of a command's choices: each member is named and valued as the Format it stands for."""

    @property
    def as_format(self) -> Format:
        return Format(self.value)


class TableOrJson(Formats):
    """`match`, `roles`, `compare`, `verify` and `catalog list|search|show`."""

    TABLE = Format.TABLE.value
    JSON = Format.JSON.value


class AnalyzeFormat(Formats):
    TABLE = Format.TABLE.value
    JSON = Format.JSON.value
    MARKDOWN = Format.MARKDOWN.value


class PlanFormat(Formats):
    TABLE = Format.TABLE.value
    JSON = Format.JSON.value
    MARKDOWN = Format.MARKDOWN.value
    MEMO = Format.MEMO.value


class CohortFormat(Formats):
    TABLE = Format.TABLE.value
    JSON = Format.JSON.value
    CSV = Format.CSV.value


class ReportFormat(Formats):
    MARKDOWN = Format.MARKDOWN.value
    HTML = Format.HTML.value
    CSV = Format.CSV.value


class ShowcaseFormat(Formats):
    MARKDOWN = Format.MARKDOWN.value
    TEXT = Format.TEXT.value


class ValidateFormat(Formats):
    TEXT = Format.TEXT.value
    JSON = Format.JSON.value


class PostingFormat(Formats):
    YAML = Format.YAML.value
    JSON = Format.JSON.value


class ProfileFormat(Formats):
    """`import linkedin|jsonresume|cv`: a profile file."""

    YAML = Format.YAML.value
    JSON = Format.JSON.value

"""Comma- and tab-separated files read safely, each row with the line it starts on."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from skillgap.errors import InputError

MAX_CELL = 1024 * 1024  # one cell of a data file larger than this is refused, not read


@dataclass(frozen=True)
class Row:
    line: int
    cells: dict[str, str]

    def get(self, column: str) -> str:
        return (self.cells.get(column) or "").strip()


@dataclass(frozen=True)
class Table:
    file: str
    columns: tuple[str, ...]
    rows: tuple[Row, ...]

    def has(self, *columns: str) -> bool:
        return all(c in self.columns for c in columns)

    def __iter__(self) -> Iterator[Row]:
        return iter(self.rows)


def read_table(path: Path, tab: bool = False) -> Table:
    """A CSV file (quoted cells may hold line breaks), or with `tab` a tab-separated file (no quoting)."""
    from skillgap.load.source import display_name, read_text

    return table_from_text(read_text(path), display_name(path), tab)


def table_from_text(content: str, name: str, tab: bool = False) -> Table:
    """The table in CONTENT (read from NAME: a file, or a member of an archive), as `read_table` reads it."""
    csv.field_size_limit(MAX_CELL)
    if tab:
        reader = csv.reader(io.StringIO(content), delimiter="\t", quoting=csv.QUOTE_NONE)
    else:
        reader = csv.reader(io.StringIO(content))
    rows: list[Row] = []
    try:
        header = next(reader, None)
        if header is None:
            raise InputError.at(name, "the file is empty", 1, 1)
        columns = tuple(c.strip() for c in header)
        start = reader.line_num + 1
        for cells in reader:
            if any(c.strip() for c in cells):
                rows.append(Row(start, dict(zip(columns, cells, strict=False))))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise InputError.at(name, f"not a readable table: {exc}", reader.line_num or None) from None
    return Table(name, columns, tuple(rows))


def require(table: Table, columns: Sequence[str], kind: str) -> None:
    """Refuse a file that lacks a column this reader needs, saying which file was expected."""
    missing = [c for c in columns if c not in table.columns]
    if missing:
        found = ", ".join(table.columns[:8]) + (", ..." if len(table.columns) > 8 else "")
        raise InputError.at(
            table.file,
            f"missing column {missing[0]!r}: is this {kind}?",
            1,
            1,
            hint=f"its columns are: {found}",
        )

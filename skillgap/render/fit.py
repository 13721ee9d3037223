"""Tables that fit the terminal: an id is never split, prose wraps between words, no line is too wide.

Rich shares out a table's width by shrinking its widest wrapping columns first, without regard to the
longest word in each, so at 80 columns it breaks words and ids mid-word (`corporate-trai` / `ner`), and
a column it may not shrink (`no_wrap`) is cropped or given an ellipsis. `fit_table()` sets every column's
width itself instead:

1. each column as wide as its longest line, when they all fit;
2. else the wrapping columns narrowed, widest first, but never below their longest word, so text wraps
   between words and an id (one word) stays whole; `no_wrap` columns (figures, dates) keep their width;
3. else, when even that is too wide, the rows one below the other as records, each cell under or beside
   its column's header, with the whole width for the values.

A column that holds ids needs nothing more than to keep them one word (a hyphenated id is one word).
`text_width()` says how wide the text is laid out when it goes to a pipe or a file.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.table import Column, Table
    from rich.text import Text

WIDE = 1_000_000  # measuring room: a cell's longest line, however long
LABEL_GAP = 2  # between a record's labels and its values
UNSEEN_WIDTH = 100  # for text no terminal shows (a file, a pipe with no terminal about) when COLUMNS is unset


def text_width(to_file: bool = False) -> int | None:
    """The width to lay text out at: COLUMNS when it is set, for a terminal, a pipe or a file alike; else a
    terminal's own (None: Rich asks it: stdout's, or when stdout is a pipe, stdin's or stderr's, where the
    text is likely read); else UNSEEN_WIDTH rather than Rich's 80 (an output file is always that)."""
    columns = os.environ.get("COLUMNS", "").strip()
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if not to_file and any(_is_terminal(stream) for stream in (sys.stdout, sys.stdin, sys.stderr)):
        return None
    return UNSEEN_WIDTH


def _is_terminal(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError, OSError):  # None, a closed stream
        return False


def fit_table(console: Console, table: Table, width: int | None = None) -> RenderableType:
    """TABLE with its column widths set to fit WIDTH (default: the console's), or its rows as records
    when no table of that width can hold every word whole."""
    width = console.width if width is None else width
    columns = table.columns
    spans = [_span(console, table, c) for c in columns]
    pads = [_padding(table, i) for i in range(len(columns))]
    room = width - _frame(table) - sum(pads)
    least = [lo for lo, _ in spans]
    most = [hi for _, hi in spans]
    if sum(most) <= room:
        widths = most
    elif sum(least) <= room:
        widths = _narrow(least, most, room)
    else:
        return records(console, table, width)
    for column, w in zip(columns, widths, strict=True):
        column.width = max(w, 1)
        column.ratio = None
        if not column.no_wrap:
            column.overflow = "fold"  # never needed at these widths; better than cutting a word off
    table.expand = False
    return table


def _span(console: Console, table: Table, column: Column) -> tuple[int, int]:
    """The column's narrowest width that keeps every word whole, and its widest line (no padding)."""
    from rich.measure import Measurement

    options = console.options.update_width(WIDE)
    cells = [*([column.header] if table.show_header else []), *column.cells]
    sizes = [Measurement.get(console, options, cell) for cell in cells]
    widest = max((m.maximum for m in sizes), default=0)
    longest_word = max((m.minimum for m in sizes), default=0)
    if column.no_wrap:
        longest_word = widest
    if column.min_width is not None:
        longest_word, widest = max(longest_word, column.min_width), max(widest, column.min_width)
    return longest_word, widest


def _padding(table: Table, index: int) -> int:
    from rich.padding import Padding

    _, right, _, left = Padding.unpack(table.padding)
    if not table.pad_edge:
        if index == 0:
            left = 0
        if index == len(table.columns) - 1:
            right = 0
    return left + right


def _frame(table: Table) -> int:
    """The columns taken by the table's borders."""
    if not table.box:
        return 0
    return (2 if table.show_edge else 0) + len(table.columns) - 1


def _narrow(least: Sequence[int], most: Sequence[int], room: int) -> list[int]:
    """Widths between least and most that add up to at most ROOM: the widest columns give way first
    (every column wider than a level is cut to it, none below its least)."""

    def at(level: int) -> list[int]:
        return [min(hi, max(lo, level)) for lo, hi in zip(least, most, strict=True)]

    low, high = 0, max(most)
    while low < high:  # the highest level whose widths still fit
        mid = (low + high + 1) // 2
        if sum(at(mid)) <= room:
            low = mid
        else:
            high = mid - 1
    widths = at(low)
    spare = room - sum(widths)
    for i in sorted(range(len(widths)), key=lambda i: widths[i] - most[i]):  # most cut first
        if spare <= 0:
            break
        if widths[i] < most[i]:
            widths[i] += 1
            spare -= 1
    return widths


def records(console: Console, table: Table, width: int) -> RenderableType:
    """The table's rows one below the other, each cell beside its column's header (or under it, when it
    would not fit beside). A table without headers is one record: each row's first cell labels the rest."""
    from rich.console import Group
    from rich.text import Text

    columns = table.columns
    rows = list(zip(*(list(c.cells) for c in columns), strict=True))
    if table.show_header:
        labels = [_label(c.header) for c in columns]
        labelled = [
            [(label, cell) for label, cell in zip(labels, row, strict=True) if not _blank(cell)]
            for row in rows
        ]
    else:
        labelled = [[(_label(row[0]), Group(*row[1:])) for row in rows]]
    label_width = max((_span_of(console, label)[1] for pairs in labelled for label, _ in pairs), default=0)
    parts: list[RenderableType] = []
    if table.title:
        title = table.title if isinstance(table.title, Text) else Text(str(table.title))
        parts.append(Text.assemble(title, style="table.title"))
    for pairs in labelled:
        if parts:
            parts.append(Text())
        parts += _record(console, pairs, label_width, width)
    return Group(*parts)


def _record(
    console: Console, pairs: Sequence[tuple[Text, RenderableType]], label_width: int, width: int
) -> list[RenderableType]:
    """One record: runs of values beside their labels (one grid each, labels LABEL_WIDTH wide), and a value
    too wide for that under its label, indented."""
    from rich.padding import Padding
    from rich.table import Table as Grid

    room = width - label_width - LABEL_GAP
    out: list[RenderableType] = []
    grid: Grid | None = None
    for label, value in pairs:
        if _span_of(console, value)[0] <= room:
            if grid is None:
                grid = Grid.grid(padding=(0, LABEL_GAP, 0, 0))
                grid.add_column(style="bold", no_wrap=True, width=label_width)
                grid.add_column(overflow="fold", max_width=room)
                out.append(grid)
            grid.add_row(label, value)
        else:
            grid = None
            bold = label.copy()
            bold.stylize("bold")
            out += [bold, Padding(value, (0, 0, 0, LABEL_GAP))]
    return out


def _label(header: RenderableType) -> Text:
    """A header as one line of text (a header broken over lines in the table is one label here)."""
    from rich.text import Text

    text = header.copy() if isinstance(header, Text) else Text(str(header))
    return Text(" ".join(text.plain.split()), style=text.style)


def _blank(cell: RenderableType) -> bool:
    from rich.text import Text

    return (isinstance(cell, str) and not cell.strip()) or (isinstance(cell, Text) and not cell.plain.strip())


def _span_of(console: Console, renderable: RenderableType) -> tuple[int, int]:
    from rich.measure import Measurement

    m = Measurement.get(console, console.options.update_width(WIDE), renderable)
    return m.minimum, m.maximum

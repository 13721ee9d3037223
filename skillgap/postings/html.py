"""A saved job page as the lines a person reads on it, through the standard library's HTML parser.

What is not the posting is dropped: scripts, styles, the page's navigation, header and footer, forms,
and cookie or consent banners (told by their id, class or ARIA role). Block elements end a line; a list
item is an item; `<h1>`-`<h6>`, and a block that is all bold text, are headings. Entities are decoded
and each line keeps the number of the source line its text starts on.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from skillgap.postings.types import Line, LineKind

# Elements whose content is never part of the posting.
SKIPPED = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "canvas",
        "iframe",
        "object",
        "nav",
        "header",
        "footer",
        "aside",
        "form",
        "button",
        "select",
        "textarea",
        "dialog",
    }
)
SKIPPED_ROLES = frozenset({"navigation", "banner", "contentinfo", "dialog", "alertdialog", "search"})
BANNER_WORDS = re.compile(r"cookie|consent|gdpr|onetrust|privacy-banner", re.IGNORECASE)
VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)
BLOCKS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "ul",
        "ol",
        "dl",
        "dd",
        "dt",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "table",
        "tr",
        "td",
        "th",
        "blockquote",
        "pre",
        "hr",
        "br",
        "address",
        "figure",
        "figcaption",
        "body",
        "html",
    }
)
BOLD = frozenset({"strong", "b"})
HEADINGS = {f"h{n}": n for n in range(1, 7)}
_SPACE = re.compile(r"\s+")


class _PageReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[Line] = []
        self.title: str | None = None
        self.h1: str | None = None
        self._skip: list[str] = []  # open elements whose content is dropped, innermost last
        self._in_title = False
        self._title_parts: list[str] = []
        self._parts: list[str] = []
        self._bold_parts: list[str] = []
        self._bold = 0
        self._line: int | None = None
        self._kind = LineKind.TEXT
        self._depth = 0
        self._lists: list[bool] = []  # per open list, innermost last: whether one of its items is open

    # --- elements ------------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip:
            if tag not in VOID:
                self._skip.append(tag)
            return
        if tag == "title":
            self._in_title = True
            return
        if tag in SKIPPED or _is_banner(attrs):
            if tag not in VOID:
                self._skip.append(tag)
            return
        if tag in BLOCKS:
            self._flush()
            if tag in ("ul", "ol"):
                self._lists.append(False)
            elif tag == "li":  # an item ends at the next one or with its list when </li> is left out
                if not self._lists:
                    self._lists.append(False)
                self._lists[-1] = True
            if tag in HEADINGS:
                self._kind, self._depth = LineKind.HEADING, HEADINGS[tag]
            elif self._in_item():
                self._kind = LineKind.ITEM  # a paragraph inside a list item is still the item
        elif tag in BOLD:
            self._bold += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self._skip and tag in BLOCKS:
            self._flush()
            if self._in_item():
                self._kind = LineKind.ITEM

    def handle_endtag(self, tag: str) -> None:
        if self._skip:
            if tag in self._skip:  # close up to the matching element (browsers forgive unclosed ones)
                while self._skip and self._skip.pop() != tag:
                    pass
            return
        if tag == "title":
            self._in_title = False
            text = _SPACE.sub(" ", "".join(self._title_parts)).strip()
            self.title = self.title or text or None
            return
        if tag in BLOCKS:
            self._flush()
            if tag in ("ul", "ol") and self._lists:
                self._lists.pop()
            elif tag == "li" and self._lists:
                self._lists[-1] = False
            if self._in_item():
                self._kind = LineKind.ITEM
        elif tag in BOLD and self._bold:
            self._bold -= 1

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._in_title:
            self._title_parts.append(data)
            return
        if not data.strip():
            if self._parts:
                self._parts.append(" ")
            return
        if self._line is None:
            self._line = self.getpos()[0] + _leading_newlines(data)
        self._parts.append(data)
        if self._bold:
            self._bold_parts.append(data)

    def close(self) -> None:
        super().close()
        self._flush()

    def _in_item(self) -> bool:
        return any(self._lists)

    # --- lines ---------------------------------------------------------------------------

    def _flush(self) -> None:
        text = _SPACE.sub(" ", "".join(self._parts)).strip()
        bold = _SPACE.sub(" ", "".join(self._bold_parts)).strip()
        if text and self._line is not None:
            kind, depth = self._kind, self._depth
            if kind is LineKind.TEXT and bold == text:
                kind = LineKind.HEADING  # "<p><strong>Requirements:</strong></p>"
            self.lines.append(Line(self._line, text, kind, depth))
            if kind is LineKind.HEADING and depth == 1 and self.h1 is None:
                self.h1 = text
        self._parts, self._bold_parts = [], []
        self._line = None
        self._kind, self._depth = LineKind.TEXT, 0


def _is_banner(attrs: list[tuple[str, str | None]]) -> bool:
    for name, value in attrs:
        if not value:
            continue
        if name == "role" and value.strip().lower() in SKIPPED_ROLES:
            return True
        if name in ("id", "class", "aria-label", "data-testid") and BANNER_WORDS.search(value):
            return True
    return False


def _leading_newlines(data: str) -> int:
    stripped = data.lstrip()
    return data[: len(data) - len(stripped)].count("\n")


def html_lines(text: str) -> tuple[tuple[Line, ...], str | None]:
    """The lines a person reads on the page, and its title (the first <h1>, else <title>)."""
    reader = _PageReader()
    reader.feed(text)
    reader.close()
    return tuple(reader.lines), reader.h1 or reader.title

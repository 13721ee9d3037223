"""Read a job posting (plain text, Markdown, HTML or PDF) into the lines a person reads.

The format is told from the file name, else from the content (a PDF's signature, HTML tags). Text is
decoded as UTF-8 (a byte-order mark is dropped), else as Windows-1252, the other encoding saved pages
and pasted ads come in. Control characters never get through; each line keeps its number in the file.
"""

from __future__ import annotations

import io
import re
import stat
import unicodedata
from pathlib import Path

from skillgap.errors import InputError
from skillgap.load.source import read_bytes
from skillgap.postings.kinds import SUFFIXES
from skillgap.postings.types import Line, LineKind, Posting

MAX_BYTES = 5_000_000  # a posting is a few pages; anything larger is not one
PDF_HINT = "reading PDF needs the optional pypdf package: pip install 'skillgap[pdf]'"



_HTML_SIGNS = re.compile(r"<(?:!doctype\s+html|html|body|p|div|li|ul|ol|h[1-6]|br|table|span|strong)\b", re.I)
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")

# Markdown and plain-text structure
_ATX = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_BULLET = re.compile(
    r"^\s*(?:[-*+\u2022\u00b7\u25aa\u25cf\u25e6\u2023\u2043\u2013\u2014\u27a2\u2713\u2714]|\d{1,2}[.)]|[a-z][)])\s+"
)
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<(?:https?://|mailto:)[^>]*>")
_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.I)
_EMPHASIS = re.compile(r"(?<![\w*])[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?![\w*])")
_CODE = re.compile(r"`+")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!])")
_TITLE_KEY = re.compile(r"^\s*title\s*:\s*(.*?)\s*$", re.I)


def load_posting(path: Path) -> Posting:
    """Read the posting in the file at PATH (a pipe too: read once something writes to it)."""
    name = str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError.at(name, "no such file") from None
    except OSError as exc:
        raise InputError.at(name, f"cannot be read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError.at(name, "is a folder, not a posting")
    if info.st_size > MAX_BYTES:
        too_large = f"is {info.st_size:,} bytes; a job posting is far smaller"
        raise InputError.at(name, too_large, hint="check the file")
    return read_posting(read_bytes(path, MAX_BYTES), name, SUFFIXES.get(path.suffix.lower()))


def read_posting(data: bytes, source: str, fmt: str | None = None) -> Posting:
    """The posting in DATA (read from SOURCE), in format FMT or, when None, the one its content shows."""
    if len(data) > MAX_BYTES:
        raise InputError.at(source, f"is {len(data):,} bytes; a job posting is far smaller")
    if fmt is None:
        fmt = sniff(data)
    if fmt == "pdf":
        text = pdf_text(data, source)
        lines, title = text_lines(text)
    else:
        text = decode(data)
        if fmt in ("text", "markdown") and _looks_like_html(text):
            fmt = "html"  # a saved page named .txt is still a page
        if fmt == "html":
            from skillgap.postings.html import html_lines  # the HTML parser, only for a page

            lines, title = html_lines(text)
            lines = tuple(_clean_line(line) for line in lines)
            lines = tuple(line for line in lines if line.text)
        else:
            lines, title = text_lines(text)
    if not lines:
        raise InputError.at(source, "holds no text to read", hint="is it a scanned image, or empty?")
    return Posting(source, fmt, lines, _clean(title) if title else None)


def sniff(data: bytes) -> str:
    if data[:1024].lstrip().startswith(b"%PDF-"):
        return "pdf"
    head = data[:4096].decode("utf-8", "replace")
    if _looks_like_html(head):
        return "html"
    return "text"


def _looks_like_html(text: str) -> bool:
    return len(_HTML_SIGNS.findall(text[:20000])) >= 2 or text.lstrip()[:15].lower().startswith(
        "<!doctype html"
    )


def decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


def pdf_text(data: bytes, source: str) -> str:
    """The text of every page of a PDF, in order, through pypdf (an optional extra)."""
    try:
        from pypdf import PdfReader
        from pypdf.errors import PyPdfError
    except ImportError:
        raise InputError.at(source, "is a PDF", hint=PDF_HINT) from None
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError.at(source, "is an encrypted PDF", hint="save it without a password first")
        pages = [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        raise InputError.at(source, f"is not a PDF that can be read: {exc}") from None
    return "\n".join(pages)


# --- plain text and Markdown ---------------------------------------------------------------


def text_lines(text: str) -> tuple[tuple[Line, ...], str | None]:
    """The lines of a text or Markdown posting, and the title its front matter states (if any)."""
    raw = text.replace("\r\n", "\n").replace("\r", "\n")
    raw = _COMMENT.sub(lambda m: "\n" * m.group().count("\n"), raw)
    rows = raw.split("\n")
    title: str | None = None
    start = 0
    if rows and rows[0].strip() == "---":  # Markdown front matter: metadata, not the posting
        for end in range(1, min(len(rows), 200)):
            if rows[end].strip() in ("---", "..."):
                for row in rows[1:end]:
                    found = _TITLE_KEY.match(row)
                    if found:
                        title = found.group(1).strip().strip("\"'") or None
                start = end + 1
                break
    lines: list[Line] = []
    fenced = False
    for index in range(start, len(rows)):
        row = rows[index]
        if row.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        number = index + 1
        setext = _SETEXT.match(row)
        if setext and lines and lines[-1].number == number - 1 and lines[-1].kind is LineKind.TEXT:
            depth = 1 if setext.group(1)[0] == "=" else 2
            lines[-1] = Line(lines[-1].number, lines[-1].text, LineKind.HEADING, depth)
            continue
        if setext:
            continue  # a rule
        line = _text_line(row, number, fenced)
        if line is None:
            continue
        previous = lines[-1] if lines else None
        if previous is not None and _continues(previous, line, rows[index - 1]):
            lines[-1] = Line(previous.number, f"{previous.text} {line.text}", previous.kind, previous.depth)
        else:
            lines.append(line)
    return tuple(lines), title


def _continues(previous: Line, line: Line, row_before: str) -> bool:
    """Whether LINE is the rest of PREVIOUS, wrapped: a plain line right under a paragraph or an item
    that has not ended its sentence, starting in lower case."""
    return (
        line.kind is LineKind.TEXT
        and previous.kind in (LineKind.TEXT, LineKind.ITEM)
        and bool(row_before.strip())
        and not previous.text.endswith((".", "!", "?", ":", ";"))
        and line.text[:1].islower()
    )


def _text_line(row: str, number: int, fenced: bool) -> Line | None:
    if fenced:
        text = _clean(row)
        return Line(number, text) if text else None
    atx = _ATX.match(row)
    if atx:
        text = _inline(atx.group(2))
        return Line(number, text, LineKind.HEADING, len(atx.group(1))) if text else None
    bullet = _BULLET.match(row)
    if bullet:
        text = _inline(row[bullet.end() :])
        return Line(number, text, LineKind.ITEM) if text else None
    text = _inline(row)
    if not text:
        return None
    if "|" in text and text.count("|") >= 2:  # a Markdown table row: its cells
        cells = [c.strip() for c in text.strip("|").split("|")]
        if all(set(c) <= set("-: ") for c in cells):
            return None
        text = "; ".join(c for c in cells if c)
    return Line(number, text)


def _inline(text: str) -> str:
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _REF_LINK.sub(r"\1", text)
    text = _AUTOLINK.sub("", text)
    text = _URL.sub("", text)
    text = _CODE.sub("", text)
    text = _EMPHASIS.sub("", text)
    text = _ESCAPE.sub(r"\1", text)
    return _clean(text)


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = _CONTROLS.sub("", text.replace("\t", " "))
    return _SPACES.sub(" ", text).strip()


def _clean_line(line: Line) -> Line:
    text = _URL.sub("", line.text)
    return Line(line.number, _clean(text), line.kind, line.depth)

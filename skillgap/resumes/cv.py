"""A CV (plain text, Markdown, HTML, PDF or DOCX) into a profile.

The CV is read by the job-posting reader: its lines (`skillgap.postings.read`, PDF through the same
optional pypdf), its sentences and the skills they name (the same extractor and matcher as `import
posting`). Each skill is a claim with its sentence as evidence, at the level the words next to it state
("5 years of SQL", "advanced Excel"), else 1, the lowest. Sentences naming a certification are looked up
in the catalog; degrees are left for the person to write as `education`.

DOCX is read with the standard library: a .docx file is a ZIP archive whose `word/document.xml` holds the
text, paragraph by paragraph. Only that member is read, no larger than the input size limit, and a
document type declaration in it (which a Word document never has, and which could define entities that
expand without end) is refused before the XML is parsed.
"""

from __future__ import annotations

import re
import zipfile
from datetime import date
from pathlib import Path

from skillgap.errors import InputError
from skillgap.match import Matcher
from skillgap.model import Catalog
from skillgap.postings.types import LineKind, Posting
from skillgap.resumes.claims import Claims
from skillgap.resumes.credentials import find_all
from skillgap.resumes.mentions import read_posting_text
from skillgap.resumes.types import Certification, Imported
from skillgap.words import plural

KIND = "CV"
DOCUMENT = "word/document.xml"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# what makes a credential sentence a certification one can hold, not a degree
CERTIFICATION = re.compile(r"\b(?:certifi\w*|certificate\w*|licen[cs]\w*|accredit\w*|chartered)\b", re.I)
DEGREE = re.compile(
    r"\b(?:bachelor\w*|master\w*|b\.?sc|m\.?sc|b\.?a|m\.?a|mba|ph\.?d|doctor\w*|degree|diploma|ged|"
    r"high school|associate\w* degree)\b",
    re.I,
)
_NAME = re.compile(r"^[^\W\d_][^\W\d_.'\u2019-]*(?:[ .'\u2019-]+[^\W\d_][^\W\d_'\u2019-]*){1,4}$")
_LEAD = re.compile(r"^(?:certifications?|licen[cs]es?|credentials?)\s*[:\-\u2013]\s*", re.I)
_ISSUED = re.compile(r"\s*[,(\-\u2013]\s*((?:19|20)\d{2})\)?\s*$")
_APART = re.compile(r"\s*(?:,|\s[-\u2013\u2014|]\s)\s*")  # "Title, Issuer", "Title - Issuer"
CERTIFICATIONS = re.compile(
    r"^\s*(?:(?:professional |other )?(?:certifications?|certificates?|licen[cs]es?|credentials?|"
    r"accreditations?)(?:\s*(?:and|&)\s*(?:certifications?|certificates?|licen[cs]es?|training|courses))?)\s*$",
    re.I,
)
EDUCATION = re.compile(r"^\s*(?:education|academic (?:background|qualifications)|degrees?)\s*$", re.I)


def read_cv(path: Path, matcher: Matcher, catalog: Catalog, today: date) -> Imported:
    """The profile the CV at PATH describes (TODAY is unused: a CV's dates are not read)."""
    from skillgap.postings import load_posting, read_posting

    if path.suffix.casefold() == ".docx":
        posting = read_posting(docx_text(path).encode("utf-8"), str(path), "markdown")
    else:
        posting = load_posting(path)
    from skillgap.postings.sections import years_stated

    reading = read_posting_text(posting, matcher)
    claims = Claims(matcher)
    for mention in reading.mentions:
        where = f"CV line {mention.line}: {mention.sentence!r}"
        years = years_stated(mention.sentence) if mention.level is not None else None
        claims.named(mention.skill, where, mention.level, float(years or 0))
    notes: list[str] = []
    listed, listed_degrees = _listed(posting)
    certifications, degrees = _credentials(reading.credentials, {line for _, line in listed + listed_degrees})
    certifications[:0] = [_certification(text) for text, _ in listed]
    degrees[:0] = [f"line {line}: {text}" for text, line in listed_degrees]
    held, unmatched = find_all(catalog, certifications)
    name = reading.title if _NAME.match(reading.title or "") else None
    if name is None:
        notes.append("the CV's first line is not a name: write yours as `name`")
    notes.append("a CV states no current role: write yours as `current_role` if you want one")
    if degrees:
        notes.append(f"{plural(len(degrees), 'degree')} left out (write the highest as `education`): "
                     + "; ".join(degrees))  # fmt: skip
    if unmatched:
        notes.append(f"{plural(len(unmatched), 'certification')} the catalog does not have, kept by title: "
                     + "; ".join(unmatched))  # fmt: skip
    if not reading.mentions:
        notes.append("no skill the taxonomy knows was found in the CV")
    return Imported(str(path), KIND, name, None, claims.claims(), tuple(held), tuple(notes))


def _listed(posting: Posting) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """The lines under a "Certifications" (or "Licences") heading and under an "Education" heading, by
    line: one certification, or one degree, each."""
    from skillgap.postings.sections import as_heading

    certifications: list[tuple[str, int]] = []
    degrees: list[tuple[str, int]] = []
    into: list[tuple[str, int]] | None = None
    for line in posting.lines:
        if as_heading(line) or line.kind is LineKind.HEADING:
            heading = line.text.rstrip(":")
            into = (
                certifications
                if CERTIFICATIONS.match(heading)
                else degrees
                if EDUCATION.match(heading)
                else None
            )
            continue
        if into is not None:
            into.append((line.text, line.number))
    return certifications, degrees


def _certification(text: str) -> Certification:
    """One certification as a CV lists it: "Title, Issuer, 2021", "Title (2021)", "Title - Issuer"."""
    from skillgap.dates import WrittenDate

    title = _LEAD.sub("", text).strip().rstrip(".")
    earned = None
    issued = _ISSUED.search(title)
    if issued:
        earned = WrittenDate(int(issued.group(1)))
        title = title[: issued.start()].strip()
    issuer = None
    parts = _APART.split(title, maxsplit=1)
    if len(parts) == 2 and any(c.isalpha() for c in parts[1]):
        title, issuer = parts[0].strip(), parts[1].strip()
    return Certification(title, issuer, earned)


def _credentials(
    found: tuple[tuple[str, int], ...], listed: set[int]
) -> tuple[list[Certification], list[str]]:
    """The certifications among the credential sentences outside the lists (LISTED: their lines), and
    the degrees."""
    certifications: list[Certification] = []
    degrees: list[str] = []
    for text, line in found:
        if line in listed:
            continue
        if DEGREE.search(text) and not CERTIFICATION.search(text):
            degrees.append(f"line {line}: {text}")
            continue
        certification = _certification(text)
        if certification.title:
            certifications.append(certification)
    return certifications, degrees


def docx_text(path: Path) -> str:
    """The text of a .docx file as Markdown lines: headings as `#`, list paragraphs as `-` items."""
    from xml.etree import ElementTree

    from skillgap.load.source import decode, display_name, max_file_bytes, require_file

    name = display_name(path)
    limit = max_file_bytes()
    require_file(path)
    try:
        with zipfile.ZipFile(path) as archive:
            try:
                member = archive.getinfo(DOCUMENT)
            except KeyError:
                raise InputError.at(name, f"is not a Word document: it has no {DOCUMENT}") from None
            if member.file_size > limit:
                raise InputError.at(name, f"holds a document of {member.file_size:,} bytes, over the limit")
            with archive.open(member) as handle:
                raw = handle.read(limit + 1)
    except zipfile.BadZipFile:
        raise InputError.at(
            name, "is not a .docx file (not a ZIP archive)", hint="save it as .docx"
        ) from None
    except FileNotFoundError:
        raise InputError.at(name, "no such file") from None
    except (OSError, RuntimeError, NotImplementedError) as exc:
        raise InputError.at(name, f"cannot be read: {exc}") from None
    if len(raw) > limit:
        raise InputError.at(name, "holds a document over the size limit")
    text = decode(raw, name)
    if "<!DOCTYPE" in text[:4096].upper() or "<!ENTITY" in text.upper():
        raise InputError.at(name, "holds a document type declaration, which a Word document never has")
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as exc:
        raise InputError.at(name, f"holds a document that is not well-formed XML: {exc}") from None
    lines: list[str] = []
    for paragraph in root.iter(f"{_W}p"):
        words: list[str] = []
        for node in paragraph.iter():
            if node.tag == f"{_W}t" and node.text:
                words.append(node.text)
            elif node.tag in (f"{_W}tab", f"{_W}br", f"{_W}cr"):
                words.append(" ")
        line = " ".join("".join(words).split())
        if not line:
            lines.append("")
            continue
        style = paragraph.find(f"{_W}pPr/{_W}pStyle")
        style_name = (style.get(f"{_W}val") or "") if style is not None else ""
        listed = paragraph.find(f"{_W}pPr/{_W}numPr") is not None
        if style_name.casefold().startswith(("heading", "title")):
            depth = int(style_name[-1]) if style_name[-1:].isdigit() else 1
            lines.append("#" * min(6, depth) + " " + line)
        elif listed or style_name.casefold().startswith("list"):
            lines.append("- " + line)
        else:
            lines.append(line)
        lines.append("")  # a paragraph ends here, however its text ends
    return "\n".join(lines)

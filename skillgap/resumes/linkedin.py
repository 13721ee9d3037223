"""A LinkedIn data export ("Get a copy of your data": the ZIP, or the folder it unpacks to) into a
profile.

The export is CSV files, one for each kind of data the person has (a missing file means they have none of
that kind). Read here: `Profile.csv` (`First Name`, `Last Name`, `Headline`), `Skills.csv` (`Name`),
`Positions.csv` (`Company Name`, `Title`, `Description`, `Location`, `Started On`, `Finished On`),
`Certifications.csv` (`Name`, `Url`, `Authority`, `Started On`, `Finished On`, `License Number`: the
issue date and the expiry date, as LinkedIn's form calls them) and
`Endorsement_Received_Info.csv` (`Skill Name`, and `Endorsement Status` where given). Dates are written
`Jan 2020` or `2020`. Every other file of the export (messages, connections, ...) is never opened.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from skillgap.dates import WrittenDate
from skillgap.errors import InputError
from skillgap.importers.tables import Row, Table, table_from_text
from skillgap.match import Matcher
from skillgap.model import Catalog
from skillgap.resumes.claims import Claims, Work
from skillgap.resumes.credentials import find_all
from skillgap.resumes.mentions import skills_in
from skillgap.resumes.types import Certification, Imported
from skillgap.words import plural

KIND = "LinkedIn export"
FILES = ("Profile.csv", "Skills.csv", "Positions.csv", "Certifications.csv", "Endorsement_Received_Info.csv")
MAX_MEMBERS = 10_000  # an export holds a few dozen files
NOT_SHOWN = frozenset({"rejected", "hidden", "declined", "pending"})  # endorsements not on the profile
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_DATE = re.compile(r"^(?:([A-Za-z]+)\.?\s+(?:\d{1,2},?\s+)?)?(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})(?:-\d{1,2})?$")


def read_date(text: str, end: bool) -> WrittenDate | None:
    """A LinkedIn date ("Jan 2020", "January 2020", "2020", or "2020-01"): the month or year it names,
    standing for its last day (END) or its first; None when it is blank or not a date."""
    text = " ".join(text.split())
    found = _DATE.match(text)
    if found:
        month_name, year = found.group(1), int(found.group(2))
        month = MONTHS.get(month_name.casefold()) if month_name else None
        if month_name and month is None:
            return None
    elif iso := _ISO.match(text):
        year, month = int(iso.group(1)), int(iso.group(2))
        if not 1 <= month <= 12:
            return None
    else:
        return None
    if not 1900 <= year <= 2200:
        return None
    return WrittenDate(year, month, end=end)


# --- the files of the export ---------------------------------------------------------------------


def read_export(path: Path) -> dict[str, Table]:
    """The export's tables by file name (only FILES; none of the others is opened)."""
    from skillgap.load.source import decode, display_name, max_file_bytes, read_text, require_file

    name = display_name(path)
    if path.is_dir():
        tables: dict[str, Table] = {}
        for wanted in FILES:
            key = wanted.casefold()
            found = sorted(p for p in path.rglob("*") if p.name.casefold() == key and p.is_file())
            if found:
                tables[wanted] = table_from_text(read_text(found[0]), display_name(found[0]))
        return tables
    if not path.exists():
        raise InputError.at(name, "no such file or folder", hint="give the export's .zip, or its folder")
    limit = max_file_bytes()
    require_file(path)
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if len(members) > MAX_MEMBERS:
                raise InputError.at(name, f"holds {len(members):,} files; a LinkedIn export holds dozens")
            tables = {}
            for wanted in FILES:
                member = _member(members, wanted)
                if member is None:
                    continue
                where = f"{name}:{member.filename}"
                if member.file_size > limit:
                    raise InputError.at(where, f"is {member.file_size:,} bytes, over the limit of {limit:,}")
                with archive.open(member) as handle:
                    raw = handle.read(limit + 1)  # the size a member states is not trusted
                if len(raw) > limit:
                    raise InputError.at(where, f"is over the limit of {limit:,} bytes")
                tables[wanted] = table_from_text(decode(raw, where), where)
            return tables
    except zipfile.BadZipFile:
        raise InputError.at(
            name, "is not a ZIP archive", hint="give LinkedIn's export .zip, or the folder it unpacks to"
        ) from None
    except (OSError, RuntimeError, NotImplementedError, zipfile.LargeZipFile) as exc:
        raise InputError.at(name, f"cannot be read: {exc}") from None


def _member(members: list[zipfile.ZipInfo], wanted: str) -> zipfile.ZipInfo | None:
    """The member named WANTED (in any folder of the archive, the shallowest first)."""
    found = [
        m for m in members if not m.is_dir() and m.filename.replace("\\", "/").rsplit("/", 1)[-1].casefold()
        == wanted.casefold()
    ]  # fmt: skip
    found.sort(key=lambda m: (m.filename.count("/"), m.filename))
    return found[0] if found else None


# --- the profile ---------------------------------------------------------------------------------


def _column(table: Table, row: Row, *names: str) -> str:
    """The cell of the first of NAMES the table has (LinkedIn has renamed a column or two over time)."""
    for column in names:
        if column in table.columns:
            return row.get(column)
    return ""


@dataclass
class _Reader:
    tables: dict[str, Table]
    matcher: Matcher
    today: date
    notes: list[str]

    def table(self, name: str) -> Table | None:
        return self.tables.get(name)

    def date(self, table: Table, row: Row, column: str, end: bool) -> WrittenDate | None:
        text = row.get(column)
        if not text:
            return None
        found = read_date(text, end)
        if found is None:
            where = f"{table.file}:{row.line}"
            self.notes.append(f"{where}: {column} {text!r} is not a date LinkedIn writes; left out")
        return found


def read_linkedin(path: Path, matcher: Matcher, catalog: Catalog, today: date) -> Imported:
    """The profile a LinkedIn export at PATH describes, skills resolved by MATCHER and certifications
    looked up in CATALOG; TODAY ends the positions still held."""
    tables = read_export(path)
    if not tables:
        raise InputError.at(
            str(path),
            "holds none of LinkedIn's profile files (" + ", ".join(FILES[:4]) + ")",
            hint="is this the export from LinkedIn's 'Get a copy of your data'?",
        )
    reader = _Reader(tables, matcher, today, [])
    claims = Claims(matcher)
    name = _name(reader)
    current_role = _positions(reader, claims)
    _skills(reader, claims)
    _endorsements(reader, claims)
    held, unmatched = find_all(catalog, _certifications(reader))
    notes = reader.notes
    missing = [f for f in FILES[:4] if f not in tables]
    if missing:
        notes.append(f"the export has no {', '.join(missing)}: nothing of that kind was imported")
    if claims.unknown:
        notes.append(_unknown_note(claims.unknown))
    if unmatched:
        notes.append(f"{plural(len(unmatched), 'certification')} the catalog does not have, kept by title: "
                     + "; ".join(unmatched))  # fmt: skip
    return Imported(str(path), KIND, name, current_role, claims.claims(), tuple(held), tuple(notes))


def _unknown_note(unknown: list[str]) -> str:
    shown = ", ".join(unknown[:10]) + (", ..." if len(unknown) > 10 else "")
    return (
        f"{plural(len(unknown), 'skill')} no known skill matches, kept as written (rename them to a "
        f"taxonomy skill, or leave them: no role asks for them as written): {shown}"
    )


def _name(reader: _Reader) -> str | None:
    table = reader.table("Profile.csv")
    if table is None or not table.rows:
        return None
    row = table.rows[0]
    name = " ".join(f"{row.get('First Name')} {row.get('Last Name')}".split())
    return name or None


def _positions(reader: _Reader, claims: Claims) -> str | None:
    """Read each position's title and description for skills; the open position's title, the latest
    started, is the current role."""
    table = reader.table("Positions.csv")
    if table is None:
        return None
    current: tuple[date, str] | None = None
    for row in table:
        title = _column(table, row, "Title")
        company = _column(table, row, "Company Name", "Company")
        started = reader.date(table, row, "Started On", end=False)
        finished = reader.date(table, row, "Finished On", end=True)
        still = not row.get("Finished On")
        label = " at ".join(p for p in (title, company) if p) or f"the position on line {row.line}"
        span = _span(started, finished, reader.today, still)
        if span:
            label += f" ({span})"
        this_month = WrittenDate(reader.today.year, reader.today.month)
        work = Work(label, started, reader.today if still else finished, this_month if still else finished)
        if still and title and (current is None or (started or date.min) > current[0]):
            current = (started or date.min, title)
        reading = skills_in([title, _column(table, row, "Description")], label, reader.matcher)
        for mention in reading.mentions:
            claims.worked(mention.skill, work)
    return current[1] if current else None


def _span(started: date | None, finished: date | None, today: date, still: bool) -> str:
    if started is None:
        return ""
    end = "now" if still else (str(finished) if finished else "?")
    return f"{started} to {end}"


def _skills(reader: _Reader, claims: Claims) -> None:
    table = reader.table("Skills.csv")
    if table is None:
        return
    for row in table:
        claims.listed(_column(table, row, "Name", "Skill"), "LinkedIn skills")


def _endorsements(reader: _Reader, claims: Claims) -> None:
    table = reader.table("Endorsement_Received_Info.csv")
    if table is None:
        return
    for row in table:
        if row.get("Endorsement Status").casefold() in NOT_SHOWN:
            continue
        claims.endorsed(_column(table, row, "Skill Name", "Skill"))


def _certifications(reader: _Reader) -> list[Certification]:
    table = reader.table("Certifications.csv")
    if table is None:
        return []
    out: list[Certification] = []
    for row in table:
        title = " ".join(_column(table, row, "Name").split())
        if not title:
            continue
        # LinkedIn's "issue date" is `Started On`; `Finished On` is when it expires, so it says when the
        # certification was earned only where no issue date is given and it has already passed
        started = reader.date(table, row, "Started On", end=True)
        finished = reader.date(table, row, "Finished On", end=True)
        earned = started or (finished if finished is not None and finished <= reader.today else None)
        issuer = " ".join(_column(table, row, "Authority").split()) or None
        out.append(Certification(title, issuer, earned))
    return out

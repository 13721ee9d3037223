"""Rendering the catalog browser: a list, search hits, one credential in full."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from skillgap.analyse.eligibility import describe
from skillgap.model import Credential, Pathway
from skillgap.render.analysis_doc import credential_data
from skillgap.render.fit import fit_table, text_width
from skillgap.render.formats import Format
from skillgap.render.json_out import to_json
from skillgap.render.money import cost_text, hours_text
from skillgap.render.output import write_output
from skillgap.render.safe import clean
from skillgap.words import plural

if TYPE_CHECKING:
    from skillgap.catalog_search import Hit

REASONS_SHOWN = 3  # reasons a table row lists (the JSON has them all)


def full_data(credential: Credential, pathways: Sequence[Pathway] = ()) -> dict[str, Any]:
    data = credential_data(credential)
    data["skills"] = [{"name": s.name, "level": s.level} for s in credential.skills]
    data["prerequisites"] = list(credential.prerequisites)
    data["stacks_into"] = [
        {"id": p.id, "title": p.title, "award": p.award}
        for p in pathways
        if credential.id in p.credentials or p.id in credential.stacks_into
    ]
    data["description"] = credential.description
    rule = credential.conditions
    data["conditions"] = (
        None
        if rule is None
        else {
            "source": rule.source,
            "note": rule.note,
            "routes": [{"name": r.name, "needs": [describe(c) for c in r.needs]} for r in rule.routes],
        }
    )
    data["requires"] = {s.name: s.level for s in credential.requires}
    data["source"] = credential.source
    data["as_of"] = credential.as_of.isoformat() if credential.as_of else None
    data["note"] = credential.note
    return data


def _table(rows: Sequence[tuple[Credential, str]], title: str, extra: str = "") -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title, title_justify="left", expand=True)
    table.add_column("Credential (id, provider)", overflow="fold", ratio=3)
    table.add_column("Skills (level)", overflow="fold", ratio=2)
    table.add_column("Cost,\nhours", justify="right", no_wrap=True)
    for credential, note in rows:
        cell = Text.assemble(
            Text(clean(credential.title), style="bold"),
            "\n",
            Text(f"{clean(credential.id)} \u00b7 {clean(credential.provider)}", style="dim"),
        )
        if extra and note:
            cell.append("\n" + clean(note), style="italic")
        skills = Text(", ".join(f"{clean(s.name)} {s.level}" for s in credential.skills))
        table.add_row(cell, skills, f"{cost_text(credential)}\n{hours_text(credential)}")
    console = Console(highlight=False, width=text_width())
    console.print(fit_table(console, table))
    if any(c.estimated for c, _ in rows):
        console.print(Text("~ marks an estimate, not a figure the provider publishes.", style="dim"))


def show_list(items: Sequence[Credential], fmt: Format, pathways: Sequence[Pathway] = ()) -> None:
    if fmt is Format.JSON:
        write_output(to_json([full_data(c, pathways) for c in items]), None)
        return
    _table([(c, "") for c in items], plural(len(items), "credential"))


def hit_data(hit: Hit) -> dict[str, Any]:
    """One search hit: the credential (as `catalog list` gives it) or the pathway, and why it matched."""
    if hit.credential is not None:
        data = {"kind": hit.kind, **full_data(hit.credential)}
    else:
        assert hit.pathway is not None
        data = {
            "kind": hit.kind,
            "id": hit.pathway.id,
            "title": hit.pathway.title,
            "award": hit.pathway.award,
            "credentials": list(hit.members),
        }
    data["score"] = hit.score
    data["matched"] = hit.why
    data["reasons"] = [{"on": r.on, "text": r.text, "score": r.score, "why": r.why} for r in hit.reasons]
    return data


def show_hits(hits: Sequence[Hit], fmt: Format) -> None:
    if fmt is Format.JSON:
        write_output(to_json([hit_data(hit) for hit in hits]), None)
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(title=plural(len(hits), "match", "matches"), title_justify="left", expand=True)
    table.add_column("Credential or pathway (id, provider), and why", overflow="fold", ratio=3)
    table.add_column("Skills (level), or credentials", overflow="fold", ratio=2)
    table.add_column("Cost,\nhours", justify="right", no_wrap=True)
    for hit in hits:
        why = "\n".join(f"{r.on} {r.score:.0f}: {clean(r.why)}" for r in hit.reasons[:REASONS_SHOWN])
        if len(hit.reasons) > REASONS_SHOWN:
            why += f"\n(and {len(hit.reasons) - REASONS_SHOWN} more)"
        if hit.credential is not None:
            c = hit.credential
            where = Text(f"{clean(c.id)} \u00b7 {clean(c.provider)}", style="dim")
            cell = Text.assemble(Text(clean(c.title), style="bold"), "\n", where)
            skills = Text(", ".join(f"{clean(s.name)} {s.level}" for s in c.skills))
            figures = f"{cost_text(c)}\n{hours_text(c)}"
        else:
            assert hit.pathway is not None
            p = hit.pathway
            award = f" \u00b7 {clean(p.award)}" if p.award else ""
            cell = Text.assemble(
                Text(clean(p.title), style="bold"), "\n", Text(f"pathway {clean(p.id)}{award}", style="dim")
            )
            skills = Text("credentials: " + (", ".join(clean(m) for m in hit.members) or "none"))
            figures = ""
        cell.append("\n" + why, style="italic")
        table.add_row(cell, skills, figures)
    console = Console(highlight=False, width=text_width())
    console.print(fit_table(console, table))
    if any(h.credential is not None and h.credential.estimated for h in hits):
        console.print(Text("~ marks an estimate, not a figure the provider publishes.", style="dim"))


def conditions_rows(credential: Credential) -> list[tuple[str, str]]:
    """The conditions in the form skillgap judges, one row per route, its source and note; the levels it
    expects on entry."""
    rows = []
    rule = credential.conditions
    if rule is not None:
        for n, route in enumerate(rule.routes, start=1):
            label = f"route {n}" + (f" ({route.name})" if route.name else "")
            rows.append((label, "; ".join(describe(c) for c in route.needs)))
        if rule.source:
            rows.append(("rule read at", rule.source))
        if rule.note:
            rows.append(("rule note", rule.note))
    if credential.requires:
        rows.append(
            ("expects on entry", ", ".join(f"{s.name} at level {s.level}" for s in credential.requires))
        )
    return rows


def _source_text(credential: Credential) -> str:
    """The page its facts were read from, and when."""
    when = f" (as of {credential.as_of.isoformat()})" if credential.as_of else ""
    if credential.source:
        return credential.source + when
    return "not given" + when


def show_one(credential: Credential, pathways: Sequence[Pathway], fmt: Format) -> None:
    data = full_data(credential, pathways)
    if fmt is Format.JSON:
        write_output(to_json(data), None)
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(show_header=False, title=Text(clean(credential.title)), title_justify="left")
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    rows = [
        ("id", credential.id),
        ("provider", f"{credential.provider} ({credential.provider_type})"),
        ("type", credential.type or "?"),
        ("skills", ", ".join(f"{s.name} (level {s.level})" for s in credential.skills)),
        ("hours", hours_text(credential)),
        ("cost", cost_text(credential)),
        ("format", credential.format or "?"),
        ("assessment", credential.assessment or "?"),
        ("eligibility", credential.eligibility or "not stated"),
        *conditions_rows(credential),
        ("prerequisites", ", ".join(credential.prerequisites) or "none"),
        ("stacks into", ", ".join(p["title"] for p in data["stacks_into"]) or "none"),
        ("url", credential.url or "none"),
        ("description", credential.description or ""),
        ("facts from", _source_text(credential)),
    ]
    if credential.note:
        rows.append(("note", credential.note))
    if credential.estimated:
        rows.append(("estimated", ", ".join(sorted(credential.estimated)) + " (not published figures)"))
    for key, value in rows:
        table.add_row(key, Text(clean(value)))
    console = Console(highlight=False, width=text_width())
    console.print(fit_table(console, table))

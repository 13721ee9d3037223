"""`skillgap roles`: the target roles, by id: the bundled ones and those of `--roles` folders."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from skillgap.cli.common import DebugOpt, NoCacheOpt, RolesOpt, format_option
from skillgap.render.formats import Format, TableOrJson


def roles(
    role_dirs: RolesOpt = None,
    choice: Annotated[TableOrJson, format_option(TableOrJson)] = TableOrJson.TABLE,
    debug: DebugOpt = False,
    no_cache: NoCacheOpt = False,
) -> None:
    """List the bundled roles by field, and the roles of --roles folders; pass an id or a title to
    --target."""
    fmt = choice.as_format
    from skillgap.load.library import load_library
    from skillgap.load.paths import bundled_roles_dir

    found = list(load_library(role_dirs or ()).roles)
    bundled = bundled_roles_dir().resolve()

    yours = {r.id for r in found if bundled not in Path(r.file).resolve().parents}

    if fmt is Format.JSON:
        from skillgap.render.json_out import to_json
        from skillgap.render.output import write_output

        data = [
            {
                "id": r.id,
                "title": r.title,
                "field": r.field,
                "description": r.description,
                "source": r.source,
                "source_id": r.source_id,
                "requirements": [
                    {
                        "skill": q.skill,
                        **({"any_of": list(q.any_of)} if q.any_of else {}),
                        "level": q.level,
                        "importance": q.importance.value,
                    }
                    for q in r.requirements
                ],
                "required_credentials": list(r.required_credentials),
                "file": r.file,
                "bundled": r.id not in yours,
            }
            for r in found
        ]
        write_output(to_json(data), None)
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from skillgap.levels import Importance
    from skillgap.render.fit import fit_table, text_width
    from skillgap.render.safe import clean

    title = (
        "Roles by field (use the id or the title with --target)"
        if role_dirs
        else "Bundled roles by field (use the id or the title with --target)"
    )
    table = Table(title=title, title_justify="left")
    table.add_column("id", no_wrap=True)
    table.add_column("Title and field")
    table.add_column("Essential skills", overflow="fold")
    found.sort(key=lambda r: (r.field is None, (r.field or "").casefold(), r.id))  # by field; no field last
    for i, r in enumerate(found):
        essential = ", ".join(clean(q.skill) for q in r.requirements if q.importance is Importance.ESSENTIAL)
        shown = Text(clean(r.title))
        if r.field:
            shown.append("\n" + clean(r.field), style="dim")
        label = Text(clean(r.id)) + (Text(" (yours)", style="dim") if r.id in yours else Text())
        last_of_its_field = i + 1 < len(found) and found[i + 1].field != r.field
        table.add_row(label, shown, Text(essential), end_section=last_of_its_field)
    console = Console(highlight=False, width=text_width())
    console.print(fit_table(console, table))

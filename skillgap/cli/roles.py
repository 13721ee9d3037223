"""`skillgap roles`: the bundled target roles, by id."""

from __future__ import annotations

from typing import Annotated

from skillgap.cli.common import DebugOpt, NoCacheOpt, format_option
from skillgap.render.formats import Format, TableOrJson


def roles(
    choice: Annotated[TableOrJson, format_option(TableOrJson)] = TableOrJson.TABLE,
    debug: DebugOpt = False,
    no_cache: NoCacheOpt = False,
) -> None:
    """List the bundled roles by field; pass an id to --target."""
    fmt = choice.as_format
    from skillgap.load.paths import bundled_roles_dir, expand_paths
    from skillgap.load.role import load_role

    found = [load_role(p) for p in expand_paths([bundled_roles_dir()])]
    found.sort(key=lambda r: r.id)
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

    table = Table(title="Bundled roles by field (use the id with --target)", title_justify="left")
    table.add_column("id", no_wrap=True)
    table.add_column("Title and field")
    table.add_column("Essential skills", overflow="fold")
    found.sort(key=lambda r: (r.field is None, (r.field or "").casefold(), r.id))  # by field; no field last
    for i, r in enumerate(found):
        essential = ", ".join(clean(q.skill) for q in r.requirements if q.importance is Importance.ESSENTIAL)
        title = Text(clean(r.title))
        if r.field:
            title.append("\n" + clean(r.field), style="dim")
        last_of_its_field = i + 1 < len(found) and found[i + 1].field != r.field
        table.add_row(Text(clean(r.id)), title, Text(essential), end_section=last_of_its_field)
    console = Console(highlight=False, width=text_width())
    console.print(fit_table(console, table))

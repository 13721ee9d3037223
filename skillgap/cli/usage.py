"""The click command class of every skillgap command: a usage line that names arguments as `--help` and the
error messages do (`skillgap analyze [OPTIONS] PROFILE`, not typer's `{profile}`)."""

from __future__ import annotations

from typing import Any

from typer.core import TyperCommand


def argument_usage(param: Any) -> str:
    """PROFILE, [PATH] when optional, PROFILES... when it takes several."""
    name = str(param.metavar or param.name or "").upper()
    if param.nargs != 1:
        name += "..."
    return name if param.required else f"[{name}]"


class Command(TyperCommand):
    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                pieces.append(argument_usage(param))
            else:
                pieces.extend(param.get_usage_pieces(ctx))
        return pieces

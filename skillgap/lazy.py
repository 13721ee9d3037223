"""A package's names imported when first asked for (PEP 562), so that importing the package is cheap."""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from importlib import import_module
from typing import Any


def lazy_names(package: str, homes: Mapping[str, str]) -> Callable[[str], Any]:
    """A module `__getattr__` for PACKAGE: NAME comes from the module HOMES[NAME] the first time it is asked
    for, and is then kept as the package's own attribute. Kept over whatever importing the home put there:
    importing `pkg.extract` makes the module `pkg.extract` the package's attribute `extract`, and the
    function of that name is what is meant."""

    def __getattr__(name: str) -> Any:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(home), name)
        setattr(sys.modules[package], name, value)
        return value

    return __getattr__

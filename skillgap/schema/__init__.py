"""JSON Schemas (draft 2020-12) for the four file kinds, built from the loader's own key lists.

`build.schema_for(kind)` makes one; the same schemas ship beside this file as ``KIND.schema.json`` so an
editor's ``# yaml-language-server: $schema=...`` line can point at a path. Kept import-light.
"""

from skillgap.kinds import KINDS, Kind

__all__ = ["KINDS", "Kind"]

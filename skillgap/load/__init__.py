"""Stage 1: files in. Read profiles, roles, catalogs and taxonomies into the typed model."""

from skillgap.load.catalog import load_catalogs
from skillgap.load.profile import load_profile
from skillgap.load.role import load_role
from skillgap.load.taxonomy import load_taxonomies

__all__ = ["load_catalogs", "load_profile", "load_role", "load_taxonomies"]

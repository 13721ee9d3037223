"""Job postings in: a posting's text read like a recruiter reads it, into a role.

Pure, like the rest of the core: `read` (and `html`) turns a file's bytes into lines, `sections` says what
each part of a posting is for (its word lists spelt out by `wording`), `phrases` finds the skills a
sentence names through the one matcher every command uses (`forms`: other forms of a name's words;
`lexicon`: the words it reads by), `extract` reads every sentence, and `role` makes the requirements and
the role. Nothing here prints.

The names below are imported when first asked for, so that telling a posting from a role file
(`skillgap.postings.kinds.is_posting`, which every command with a `--target` does) does not build the
reader's word lists.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from skillgap.lazy import lazy_names

if TYPE_CHECKING:
    from skillgap.postings.extract import extract
    from skillgap.postings.kinds import POSTING_SUFFIXES, is_posting
    from skillgap.postings.read import load_posting, read_posting
    from skillgap.postings.role import posting_role

__all__ = ["POSTING_SUFFIXES", "extract", "is_posting", "load_posting", "posting_role", "read_posting"]

_HOMES = {
    "extract": "skillgap.postings.extract",
    "POSTING_SUFFIXES": "skillgap.postings.kinds",
    "is_posting": "skillgap.postings.kinds",
    "load_posting": "skillgap.postings.read",
    "read_posting": "skillgap.postings.read",
    "posting_role": "skillgap.postings.role",
}


__getattr__ = lazy_names(__name__, _HOMES)  # (no module here imports `skillgap.postings.extract`: ask here)

"""Job postings in: a posting's text read like a recruiter reads it, into a role.

Pure, like the rest of the core: `read` (and `html`) turns a file's bytes into lines, `sections` says what
each part of a posting is for (its word lists spelt out by `wording`), `phrases` finds the skills a
sentence names through the one matcher every command uses (`forms`: other forms of a name's words;
`lexicon`: the words it reads by), `extract` reads every sentence, and `role` makes the requirements and
the role. Nothing here prints.
"""

from skillgap.postings.extract import extract
from skillgap.postings.read import POSTING_SUFFIXES, is_posting, load_posting, read_posting
from skillgap.postings.role import posting_role

__all__ = ["POSTING_SUFFIXES", "extract", "is_posting", "load_posting", "posting_role", "read_posting"]

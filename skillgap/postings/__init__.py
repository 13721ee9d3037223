"""Job postings in: a posting's text read like a recruiter reads it, into a role.

Pure, like the rest of the core: `read` turns a file's bytes into lines, `sections` says what each part
of a posting is for, `phrases` finds the skills a sentence names through the one matcher every command
uses, and `extract` puts them together into requirements. Nothing here prints.
"""

from skillgap.postings.extract import extract, posting_role
from skillgap.postings.read import POSTING_SUFFIXES, is_posting, load_posting, read_posting

__all__ = ["POSTING_SUFFIXES", "extract", "is_posting", "load_posting", "posting_role", "read_posting"]

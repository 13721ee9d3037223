"""Which files are job postings, and of what kind, told by the name alone (every command with a
`--target` asks this, so it imports nothing of the reader)."""

from __future__ import annotations

from pathlib import Path

SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
}
POSTING_SUFFIXES = tuple(SUFFIXES)


def is_posting(target: str) -> bool:
    """Whether a target names a job posting (a .txt, .md, .html or .pdf file) rather than a role."""
    return Path(target).suffix.lower() in SUFFIXES

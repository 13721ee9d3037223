"""Read one YAML or JSON file safely, keeping the line and column of every mapping value.

Safe YAML only (no tags that build objects), duplicate keys rejected, a byte-order mark and CRLF line
endings accepted, and the inputs that crash or exhaust naive readers (binary data, non-UTF-8 text, very
deep nesting, alias bombs, huge files) refused with a message that names the file and line.
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Callable, Iterator
from itertools import accumulate, tee
from operator import sub
from pathlib import Path
from typing import Any

from skillgap.errors import InputError
from skillgap.gc_pause import gc_paused

MAX_FILE_MB = 64.0  # the default; SKILLGAP_MAX_FILE_MB overrides it
MAX_DEPTH = 100
MAX_NODES = 5_000_000


class PosMap(dict[Any, Any]):
    """A mapping from a file that remembers where it and each of its values start (1-based), and how a
    value YAML read as a number was written when its text is not the number's own (010, 0x1F, 1:30,
    1.50), so that a name or an id keeps the text a person wrote (`written`)."""

    __slots__ = ("line", "col", "value_pos", "key_pos", "written")

    def __init__(self) -> None:
        super().__init__()
        self.line: int | None = None
        self.col: int | None = None
        self.value_pos: dict[Any, tuple[int, int]] = {}
        self.key_pos: dict[Any, tuple[int, int]] = {}
        self.written: dict[Any, str] | None = None  # only for numbers written otherwise than str() shows

    def text_of(self, key: Any) -> str | None:
        """How the number under KEY was written, when that differs from the number as Python shows it."""
        return self.written.get(key) if self.written else None

    def pos(self, key: Any) -> tuple[int | None, int | None]:
        if key in self.value_pos:
            return self.value_pos[key]
        return self.line, self.col

    def key_at(self, key: Any) -> tuple[int | None, int | None]:
        if key in self.key_pos:
            return self.key_pos[key]
        return self.pos(key)


class PosList(list[Any]):
    """A sequence from a file that remembers where each item starts, and how a number among its items was
    written when that differs from the number as Python shows it (see PosMap)."""

    __slots__ = ("line", "col", "item_pos", "written")

    def __init__(self) -> None:
        super().__init__()
        self.line: int | None = None
        self.col: int | None = None
        self.item_pos: list[tuple[int, int]] = []
        self.written: dict[int, str] | None = None

    def pos(self, index: int) -> tuple[int | None, int | None]:
        if 0 <= index < len(self.item_pos):
            return self.item_pos[index]
        return self.line, self.col

    def text_of(self, index: int) -> str | None:
        return self.written.get(index) if self.written else None


def written_text(node: Any, value: Any) -> str | None:
    """The text of a scalar YAML read as a number, when it is not how Python shows that number:
    "010" (8 in YAML 1.1), "0x1F" (31), "1:30" (90), "1.50" (1.5), ".inf"; else None."""
    kind = type(value)
    if (kind is int or kind is float) and node.value != str(value):
        return str(node.value)
    return None


def display_name(path: Path) -> str:
    return str(path)


def read_text(path: Path) -> str:
    """The file's text, or an InputError that says why it cannot be read as UTF-8 text."""
    return decode(read_bytes(path), display_name(path))


def max_file_bytes() -> int:
    """The size limit for one input file: SKILLGAP_MAX_FILE_MB megabytes, 64 unless set."""
    setting = os.environ.get("SKILLGAP_MAX_FILE_MB", "").strip()
    try:
        megabytes = float(setting) if setting else MAX_FILE_MB
    except ValueError:
        raise InputError(f"SKILLGAP_MAX_FILE_MB must be a number of megabytes, not {setting!r}") from None
    return max(0, int(megabytes * 1024 * 1024))


PIPE_WAIT_SECONDS = 10.0  # how long a named pipe may stay silent before it is refused


def read_bytes(path: Path, limit: int | None = None) -> bytes:
    """The file's bytes, or an InputError for a missing path, a folder, or a file over the size limit
    (LIMIT bytes, else `max_file_bytes()`).

    At most the limit is ever read, so a device or a pipe that never ends (/dev/zero) is refused too. A
    pipe (`<(cat file)`, a named pipe) is read once something writes to it; one that nothing opens for
    writing is refused after PIPE_WAIT_SECONDS rather than waited on for ever.
    """
    name = display_name(path)
    limit = max_file_bytes() if limit is None else limit
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise InputError.at(name, "is a folder, not a file", hint="name a .yaml file inside it")
        if info.st_size > limit:
            raise _too_large(name, info.st_size, limit)
        if stat.S_ISFIFO(info.st_mode):
            raw = _read_pipe(path, name, limit)
        else:
            with path.open("rb") as handle:
                raw = handle.read(limit + 1)
    except (OSError, ValueError) as exc:
        raise _unreadable(name, exc) from None
    if len(raw) > limit:
        raise _too_large(name, len(raw), limit, at_least=True)
    return raw


def _read_pipe(path: Path, name: str, limit: int) -> bytes:
    """A pipe's bytes up to LIMIT + 1, opened without waiting for a writer (which would block for ever
    when there is none), then read once a writer has written or gone."""
    import select

    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(fd, "rb", buffering=0) as handle:
        waiting = select.poll()
        waiting.register(fd, select.POLLIN | select.POLLHUP)
        if not waiting.poll(int(PIPE_WAIT_SECONDS * 1000)):
            raise InputError.at(
                name,
                f"is a named pipe that nothing wrote to in {PIPE_WAIT_SECONDS:g} seconds",
                hint="start what writes to it first, or give a file",
            )
        os.set_blocking(fd, True)
        chunks, size = [], 0
        while size <= limit:
            chunk = handle.read(min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)


def _unreadable(name: str, exc: OSError | ValueError) -> InputError:
    """Why the file NAME cannot be read, as the user should hear it."""
    if isinstance(exc, (FileNotFoundError, NotADirectoryError)):
        return InputError.at(name, "no such file", hint="check the path")
    if isinstance(exc, ValueError):  # a NUL byte in the name
        return InputError.at(name, "is not a usable file name")
    return InputError.at(name, f"cannot read: {exc.strerror or exc}")


def require_file(path: Path) -> None:
    """Refuse what is not a regular file where a reader must seek in it (a ZIP archive): a pipe, a device
    or a socket would block or mislead the reader."""
    name = display_name(path)
    try:
        info = path.stat()
    except (OSError, ValueError) as exc:
        raise _unreadable(name, exc) from None
    if not stat.S_ISREG(info.st_mode):
        raise InputError.at(name, "is not a regular file (a pipe or a device?)", hint="give the file itself")


def _too_large(name: str, size: int, limit: int, at_least: bool = False) -> InputError:
    def mb(n: int) -> str:
        return f"{n / 1048576:.1f}".removesuffix(".0") + " MB"

    more = "more than " if at_least else ""
    return InputError.at(
        name,
        f"file is {more}{mb(size)}, larger than the {mb(limit)} limit",
        hint="split it, or raise SKILLGAP_MAX_FILE_MB",
    )


_WIDE_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def decode(raw: bytes, name: str) -> str:
    for bom, encoding in _WIDE_BOMS:
        if raw.startswith(bom):
            raise InputError.at(name, f"is {encoding} text", 1, 1, hint="save the file as UTF-8")
    if b"\x00" in raw:
        if _looks_utf16(raw[:64]):
            raise InputError.at(name, "looks like UTF-16 text", 1, 1, hint="save the file as UTF-8")
        at = raw.index(b"\x00")
        line = raw.count(b"\n", 0, at) + 1
        raise InputError.at(name, "looks like a binary file, not YAML text", line=line, col=1)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError.at(
            name,
            f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})",
            line=line,
            col=col,
            hint="save the file as UTF-8",
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_utf16(head: bytes) -> bool:
    """ASCII text in UTF-16 without a byte-order mark: every other byte is zero, the rest are not."""
    even_zero = not head[0::2].strip(b"\x00")
    odd_zero = not head[1::2].strip(b"\x00")
    return len(head) >= 4 and even_zero != odd_zero


def is_json(name: str) -> bool:
    return name.lower().endswith(".json")


def parse(text: str, name: str, located: bool = False, fast: bool = False, plain: bool = False) -> Any:
    """Parse YAML, or JSON (by the fast json module) when the name ends in .json.

    JSON carries no positions; with located=True a JSON file is read by the YAML parser instead (JSON is
    YAML), which is slower but gives every value its line and column, for error messages. With fast=True
    (large catalogs) YAML goes through yaml-rs where it reads the text exactly as PyYAML would, again
    without positions (see fast_yaml.py). With plain=True as well, a fast read hands back plain dicts and
    lists instead of PosMap and PosList, for a reader that takes either (see `positioned`).
    """
    with gc_paused():
        if not is_json(name):
            _check_flow_depth(text, name)
            if fast and not located:
                from skillgap.load import fast_yaml

                data = fast_yaml.fast_parse_plain(text) if plain else fast_yaml.fast_parse(text)
                if data is not None:
                    return data
            return _parse_yaml(text, name)
        if not located:
            return _parse_json(text, name, plain=fast and plain)
        try:
            _check_flow_depth(text, name)
            return _parse_yaml(text, name, json_types=True)
        except InputError:  # JSON that YAML cannot take (a key over 1,024 characters): no positions
            return _parse_json(text, name)


def load_file(path: Path) -> Any:
    name = display_name(path)
    return parse(read_text(path), name)


# --- YAML -------------------------------------------------------------------------------------


# Core tags that build something other than text, numbers, lists and mappings: refused like any other tag.
_REFUSED_TAGS = ("binary", "set", "omap", "pairs")
_JSON_INT = re.compile(r"^-?(?:0|[1-9][0-9]*)$")
_JSON_FLOAT = re.compile(r"^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?$")


def _loader_class(json_types: bool = False) -> type[Any]:
    """A safe loader that keeps positions; with json_types, plain scalars are typed as JSON types them."""
    import yaml

    base: type[Any] = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader

    class _Loader(base):  # type: ignore[misc]
        pass

    if json_types:  # JSON read by the YAML parser for positions: 1e2 is a number, as json.loads has it
        _Loader.yaml_implicit_resolvers = {}
        first = list("-0123456789")
        _Loader.add_implicit_resolver("tag:yaml.org,2002:int", _JSON_INT, first)
        _Loader.add_implicit_resolver("tag:yaml.org,2002:float", _JSON_FLOAT, first)
        _Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile("^(?:true|false)$"), list("tf"))
        _Loader.add_implicit_resolver("tag:yaml.org,2002:null", re.compile("^null$"), ["n"])

    def refuse(loader: Any, node: Any) -> Any:
        raise _located(
            f"not valid YAML: the tag {_short_tag(node.tag)} is not allowed",
            node,
            hint="skillgap reads plain YAML only; remove the tag",
        )

    def construct_map(loader: Any, node: Any) -> Iterator[PosMap]:
        if not isinstance(node, yaml.MappingNode):
            raise _located("not valid YAML: the tag !!map needs a mapping", node, hint="remove the tag")
        data = PosMap()
        data.line = node.start_mark.line + 1
        data.col = node.start_mark.column + 1
        yield data
        explicit = sum(1 for key_node, _ in node.value if key_node.tag != "tag:yaml.org,2002:merge")
        loader.flatten_mapping(node)
        merged = len(node.value) - explicit  # pairs from `<<: *anchor` come first; a key here overrides them
        written: set[Any] = set()
        for index, (key_node, value_node) in enumerate(node.value):
            key = loader.construct_object(key_node, deep=False)
            try:
                hash(key)
            except TypeError:
                raise _located("a mapping key must be plain text", key_node, hint="quote the key") from None
            if index >= merged:  # written here: once only (a merged value is meant to be overridden)
                if key in written:
                    first = data.value_pos.get(key)
                    where = f" (first at line {first[0]})" if first else ""
                    raise _located(f"duplicate key {key!r}{where}", key_node, hint="keep one of them")
                written.add(key)
            data[key] = value = loader.construct_object(value_node, deep=False)
            as_written = written_text(value_node, value)
            if as_written is not None:
                if data.written is None:
                    data.written = {}
                data.written[key] = as_written
            data.value_pos[key] = (value_node.start_mark.line + 1, value_node.start_mark.column + 1)
            data.key_pos[key] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)

    def construct_seq(loader: Any, node: Any) -> Iterator[PosList]:
        if not isinstance(node, yaml.SequenceNode):
            raise _located("not valid YAML: the tag !!seq needs a list", node, hint="remove the tag")
        data = PosList()
        data.line = node.start_mark.line + 1
        data.col = node.start_mark.column + 1
        yield data
        for child in node.value:
            value = loader.construct_object(child, deep=False)
            as_written = written_text(child, value)
            if as_written is not None:
                if data.written is None:
                    data.written = {}
                data.written[len(data)] = as_written
            data.append(value)
            data.item_pos.append((child.start_mark.line + 1, child.start_mark.column + 1))

    _Loader.add_constructor("tag:yaml.org,2002:map", construct_map)
    _Loader.add_constructor("tag:yaml.org,2002:seq", construct_seq)
    for tag in _REFUSED_TAGS:
        _Loader.add_constructor(f"tag:yaml.org,2002:{tag}", refuse)
    for tag, what in _SCALAR_TAGS.items():
        full = f"tag:yaml.org,2002:{tag}"
        _Loader.add_constructor(full, _guarded(base.yaml_constructors[full], what))
    return _Loader


# PyYAML's own readers of these raise ValueError, KeyError or AttributeError (not a YAML error) for values
# such as 2023-02-30, 0b_, a 5,000-digit number, or `!!bool maybe`: each becomes a located error instead.
_SCALAR_TAGS = {"int": "a whole number", "float": "a number", "bool": "yes or no", "timestamp": "a real date"}


def _guarded(construct: Any, what: str) -> Any:
    def run(loader: Any, node: Any) -> Any:
        try:
            return construct(loader, node)
        except (ValueError, KeyError, AttributeError, TypeError, OverflowError) as exc:
            shown = node.value if isinstance(node.value, str) else "this"
            if what == "a whole number" and "digits" in str(exc):  # whole, but past Python's limit
                raise _located(_too_many_digits(shown), node, hint="quote it to keep it as text") from None
            raise _located(
                f"not valid YAML: {shown[:40]!r} is not {what}", node, hint="quote it to keep it as text"
            ) from None

    return run


def _too_many_digits(text: str) -> str:
    import sys

    digits = sum(c.isdigit() for c in text)
    limit = sys.get_int_max_str_digits()
    return f"a whole number of {digits:,} digits is too long to read (at most {limit:,} digits)"


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag


_LOADERS: dict[bool, type[Any]] = {}


_ALIAS = re.compile(r"(?:^|[\s\[{,:-])\*[^\s\]},]")


class _LocatedError(Exception):
    def __init__(self, message: str, line: int, col: int, hint: str = "") -> None:
        super().__init__(message)
        self.message, self.line, self.col, self.hint = message, line, col, hint


def _located(message: str, node: Any, hint: str = "") -> _LocatedError:
    return _LocatedError(message, node.start_mark.line + 1, node.start_mark.column + 1, hint)


def _parse_yaml(text: str, name: str, json_types: bool = False) -> Any:
    import yaml

    if json_types not in _LOADERS:
        _LOADERS[json_types] = _loader_class(json_types)
    loader = _LOADERS[json_types](text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if _ALIAS.search(text):  # only aliases can make the tree bigger than the text
            _check_node_size(node, name)
        return loader.construct_document(node)
    except _LocatedError as exc:
        raise InputError.at(name, exc.message, exc.line, exc.col, hint=exc.hint) from None
    except yaml.MarkedYAMLError as exc:
        raise _yaml_error(exc, name, text) from None
    except yaml.reader.ReaderError as exc:
        raise _reader_error(exc, name, text) from None
    except yaml.YAMLError as exc:
        raise InputError.at(name, f"not valid YAML: {exc}") from None
    except RecursionError:
        raise _too_deep(name, text) from None
    finally:
        loader.dispose()


def _reader_error(exc: Any, name: str, text: str) -> InputError:
    """A character YAML does not allow in a file (a control character): located by finding it."""
    char = chr(exc.character) if isinstance(exc.character, int) else str(exc.character)[:1]
    at = text.find(char) if char else -1
    line, col = _line_col(text, at) if at >= 0 else (None, None)
    return InputError.at(
        name,
        f"not valid YAML: the control character U+{ord(char):04X} is not allowed" if char else str(exc),
        line,
        col,
        hint="delete it",
    )


def _line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _yaml_error(exc: Any, name: str, text: str) -> InputError:
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or exc.context or "not valid YAML"
    hint = ""
    line = col = None
    if mark is not None:
        line, col = mark.line + 1, mark.column + 1
        lines = text.split("\n")
        this = lines[mark.line] if mark.line < len(lines) else ""
        if "\t" in this[: len(this) - len(this.lstrip(" \t"))] or "'\\t'" in problem:
            hint = "indent with spaces, not tabs"
    if "could not determine a constructor for the tag" in problem:
        tag = problem.rsplit(" ", 1)[-1].strip("'")
        problem = f"the tag {_short_tag(tag)} is not allowed"
        hint = "skillgap reads plain YAML only; remove the tag"
    elif "found another document" in problem:
        problem = "the file holds more than one document (a second '---')"
        hint = "keep one document per file"
    elif not hint and "mapping values are not allowed" in problem:
        hint = "a value containing ': ' must be quoted"
    return InputError.at(name, f"not valid YAML: {problem}", line, col, hint=hint)


# Block nesting shows as indentation (or "- - -", "? ? ?"). A literal newline first lets the regex engine skip
# ahead (six times faster than ^ with MULTILINE on a 40 MB file); the first line is matched on its own.
_DEEP_INDENT = re.compile(rf"\n[ \-?:]{{{MAX_DEPTH * 2},}}(?=\S)")
_DEEP_FIRST_LINE = re.compile(rf"[ \-?:]{{{MAX_DEPTH * 2},}}(?=\S)")


def _check_flow_depth(text: str, name: str) -> None:
    """Refuse nesting deep enough to exhaust the parser, before the parser sees it."""
    if _DEEP_FIRST_LINE.match(text):
        raise InputError.at(name, f"nested more than {MAX_DEPTH} levels deep", 1, 1)
    indent = _DEEP_INDENT.search(text)
    if indent:
        line = text.count("\n", 0, indent.start()) + 2
        raise InputError.at(name, f"nested more than {MAX_DEPTH} levels deep", line, 1)
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return
    brackets = _NOT_BRACKETS.sub("", text).translate(_AS_SQUARE)
    peeled = 0  # removing the innermost pairs lowers every nesting by one, and empties most real files
    while peeled < 3 and brackets and not _DEEP_RUN.search(brackets):
        brackets, removed = _INNERMOST.subn("", brackets)
        peeled += 1
        if not removed:
            break
    if _DEEP_RUN.search(brackets) or _max_depth(brackets) + peeled > MAX_DEPTH:
        raise _too_deep(name, text)


_NOT_BRACKETS = re.compile(r"[^\[\]{}]+")
_AS_SQUARE = str.maketrans("{}", "[]")
_DEEP_RUN = re.compile(rf"\[{{{MAX_DEPTH + 1}}}")
_INNERMOST = re.compile(r"\[\]")
_STEP = {"[": 1, "]": -1}


def _max_depth(brackets: str) -> int:
    """The deepest nesting in a string of [ and ], by iterators that run in C (no Python loop per
    character). A closer with no opener counts as nothing, so a run of them cannot hide deep nesting."""
    if min(accumulate(map(_STEP.__getitem__, brackets)), default=0) >= 0:
        return max(accumulate(map(_STEP.__getitem__, brackets)), default=0)
    depths, for_lows = tee(accumulate(map(_STEP.__getitem__, brackets)))
    lows = accumulate(for_lows, min, initial=0)
    next(lows)
    return max(map(sub, depths, lows), default=0)


def _too_deep(name: str, text: str) -> InputError:
    """The error for nesting past MAX_DEPTH, at the first bracket that goes deeper (an error path only)."""
    depth = 0
    for match in re.finditer(r"[\[\]{}]", text):
        depth += 1 if match.group() in "[{" else -1
        if depth > MAX_DEPTH:
            line, col = _line_col(text, match.start())
            return InputError.at(name, f"nested more than {MAX_DEPTH} levels deep", line, col)
        depth = max(depth, 0)
    return InputError.at(name, f"nested more than {MAX_DEPTH} levels deep", 1, 1)


def _check_node_size(root: Any, name: str) -> None:
    """Expand aliases in a count (memoised), refusing cheaply what aliases can build but text cannot:
    an alias bomb, an alias inside the node it names (a loop), and nesting deeper than MAX_DEPTH."""
    sizes: dict[int, tuple[int, int]] = {}  # node -> (values, depth); (-1, -1) while its children are open
    stack: list[tuple[Any, bool]] = [(root, False)]

    def refuse(node: Any, message: str, hint: str) -> InputError:
        return InputError.at(name, message, node.start_mark.line + 1, node.start_mark.column + 1, hint=hint)

    while stack:
        node, done = stack.pop()
        key = id(node)
        if key in sizes and not done:
            continue
        children: list[Any] = []
        if isinstance(node.value, list):
            for item in node.value:
                if isinstance(item, tuple):
                    children.extend(item)
                else:
                    children.append(item)
        if not done:
            sizes[key] = (-1, -1)
            stack.append((node, True))
            for child in children:
                if sizes.get(id(child)) == (-1, -1):
                    raise refuse(node, "an alias here refers to a node that contains it", "remove the loop")
                if id(child) not in sizes:
                    stack.append((child, False))
            continue
        total, depth = 1, 0
        for child in children:
            size, below = sizes.get(id(child), (1, 0))
            total += size
            depth = max(depth, below + 1)
        if total > MAX_NODES:
            raise refuse(
                node,
                f"anchors and aliases expand to more than {MAX_NODES:,} values (an alias bomb?)",
                "write the data out instead of repeating aliases",
            )
        if depth > MAX_DEPTH:
            raise refuse(node, f"aliases nest more than {MAX_DEPTH} levels deep", "write the data out")
        sizes[key] = (total, depth)


# --- JSON -------------------------------------------------------------------------------------


def _parse_json(text: str, name: str, plain: bool = False) -> Any:
    def pairs(items: list[tuple[str, Any]]) -> PosMap:
        data = PosMap()
        for key, value in items:
            if key in data:
                raise _duplicate_json_key(name, text, key)
            data[key] = value
        return data

    def plain_pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        data = dict(items)
        if len(data) < len(items):  # a key given twice: found again, and located, the slow way
            pairs(items)
        return data

    try:
        data = json.loads(text, object_pairs_hook=plain_pairs if plain else pairs)
        if _SURROGATE_ESCAPE.search(text):
            _check_surrogates(data, text, name)
        return data if plain else _to_poslists(data)
    except json.JSONDecodeError as exc:
        raise InputError.at(name, f"not valid JSON: {exc.msg}", exc.lineno, exc.colno) from None
    except RecursionError:
        raise _too_deep(name, text) from None
    except ValueError as exc:  # a number past Python's 4,300-digit limit
        found = re.search(r"[0-9]{1000,}", text)
        line, col = _line_col(text, found.start()) if found else (None, None)
        message = "a number with more than 4,300 digits" if "digits" in str(exc) else str(exc)
        raise InputError.at(name, f"not valid JSON: {message}", line, col) from None


def _duplicate_json_key(name: str, text: str, key: str) -> InputError:
    """The duplicate-key error, located by the YAML reader (it knows positions; json does not)."""
    try:
        _parse_yaml(text, name, json_types=True)
    except InputError as exc:
        if "duplicate key" in str(exc):
            return exc
    except Exception:  # the unlocated error below still says what is wrong
        pass
    return InputError.at(name, f"duplicate key {key!r}", hint="keep one of them")


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_LONE_SURROGATE = re.compile(
    r"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}"
)


def _check_surrogates(data: Any, text: str, name: str) -> None:
    """Refuse half a character (a lone \\ud800 escape), as YAML does: no output could print it."""
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        found = _LONE_SURROGATE.search(text)
        line, col = _line_col(text, found.start()) if found else (None, None)
        raise InputError.at(
            name, "not valid JSON text: an escape names half a character (a lone surrogate)", line, col
        ) from None


def positioned(value: Any, scalar: Callable[[Any], Any] | None = None) -> Any:
    """Plain dicts and lists (from a fast read) as PosMap and PosList without positions, for the careful
    field-by-field reading; values that are PosMap or PosList already are returned as they are. SCALAR,
    when given, sees (and may refuse, by raising) every key and every value that is neither."""
    kind = type(value)
    if kind is dict:
        out = PosMap.__new__(PosMap)
        for key, item in value.items():
            out[scalar(key) if scalar else key] = positioned(item, scalar)
        out.line = out.col = None
        out.value_pos = out.key_pos = _NO_POSITIONS
        out.written = None
        return out
    if kind is list:
        seq = PosList.__new__(PosList)
        seq.extend([positioned(item, scalar) for item in value])
        seq.line = seq.col = None
        seq.item_pos = _NO_ITEMS
        seq.written = None
        return seq
    return scalar(value) if scalar else value


_NO_POSITIONS: dict[Any, tuple[int, int]] = {}  # shared, never written: a positionless value has none
_NO_ITEMS: list[tuple[int, int]] = []


def _to_poslists(value: Any) -> Any:
    if isinstance(value, list):
        out = PosList()
        out.extend(_to_poslists(v) for v in value)
        return out
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, (list, dict)):
                value[key] = _to_poslists(item)
    return value

"""Read one YAML or JSON file safely, keeping the line and column of every mapping value.

Safe YAML only (no tags that build objects), duplicate keys rejected, a byte-order mark and CRLF line
endings accepted, and the inputs that crash or exhaust naive readers (binary data, non-UTF-8 text, very
deep nesting, alias bombs, huge files) refused with a message that names the file and line.
"""

from __future__ import annotations

import gc
import json
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from skillgap.errors import InputError

MAX_FILE_BYTES = int(float(os.environ.get("SKILLGAP_MAX_FILE_MB", "200")) * 1024 * 1024)
MAX_DEPTH = 100
MAX_NODES = 5_000_000


class PosMap(dict[Any, Any]):
    """A mapping from a file that remembers where it and each of its values start (1-based)."""

    __slots__ = ("line", "col", "value_pos", "key_pos")

    def __init__(self) -> None:
        super().__init__()
        self.line: int | None = None
        self.col: int | None = None
        self.value_pos: dict[Any, tuple[int, int]] = {}
        self.key_pos: dict[Any, tuple[int, int]] = {}

    def pos(self, key: Any) -> tuple[int | None, int | None]:
        if key in self.value_pos:
            return self.value_pos[key]
        return self.line, self.col

    def key_at(self, key: Any) -> tuple[int | None, int | None]:
        if key in self.key_pos:
            return self.key_pos[key]
        return self.pos(key)


class PosList(list[Any]):
    """A sequence from a file that remembers where each item starts."""

    __slots__ = ("line", "col", "item_pos")

    def __init__(self) -> None:
        super().__init__()
        self.line: int | None = None
        self.col: int | None = None
        self.item_pos: list[tuple[int, int]] = []

    def pos(self, index: int) -> tuple[int | None, int | None]:
        if 0 <= index < len(self.item_pos):
            return self.item_pos[index]
        return self.line, self.col


def display_name(path: Path) -> str:
    return str(path)


def read_text(path: Path) -> str:
    """The file's text, or an InputError that says why it cannot be read as UTF-8 text."""
    return decode(read_bytes(path), display_name(path))


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or an InputError for a missing path, a folder, or a file over the size limit."""
    name = display_name(path)
    if not path.exists():
        raise InputError.at(name, "no such file", hint="check the path")
    if path.is_dir():
        raise InputError.at(name, "is a folder, not a file", hint="name a .yaml file inside it")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError.at(
                name,
                f"file is {size / 1048576:.0f} MB, larger than the {MAX_FILE_BYTES // 1048576} MB limit",
                hint="split it, or raise SKILLGAP_MAX_FILE_MB",
            )
        return path.read_bytes()
    except OSError as exc:
        raise InputError.at(name, f"cannot read: {exc.strerror or exc}") from None


def decode(raw: bytes, name: str) -> str:
    if b"\x00" in raw[:8192] or b"\x00" in raw:
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


def is_json(name: str) -> bool:
    return name.lower().endswith(".json")


def parse(text: str, name: str, located: bool = False) -> Any:
    """Parse YAML, or JSON (by the fast json module) when the name ends in .json.

    JSON carries no positions; with located=True a JSON file is read by the YAML parser instead (JSON is
    YAML), which is slower but gives every value its line and column, for error messages.
    """
    with _gc_paused():
        if is_json(name) and not located:
            return _parse_json(text, name)
        _check_flow_depth(text, name)
        return _parse_yaml(text, name)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Building a large tree triggers many useless collections; pause them while parsing."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def load_file(path: Path) -> Any:
    name = display_name(path)
    return parse(read_text(path), name)


# --- YAML -------------------------------------------------------------------------------------


def _loader_class() -> type[Any]:
    import yaml

    base: type[Any] = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader

    class _Loader(base):  # type: ignore[valid-type,misc]
        pass

    def construct_map(loader: Any, node: Any) -> Iterator[PosMap]:
        data = PosMap()
        data.line = node.start_mark.line + 1
        data.col = node.start_mark.column + 1
        yield data
        loader.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=False)
            try:
                hash(key)
            except TypeError:
                raise _located("a mapping key must be plain text", key_node, hint="quote the key") from None
            if key in data:
                first = data.value_pos.get(key)
                where = f" (first at line {first[0]})" if first else ""
                raise _located(f"duplicate key {key!r}{where}", key_node, hint="keep one of them")
            data[key] = loader.construct_object(value_node, deep=False)
            data.value_pos[key] = (value_node.start_mark.line + 1, value_node.start_mark.column + 1)
            data.key_pos[key] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)

    def construct_seq(loader: Any, node: Any) -> Iterator[PosList]:
        data = PosList()
        data.line = node.start_mark.line + 1
        data.col = node.start_mark.column + 1
        yield data
        for child in node.value:
            data.append(loader.construct_object(child, deep=False))
            data.item_pos.append((child.start_mark.line + 1, child.start_mark.column + 1))

    _Loader.add_constructor("tag:yaml.org,2002:map", construct_map)
    _Loader.add_constructor("tag:yaml.org,2002:seq", construct_seq)
    return _Loader


_LOADER: type[Any] | None = None


_ALIAS = re.compile(r"(?:^|[\s\[{,:-])\*[^\s\]},]")


class _LocatedError(Exception):
    def __init__(self, message: str, line: int, col: int, hint: str = "") -> None:
        super().__init__(message)
        self.message, self.line, self.col, self.hint = message, line, col, hint


def _located(message: str, node: Any, hint: str = "") -> _LocatedError:
    return _LocatedError(message, node.start_mark.line + 1, node.start_mark.column + 1, hint)


def _parse_yaml(text: str, name: str) -> Any:
    global _LOADER
    import yaml

    if _LOADER is None:
        _LOADER = _loader_class()
    loader = _LOADER(text)
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
    except yaml.YAMLError as exc:
        raise InputError.at(name, f"not valid YAML: {exc}") from None
    except RecursionError:
        raise InputError.at(name, f"nested more than {MAX_DEPTH} levels deep") from None
    finally:
        loader.dispose()


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
        tag = problem.rsplit(" ", 1)[-1]
        problem = f"the tag {tag} is not allowed"
        hint = "skillgap reads plain YAML only; remove the tag"
    elif not hint and "mapping values are not allowed" in problem:
        hint = "a value containing ': ' must be quoted"
    return InputError.at(name, f"not valid YAML: {problem}", line, col, hint=hint)


def _check_flow_depth(text: str, name: str) -> None:
    """Refuse nesting deep enough to exhaust the parser, before the parser sees it."""
    indent = re.compile(rf"^[ \-?:]{{{MAX_DEPTH * 2},}}", re.MULTILINE).search(text)
    if indent:
        line = text.count("\n", 0, indent.start()) + 1
        raise InputError.at(name, f"nested more than {MAX_DEPTH} levels deep", line, 1)
    if text.count("[") + text.count("{") < MAX_DEPTH:
        return
    brackets = re.sub(r"[^\[\]{}]+", "", text)
    innermost = re.compile(r"\[\]|\{\}|\[\}|\{\]")
    for _ in range(MAX_DEPTH + 1):
        reduced = innermost.sub("", brackets)
        if reduced == brackets:
            return
        brackets = reduced
    first = min(i for i in (text.find("["), text.find("{")) if i >= 0)
    line = text.count("\n", 0, first) + 1
    raise InputError.at(name, f"nested more than {MAX_DEPTH} levels deep", line, 1)


def _check_node_size(root: Any, name: str) -> None:
    """Count nodes with aliases expanded (memoised), so an alias bomb is refused cheaply."""
    sizes: dict[int, int] = {}
    stack: list[tuple[Any, bool]] = [(root, False)]
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
            sizes[key] = -1
            stack.append((node, True))
            stack.extend((c, False) for c in children if id(c) not in sizes)
            continue
        total = 1 + sum(max(sizes.get(id(c), 1), 1) for c in children)
        if total > MAX_NODES:
            raise InputError.at(
                name,
                f"anchors and aliases expand to more than {MAX_NODES:,} values (an alias bomb?)",
                node.start_mark.line + 1,
                node.start_mark.column + 1,
                hint="write the data out instead of repeating aliases",
            )
        sizes[key] = total


# --- JSON -------------------------------------------------------------------------------------


def _parse_json(text: str, name: str) -> Any:
    def pairs(items: list[tuple[str, Any]]) -> PosMap:
        data = PosMap()
        for key, value in items:
            if key in data:
                raise InputError.at(name, f"duplicate key {key!r}", hint="keep one of them")
            data[key] = value
        return data

    try:
        return _to_poslists(json.loads(text, object_pairs_hook=pairs))
    except json.JSONDecodeError as exc:
        raise InputError.at(name, f"not valid JSON: {exc.msg}", exc.lineno, exc.colno) from None
    except RecursionError:
        raise InputError.at(name, f"nested more than {MAX_DEPTH} levels deep") from None


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

"""Text from input files reaches a terminal as text: no markup, no escape sequences, no control characters.

A hostile catalog must not be able to clear the screen, retitle the window, ring the bell, print a fake
hyperlink, reverse text with bidirectional overrides, or style itself with Rich markup. Reports are
written whole or not at all, and Ctrl-C exits with status 130, one line and no traceback.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skillgap.inert import has_unsafe
from skillgap.render.safe import clean, json_safe, markdown
from tests.conftest import ROOT, invoke
from tests.hypothesis_profiles import examples

CORE = ROOT / "tests" / "data" / "core"

# Written with YAML's double-quoted escapes: \e is ESC, \a is BEL.
EVIL = (
    r"[bold red]SQL[/bold red] \e[2J\e[H \e]0;pwned\a \e]8;;https://evil.example/\e\\click\e]8;;\e\\"
    r" \x9b31m \u202eevil\u202c \a\x00\x7f [link=https://evil.example]x[/link]"
    r" in\u00advis\u2060ible\U000E0041\u180e\u3164\uFFA0\uFFF9\u200b\u200f\u061c\uFEFF"
)
CATALOG = f'''name: "Evil \\e]0;title\\a catalog"
credentials:
  - id: evil
    title: "{EVIL}"
    provider: "[blink]Acme[/blink] \\e]0;owned\\a"
    skills: [{{name: SQL, level: 5}}]
    url: "https://example.org/\\e[2J"
    hours: 10
    cost: 100
    description: "one\\ntwo \\e[31mred\\e[0m"
'''
ROLE = f'''title: "Data [blink]Analyst[/blink] \\e[5m"
requirements:
  - {{skill: SQL, level: 4, importance: essential}}
  - {{skill: "{EVIL}", level: 2}}
'''
PROFILE = f'''name: "[red]Ann[/red] \\e]0;x\\a"
skills:
  - {{name: SQL, level: 1}}
  - {{name: "{EVIL}", level: 1}}
'''
SGR = re.compile(r"\x1b\[[0-9;]*m")  # colour and style, what Rich itself writes when colour is on
HOSTILE_CHARS = ["\x1b", "\x07", "\x9b", "\x00", "\x7f", "\u202e", "\u202c"]


def assert_inert(text: str) -> None:
    """Nothing a terminal would act on, and nothing a reader cannot see, beyond the colours Rich chose."""
    plain = SGR.sub("", text)
    for char in HOSTILE_CHARS:
        assert char not in plain, f"{char!r} reached the terminal"
    assert not any(unicodedata.category(c) == "Cc" for c in plain if c not in "\n\t")
    hidden = [c for c in plain if has_unsafe(c) and c not in "\n\t\r"]
    assert not hidden, f"{hidden!r} reached the terminal"


@pytest.fixture
def hostile(write):  # type: ignore[no-untyped-def]
    files = {"evil-catalog.yaml": CATALOG, "evil-role.yaml": ROLE, "evil-profile.yaml": PROFILE}
    return tuple(write(name, text) for name, text in files.items())


@pytest.fixture
def colour(monkeypatch: pytest.MonkeyPatch) -> None:
    """As on a real terminal: colour on, so Rich would act on markup if it were given any."""
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "250")


@pytest.mark.parametrize("fmt", ["table", "markdown", "json"])
def test_analyze_shows_hostile_text_literally(hostile, colour, fmt) -> None:  # type: ignore[no-untyped-def]
    catalog, role, profile = hostile
    result = invoke(
        "analyze", profile, "--target", role, "--catalog", catalog, "--taxonomy", CORE / "skills.yaml",
        "--format", fmt,
    )
    assert result.code == 0, result.err
    assert_inert(result.out)
    assert_inert(result.err)
    shown = SGR.sub("", result.out)
    if fmt == "table":
        assert "[bold red]SQL[/bold red]" in shown and "[link=https://evil.example]" in shown
        assert "[blink]Analyst[/blink]" in shown, "markup in a role title is printed, not applied"
    if fmt == "markdown":
        assert r"\[bold red\]SQL\[/bold red\]" in shown
    if fmt == "json":
        assert "evil" in shown


OTHER_COMMANDS = {
    "plan": ["plan", "{p}", "--target", "{r}"],
    "plan-memo": ["plan", "{p}", "--target", "{r}", "--format", "memo"],
    "compare": ["compare", "{p}", "--target", "{r}", "--target", str(CORE / "role.yaml")],
    "cohort": ["cohort", "{p}", str(CORE / "profile.yaml"), "--target", "{r}"],
    "report": ["report", "{p}", "--target", "{r}"],
    "catalog-list": ["catalog", "list"],
    "catalog-search": ["catalog", "search", "SQL"],
    "catalog-show": ["catalog", "show", "evil"],
    "showcase": ["showcase", "{p}"],
    "showcase-text": ["showcase", "{p}", "--format", "text"],
}


@pytest.mark.parametrize("command", OTHER_COMMANDS.values(), ids=OTHER_COMMANDS.keys())
def test_every_command_that_shows_file_text_is_inert(hostile, colour, command: list[str]) -> None:  # type: ignore[no-untyped-def]
    catalog, role, profile = hostile
    args = [a.format(p=profile, r=role) for a in command] + ["--catalog", str(catalog)]
    if command[0] not in ("catalog", "showcase"):
        args += ["--taxonomy", str(CORE / "skills.yaml")]
    result = invoke(*args)
    assert result.code == 0, result.err
    assert_inert(result.out)
    assert_inert(result.err)


def test_validate_messages_are_inert(write, colour) -> None:  # type: ignore[no-untyped-def]
    path = write("p.yaml", 'name: Ann\n"\\e]0;pwned\\a": 1\nskills: {"\\e[2J": 9}\n')
    result = invoke("validate", path)
    assert result.code == 2
    assert_inert(result.err)
    assert "unknown key" in result.err and "out of range" in result.err


def test_a_hostile_file_name_is_shown_inert(tmp_path: Path) -> None:
    path = tmp_path / "evil\x1b]0;pwned\x07\x1b[2J.yaml"
    path.write_text("name: Ann\nskills: {SQL: 9}\n", encoding="utf-8")
    for args in (("validate", path), ("analyze", path, "--target", CORE / "role.yaml")):
        result = invoke(*args)
        assert result.code == 2
        assert_inert(result.err)
        assert "]0;pwned" not in result.err and "/evil.yaml:2:15: " in result.err


def test_init_questions_from_a_hostile_role_are_inert(hostile, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import io

    _, role, _ = hostile
    monkeypatch.setattr(sys, "stdin", io.StringIO("Ann\n\n3\n2\n\n\n"))
    result = invoke("init", tmp_path / "p.yaml", "--from-role", role)
    assert result.code == 0, result.err
    assert_inert(result.out)
    assert_inert(result.err)


INVISIBLE_KINDS = {
    "soft hyphen": "\u00ad",
    "Mongolian vowel separator": "\u180e",
    "zero-width space": "\u200b",
    "zero-width joiner": "\u200d",
    "right-to-left mark": "\u200f",
    "word joiner": "\u2060",
    "invisible times": "\u2062",
    "Hangul filler": "\u3164",
    "halfwidth Hangul filler": "\uffa0",
    "interlinear annotation anchor": "\ufff9",
    "tag latin small a": "\U000e0061",
    "cancel tag": "\U000e007f",
}


@pytest.mark.parametrize("char", INVISIBLE_KINDS.values(), ids=INVISIBLE_KINDS.keys())
def test_invisible_characters_never_pass(char: str) -> None:
    import json

    assert clean(f"SQL{char}Server") == "SQLServer"
    assert char not in markdown(f"a{char}b")
    encoded = json_safe(json.dumps({"t": f"a{char}b"}, ensure_ascii=False))
    assert char not in encoded and json.loads(encoded) == {"t": f"a{char}b"}


def test_only_web_links_become_links(write) -> None:  # type: ignore[no-untyped-def]
    urls = {"Script": "javascript:alert(1)", "Data": "data:text/html,<b>x</b>"}
    urls["Web"] = "https://example.org/sql"
    entry = '  - {{id: c{}, title: {} Course, provider: Acme, url: "{}", skills: [{{name: SQL, level: 5}}]}}'
    entry += "\n"
    entries = "".join(entry.format(n, title, url) for n, (title, url) in enumerate(urls.items()))
    catalog = write("links.yaml", "name: Links\ncredentials:\n" + entries)
    world = ("--catalog", catalog, "--taxonomy", CORE / "skills.yaml")
    person = (CORE / "profile.yaml", "--target", CORE / "role.yaml")
    result = invoke("analyze", *person, *world, "-f", "markdown", "--top", "3")
    assert result.code == 0, result.err
    assert "(https://example.org/sql)" in result.out, "a web link is still a link"
    assert "Script Course" in result.out and "Data Course" in result.out, "the others are shown, as text"
    assert "](javascript:" not in result.out and "](data:" not in result.out
    assert 'href="javascript:' not in result.out and 'href="data:' not in result.out


def test_imported_yaml_escapes_what_must_not_show_and_reads_back_the_same(tmp_path: Path) -> None:
    import yaml

    from skillgap.inert import yaml_dump

    value = {"title": "report\u202efdp.exe", "skills": ["SQL\u200bServer", "Python"], "plain": "Zoë Ñuñez"}
    text = yaml_dump(value)
    assert not has_unsafe(text) and "\\u202e" in text.lower()
    assert yaml.safe_load(text) == value
    readable = yaml_dump({"plain": "Zoë Ñuñez"})
    assert "Zoë Ñuñez" in readable, "ordinary accents stay readable"


# --- clean(), markdown(), json_safe() on any text -----------------------------------------------------

BIDI = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


@settings(max_examples=examples(500), deadline=None)
@given(text=st.text(alphabet=st.characters(codec=None, exclude_categories=[])) | st.text())
def test_clean_leaves_nothing_a_terminal_acts_on(text: str) -> None:
    out = clean(text)
    assert not any(unicodedata.category(c) in ("Cc", "Cs") for c in out)
    assert not BIDI & set(out)
    assert not has_unsafe(out), "no invisible character either"
    assert clean(out) == out
    kept = clean(text, keep_newlines=True)
    assert not any(unicodedata.category(c) in ("Cc", "Cs") for c in kept if c not in "\n\t")
    out.encode("utf-8")  # nothing a UTF-8 terminal or file cannot take


@settings(max_examples=examples(300), deadline=None)
@given(text=st.text(alphabet=st.characters(blacklist_categories=["Cc", "Cf", "Cs", "Zl", "Zp"])))
def test_clean_keeps_ordinary_text_as_it_is(text: str) -> None:
    assert clean(text) == text


@settings(max_examples=examples(300), deadline=None)
@given(text=st.text())
def test_markdown_and_json_stay_inert(text: str) -> None:
    import json

    assert_inert(markdown(text))
    encoded = json_safe(json.dumps({"t": text}, ensure_ascii=False))
    assert_inert(encoded)
    assert json.loads(encoded) == {"t": text}, "the data itself is kept"
    encoded.encode("utf-8")


# --- files: whole or not at all -------------------------------------------------------------------


def analyze_to(output: Path, *extra: str) -> list[str | Path]:
    return [
        "analyze", CORE / "profile.yaml", "--target", CORE / "role.yaml", "--catalog", CORE / "catalog.yaml",
        "--taxonomy", CORE / "skills.yaml", "--format", "markdown", "-o", output, *extra,
    ]


def test_a_report_is_renamed_into_place_from_its_folder(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    moves: list[tuple[str, str]] = []
    real_link, real_replace = os.link, os.replace

    def link(src: str, dst: str, **options: bool) -> None:
        moves.append((src, str(dst)))
        real_link(src, dst, **options)

    def replace(src: str, dst: str) -> None:
        moves.append((src, str(dst)))
        real_replace(src, dst)

    monkeypatch.setattr(os, "link", link)
    monkeypatch.setattr(os, "replace", replace)
    target = tmp_path / "gap.md"
    assert invoke(*analyze_to(target)).code == 0
    assert invoke(*analyze_to(target, "--force")).code == 0
    moves = [(src, dst) for src, dst in moves if Path(dst) == target]  # not the parse cache's own writes
    assert len(moves) == 2
    for src, dst in moves:
        assert Path(src).parent == tmp_path and Path(dst) == target
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gap.md"]


def test_an_existing_report_is_replaced_only_with_force(tmp_path: Path) -> None:
    target = tmp_path / "gap.md"
    target.write_text("keep me\n", encoding="utf-8")
    refused = invoke(*analyze_to(target))
    assert refused.code == 2 and "already exists" in refused.err and "--force" in refused.err
    assert target.read_text(encoding="utf-8") == "keep me\n"
    assert invoke(*analyze_to(target, "--force")).code == 0
    assert target.read_text(encoding="utf-8").startswith("#")


def test_an_interrupted_write_leaves_the_old_file(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "gap.md"
    target.write_text("the old report\n", encoding="utf-8")

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    result = invoke(*analyze_to(target, "--force"))
    assert result.code == 130 and result.err == "skillgap: interrupted\n"
    assert target.read_text(encoding="utf-8") == "the old report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gap.md"]


# --- Ctrl-C ----------------------------------------------------------------------------------------


def test_ctrl_c_while_reading_exits_130_with_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    import skillgap.load.source as source

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(source, "_check_flow_depth", interrupted)  # runs inside every YAML parse
    for args in (("validate", CORE / "profile.yaml"), analyze_to(Path("unused.md"))[:-2]):
        result = invoke(*args)
        assert result.code == 130
        assert result.err == "skillgap: interrupted\n" and result.out == ""
        assert gc.isenabled(), "the collector paused for parsing is back on"


def _sigint_when_blocked(tmp_path: Path, payload: bytes, wait: float) -> subprocess.CompletedProcess[str]:
    """Run `python -m skillgap validate FIFO`; once it reads the FIFO, send PAYLOAD, close, WAIT, SIGINT."""
    fifo = tmp_path / "catalog.yaml"
    os.mkfifo(fifo)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1", "SKILLGAP_NO_CACHE": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "skillgap", "validate", str(fifo)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env,
    )
    timer = threading.Timer(60, proc.kill)
    timer.start()
    try:
        with fifo.open("wb") as writer:  # returns once the process has opened the FIFO: it is inside run()
            writer.write(payload)
        threading.Event().wait(wait)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    finally:
        timer.cancel()
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_ctrl_c_in_a_real_process_while_parsing(tmp_path: Path) -> None:
    credential = (
        "  - {id: c%d, title: Credential, provider: P, skills: [{name: SQL, level: 3}], hours: 10, cost: 5}\n"
    )
    payload = ("credentials:\n" + "".join(credential % i for i in range(120_000))).encode()
    done = _sigint_when_blocked(tmp_path, payload, wait=0.5)
    assert done.returncode == 130, done.stderr
    assert done.stderr == "skillgap: interrupted\n"
    assert done.stdout == ""


def test_ctrl_c_while_the_command_line_is_still_importing() -> None:
    """Ctrl-C in the first milliseconds, before the error boundary exists: still one line and 130."""
    script = (
        "import builtins\n"
        "real = builtins.__import__\n"
        "def interrupted(name, *args, **kwargs):\n"
        "    if name == 'typer':\n"
        "        raise KeyboardInterrupt\n"
        "    return real(name, *args, **kwargs)\n"
        "builtins.__import__ = interrupted\n"
        "import runpy\n"
        "runpy.run_module('skillgap', run_name='__main__')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, "--help"], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 130, done.stderr
    assert done.stderr == "skillgap: interrupted\n"

"""`skillgap import posting`: a role file to review (YAML with the evidence as comments) or JSON."""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Any

import pytest

from skillgap.load import load_role
from tests.conftest import ROOT, invoke
from tests.pdf_maker import pdf_with_lines

POSTINGS = ROOT / "tests" / "data" / "postings"


def test_yaml_output_is_a_role_file_every_command_reads(tmp_path: Path) -> None:
    ad = tmp_path / "ad.txt"
    ad.write_text(
        "Payroll Officer\n\nEssential:\n- Five (5) years of accounting experience\n- Excel\n\n"
        "Desirable:\n- Video editing (Premiere Pro)\n- CIPP certification\n",
        encoding="utf-8",
    )
    out = tmp_path / "role.yaml"
    result = invoke("import", "posting", ad, "-o", out)
    assert result.code == 0, result.err
    assert result.out == ""
    assert (
        "read 4 requirements and 1 credential from" in result.err and f"wrote the role to {out}" in result.err
    )
    role = load_role(out)
    assert role.title == "Payroll Officer"
    assert role.source == str(ad)
    by_skill = {r.skill: r for r in role.requirements}
    assert by_skill["accounting"].level == 4 and by_skill["accounting"].importance.value == "essential"
    assert by_skill["video editing"].importance.value == "nice-to-have"
    assert by_skill["Adobe Premiere Pro"].importance.value == "nice-to-have"
    assert role.required_credentials == ("CIPP certification",)
    text = out.read_text(encoding="utf-8")
    assert '# line 4: "Five (5) years of accounting experience" (accounting)' in text
    assert '# line 8: "Video editing (Premiere Pro)" (Video editing); estimated: level' in text


def test_a_choice_is_written_as_any_of() -> None:
    result = invoke("import", "posting", POSTINGS / "learning-designer.txt")
    assert result.code == 0, result.err
    assert (
        "  - any_of: [Articulate Storyline, Adobe Captivate]\n    level: 3\n    importance: important\n"
        in result.out
    )


def test_json_output_has_requirements_evidence_credentials_and_unrecognised() -> None:
    result = invoke("import", "posting", POSTINGS / "data-analyst.md", "--format", "json")
    assert result.code == 0, result.err
    doc = result.json()
    assert doc["title"] == "Senior Data Analyst" and doc["source"].endswith("data-analyst.md")
    sql = next(r for r in doc["requirements"] if r.get("skill") == "SQL")
    assert sql["level"] == 4 and sql["importance"] == "essential" and sql["estimated"] == []
    assert sql["evidence"] == {
        "text": "4+ years of experience with SQL, including window functions",
        "line": 19,
        "phrase": "SQL",
    }
    choice = next(r for r in doc["requirements"] if "any_of" in r)
    assert set(choice) == {"any_of", "level", "importance", "evidence", "estimated", "lines"}
    assert doc["credentials"] == [
        {
            "text": "Bachelor's degree in Statistics, Economics or Computer Science",
            "importance": "essential",
            "line": 24,
        }
    ]
    assert {"text": "Prefect", "line": 30} in doc["unrecognised"]


def test_a_choice_an_outright_ask_settles_is_reported_not_required(tmp_path: Path) -> None:
    ad = tmp_path / "ad.txt"
    ad.write_text(
        "Requirements\n- Working knowledge of Adobe Captivate\n"
        "- Experience with authoring tools (e.g. Adobe Captivate, Vyond, Elucidat)\n",
        encoding="utf-8",
    )
    doc = invoke("import", "posting", ad, "--format", "json").json()
    assert [r.get("skill") for r in doc["requirements"]] == ["Adobe Captivate"]
    assert [(s["any_of"], s["settled_by"], s["evidence"]["line"]) for s in doc["settled"]] == [
        (["Adobe Captivate", "Vyond", "Elucidat"], "Adobe Captivate", 3)
    ]
    role = invoke("import", "posting", ad).out
    assert "#   line 3: any of Adobe Captivate, Vyond, Elucidat (settled by Adobe Captivate)" in role
    assert "Vyond" not in role.split("# Also named")[0]  # not a requirement of the role


def test_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"Requirements\n- Must know SQL\n"), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    result = invoke("import", "posting", "-", "-f", "json")
    assert result.code == 0, result.err
    assert [r["skill"] for r in result.json()["requirements"]] == ["SQL"]
    assert result.json()["source"] == "standard input"


def test_an_existing_output_is_replaced_only_with_force(tmp_path: Path) -> None:
    out = tmp_path / "role.yaml"
    out.write_text("keep me\n", encoding="utf-8")
    refused = invoke("import", "posting", POSTINGS / "learning-designer.txt", "-o", out)
    assert refused.code == 2 and "already exists" in refused.err
    assert out.read_text(encoding="utf-8") == "keep me\n"
    forced = invoke("import", "posting", POSTINGS / "learning-designer.txt", "-o", out, "--force")
    assert forced.code == 0 and "any_of" in out.read_text(encoding="utf-8")


def test_bad_input_is_a_located_error_without_traceback(tmp_path: Path) -> None:
    missing = invoke("import", "posting", tmp_path / "nope.txt")
    assert missing.code == 2 and "nope.txt: no such file" in missing.err and "Traceback" not in missing.err
    table = invoke("import", "posting", POSTINGS / "learning-designer.txt", "--format", "table")
    assert table.code == 2 and "'table' is not one of 'yaml', 'json'" in table.err


def test_pdf_without_the_extra_exits_2_with_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import builtins

    real_import = builtins.__import__

    def no_pypdf(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.split(".")[0] == "pypdf":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    ad = tmp_path / "ad.pdf"
    ad.write_bytes(pdf_with_lines(["Requirements:", "- SQL"]))
    monkeypatch.setattr(builtins, "__import__", no_pypdf)
    result = invoke("import", "posting", ad)
    assert result.code == 2
    assert (
        "ad.pdf: is a PDF (reading PDF needs the optional pypdf package: pip install 'skillgap[pdf]')"
        in result.err
    )


def test_a_pdf_posting_is_read_when_pypdf_is_installed(tmp_path: Path) -> None:
    pytest.importorskip("pypdf")
    ad = tmp_path / "ad.pdf"
    ad.write_bytes(pdf_with_lines(["Data Analyst", "Requirements:", "- 3+ years of SQL", "- Python or R"]))
    result = invoke("import", "posting", ad, "-f", "json")
    assert result.code == 0, result.err
    doc = result.json()
    assert doc["title"] == "Data Analyst"
    assert [r.get("skill") or r["any_of"] for r in doc["requirements"]] == ["SQL", ["Python", "R"]]


def test_hostile_text_stays_data_in_both_formats(tmp_path: Path) -> None:
    ad = tmp_path / "ad.txt"
    ad.write_text(
        'Title: "quoted" [bold]x[/bold] \x1b]0;owned\x07\nRequirements:\n'
        "- Must know SQL # not a comment \u202e\n- true\n",
        encoding="utf-8",
    )
    out = tmp_path / "role.yaml"
    result = invoke("import", "posting", ad, "-o", out)
    assert result.code == 0, result.err
    text = out.read_text(encoding="utf-8")
    assert "\x1b" not in text and "\u202e" not in text and "\x07" not in text
    role = load_role(out)  # the YAML reads back: every value quoted where it has to be
    assert role.title == 'Title: "quoted" [bold]x[/bold] ]0;owned'
    assert [r.skill for r in role.requirements] == ["SQL"]
    doc = invoke("import", "posting", ad, "-f", "json").json()
    assert doc["requirements"][0]["evidence"]["text"] == "Must know SQL # not a comment"

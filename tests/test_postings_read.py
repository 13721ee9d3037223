"""Reading a posting: the format told from the name or the content, markup gone, each line where it was."""

from __future__ import annotations

import builtins
from pathlib import Path
from typing import Any

import pytest

from skillgap.errors import InputError
from skillgap.postings import load_posting, read_posting
from skillgap.postings.types import LineKind
from tests.conftest import ROOT
from tests.pdf_maker import pdf_with_lines

POSTINGS = ROOT / "tests" / "data" / "postings"


def texts(posting: Any) -> list[str]:
    return [line.text for line in posting.lines]


def test_markdown_front_matter_gives_the_title_and_is_not_read_as_the_posting() -> None:
    posting = load_posting(POSTINGS / "data-analyst.md")
    assert posting.format == "markdown"
    assert posting.title == "Senior Data Analyst"
    assert not any("team: Insights" in t for t in texts(posting))


def test_markdown_links_emphasis_and_bullets_are_plain_text_with_their_kind_and_line() -> None:
    posting = load_posting(POSTINGS / "data-analyst.md")
    by_line = {line.number: line for line in posting.lines}
    intro = by_line[8]
    assert intro.text == "Northwind Outfitters is hiring a Senior Data Analyst to join our Insights team."
    assert by_line[10].kind is LineKind.HEADING and by_line[10].depth == 2
    assert by_line[12].kind is LineKind.ITEM
    assert by_line[12].text.startswith("Build dashboards")
    assert by_line[19].text == "4+ years of experience with SQL, including window functions"


def test_html_drops_scripts_styles_navigation_header_footer_and_cookie_banners() -> None:
    posting = load_posting(POSTINGS / "cloud-administrator.html")
    assert posting.format == "html"
    body = " ".join(texts(posting))
    for dropped in (
        "trackPageView",
        "color: #333",
        "Linux courses",
        "cookies",
        "Jobs in Python",
        "Contoso Careers",
    ):
        assert dropped not in body
    assert "Expert knowledge of Linux & Windows Server administration" in texts(posting)  # entities decoded


def test_html_headings_list_items_bold_blocks_and_source_lines() -> None:
    posting = load_posting(POSTINGS / "cloud-administrator.html")
    assert posting.title == "Cloud Administrator"  # the <h1>, before the <title>
    lines = {line.text: line for line in posting.lines}
    assert lines["Key responsibilities:"].kind is LineKind.HEADING  # a <p> of bold text alone
    assert lines["What you bring"].kind is LineKind.HEADING and lines["What you bring"].depth == 2
    item = lines["Troubleshoot network and DNS faults"]
    assert item.kind is LineKind.ITEM
    source = (POSTINGS / "cloud-administrator.html").read_text(encoding="utf-8").splitlines()
    assert "Troubleshoot network and DNS faults" in source[item.number - 1]


def test_html_list_items_whose_end_tags_are_left_out_are_still_items_and_end_with_their_list() -> None:
    html = b"<html><body><ul><li>Python<li>SQL</ul><p>Apply by Friday</p></body></html>"
    posting = read_posting(html, "page.html", "html")
    assert [(line.text, line.kind) for line in posting.lines] == [
        ("Python", LineKind.ITEM),
        ("SQL", LineKind.ITEM),
        ("Apply by Friday", LineKind.TEXT),
    ]


def test_a_page_saved_as_text_is_read_as_html() -> None:
    posting = read_posting(b"<p>Intro</p><ul><li>Must know <strong>SQL</strong></li></ul>", "ad.txt", "text")
    assert posting.format == "html"
    assert texts(posting) == ["Intro", "Must know SQL"]


def test_plain_text_bullets_and_wrapped_paragraphs() -> None:
    posting = load_posting(POSTINGS / "learning-designer.txt")
    assert posting.format == "text"
    lines = {line.number: line for line in posting.lines}
    assert (
        lines[13].kind is LineKind.ITEM
        and lines[13].text == "Five (5) years of instructional design experience"
    )
    wrapped = lines[9].text  # the paragraph goes on on line 10, in lower case
    assert wrapped.endswith("build them in Articulate Storyline or Adobe Captivate.")
    assert 10 not in lines


def test_control_characters_never_get_through_and_windows_1252_is_read() -> None:
    data = "Requirements\n- Excel \x1b[31mred\x1b[0m\u202e and \u201csmart\u201d quotes\n".encode(
        "cp1252", "replace"
    )
    data = data.replace(b"?", b"")  # the bidi override has no cp1252 byte
    posting = read_posting(data, "ad.txt")
    text = texts(posting)[1]
    assert "\x1b" not in text and "\u201csmart\u201d" in text


def test_crlf_line_ends_keep_line_numbers() -> None:
    posting = read_posting(b"Title\r\n\r\nRequirements:\r\n- SQL\r\n", "ad.txt")
    assert [(line.number, line.text) for line in posting.lines] == [
        (1, "Title"),
        (3, "Requirements:"),
        (4, "SQL"),
    ]


def test_an_empty_posting_is_an_input_error() -> None:
    with pytest.raises(InputError, match="holds no text"):
        read_posting(b"  \n\n<!-- nothing -->\n", "empty.txt")


def test_a_missing_or_huge_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_posting(tmp_path / "nope.txt")
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 5_000_001)
    with pytest.raises(InputError, match="far smaller"):
        load_posting(big)


def test_pdf_text_is_read_through_pypdf() -> None:
    pytest.importorskip("pypdf")
    data = pdf_with_lines(["Data Analyst", "Requirements:", "- 3+ years of SQL", "- Python or R"])
    posting = read_posting(data, "ad.pdf")  # told from its signature, whatever the name
    assert posting.format == "pdf"
    assert [(line.text, line.kind) for line in posting.lines][1:] == [
        ("Requirements:", LineKind.TEXT),
        ("3+ years of SQL", LineKind.ITEM),
        ("Python or R", LineKind.ITEM),
    ]


def test_pdf_without_pypdf_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_pypdf(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "pypdf" or name.startswith("pypdf."):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pypdf)
    with pytest.raises(InputError) as caught:
        read_posting(pdf_with_lines(["Data Analyst"]), "ad.pdf")
    assert "pip install 'skillgap[pdf]'" in str(caught.value)


def test_a_damaged_pdf_is_an_input_error() -> None:
    pytest.importorskip("pypdf")
    with pytest.raises(InputError, match="not a PDF that can be read"):
        read_posting(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\n%%EOF\n", "broken.pdf")

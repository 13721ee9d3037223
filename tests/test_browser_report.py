"""The HTML coaching sheet in a real headless browser: what a person sees, and that nothing is fetched.

Chromium is started with every request routed through a proxy that is a local socket this test listens
on. A control page that does load an image proves the socket hears a page's fetches; the coaching sheet
must cause none. Chromium talks to a few of its own services whatever the page (time, component updates,
accounts) even with background networking disabled, so requests to those hosts, and to any host an
empty page also reaches, are set aside as the browser's own. The browser's console must also show no
blocked load: the page never tries. Skipped only when Chromium is not installed (`.ci/run` installs it).
"""

from __future__ import annotations

import html
import re
import shutil
import socket
import subprocess
import threading
from pathlib import Path

import pytest

from tests.conftest import invoke

DATA = Path(__file__).parent / "data"
CORE = DATA / "core"
CHROMIUM = next(
    (
        p
        for p in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser"))
        if p and Path(p).exists()
    ),
    None,
)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        CHROMIUM is None, reason="chromium is not installed (.ci/run installs Debian's package)"
    ),
]


# Chromium's own services, reached at start-up whatever page it shows.
BROWSER_OWN = frozenset(
    {
        "accounts.google.com",
        "clients1.google.com",
        "clients2.google.com",
        "optimizationguide-pa.googleapis.com",
        "redirector.gvt1.com",
        "safebrowsingohttpgateway.googleapis.com",
        "update.googleapis.com",
    }
)


def host(request: bytes) -> str:
    """The host a proxied request is for: `CONNECT host:443 ...` or `GET http://host/path ...`."""
    target = request.split(b" ", 2)[1].decode("latin-1") if request.count(b" ") >= 2 else ""
    target = target.split("://", 1)[-1]
    return target.split("/", 1)[0].rsplit(":", 1)[0].lower()


class Listener:
    """A TCP socket on localhost that counts the connections made to it."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.requests: list[bytes] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(1)
                try:
                    self.requests.append(conn.recv(1024))
                except OSError:
                    pass

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self.sock.close()


def browse(page: Path, proxy_port: int, profile_dir: Path) -> tuple[str, str]:
    """The DOM of `page` after Chromium has loaded and rendered it, and the browser's log."""
    assert CHROMIUM is not None
    args = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-default-apps",
        "--disable-extensions",
        "--disable-features=NetworkTimeServiceQuerying,OptimizationHints,MediaRouter,Translate",
        "--no-first-run",
        "--no-default-browser-check",
        "--no-pings",
        f"--user-data-dir={profile_dir}",
        f"--proxy-server=http://127.0.0.1:{proxy_port}",
        "--proxy-bypass-list=<-loopback>",
        "--enable-logging=stderr",
        "--v=0",
        "--dump-dom",
        page.as_uri(),
    ]
    proc = subprocess.run(args, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout, proc.stderr


def page_requests(listener: Listener, own: set[str]) -> list[bytes]:
    return [r for r in listener.requests if host(r) not in own]


@pytest.fixture
def listener() -> object:
    server = Listener()
    yield server
    server.close()


def test_the_coaching_sheet_renders_and_fetches_nothing(tmp_path: Path, listener: Listener, write) -> None:  # type: ignore[no-untyped-def]
    person = write(
        "dana.yaml", "name: Dana <Okafor>\nskills: {SQL: 1, Excel: 4}\npreferences: {hours_per_week: 3}\n"
    )
    catalog = write(
        "catalog.yaml",
        "credentials:\n"
        "  - {id: sql, title: SQL Pro, provider: Acme, url: 'http://example.com/sql',\n"
        "     skills: [{name: SQL, level: 4}], cost: 100, hours: 10}\n"
        "  - {id: viz, title: Viz, provider: Acme, url: 'https://example.com/viz',\n"
        "     skills: [{name: data visualization, level: 3}], cost: 50, hours: 5}\n",
    )
    sheet = tmp_path / "sheet.html"
    world = ("--target", CORE / "role.yaml", "--catalog", catalog, "--taxonomy", CORE / "skills.yaml")
    result = invoke("report", person, *world, "--format", "html", "-o", sheet)
    assert result.code == 0, result.err

    blank = tmp_path / "blank.html"
    blank.write_text("<!DOCTYPE html><title>blank</title>", encoding="utf-8")
    browse(blank, listener.port, tmp_path / "chromium-blank")
    own = set(BROWSER_OWN) | {host(r) for r in listener.requests}

    control = tmp_path / "control.html"
    control.write_text(
        '<!DOCTYPE html><p>control</p><img src="http://example.com/pixel.png">', encoding="utf-8"
    )
    listener.requests = []
    browse(control, listener.port, tmp_path / "chromium-control")
    assert [host(r) for r in page_requests(listener, own)] == ["example.com"], "the socket hears page fetches"

    listener.requests = []
    dom, log = browse(sheet, listener.port, tmp_path / "chromium")
    assert page_requests(listener, own) == [], "the coaching sheet fetched something"
    assert "Content Security Policy" not in log and "Failed to load resource" not in log  # nor tried to

    text = html.unescape(re.sub(r"<[^>]+>", " ", dom))
    assert "Coaching sheet: Dana <Okafor>" in " ".join(text.split())  # the name, shown as written
    assert "<Okafor>" not in dom  # ... and never as markup
    assert re.search(r"<svg[^>]*class=\"chart\"", dom)
    chart = dom[dom.index("<svg") : dom.index("</svg>")]
    assert ">SQL</text>" in chart and ">data visualization</text>" in chart  # the gaps, in the chart
    assert ">1 / 4</text>" in chart
    widths = [float(w) for w in re.findall(r'<rect [^>]*width="([\d.]+)"', chart)]
    assert widths and all(w > 0 for w in widths)
    assert 'href="http://example.com/sql"' in dom  # links stay links, not fetched

"""Time whole skillgap commands on synthetic data and compare them with the project's targets.

    python benchmarks/run.py --sizes full            # the figures in README "## Performance"
    python benchmarks/run.py --sizes small --repeat 3

Each command runs as its own process (``python -m skillgap ...``, or ``--command``) with stdout and stderr
sent to files; wall time is measured around the process, CPU time and peak memory come from
``os.wait4``'s resource usage of that process alone. Every process gets a fresh ``SKILLGAP_CACHE_DIR``:
*cold* runs empty it first (the operating system's file cache stays warm), *warm* runs follow one untimed
priming run. Figures are medians with min-max over ``--repeat`` runs (``--heavy-repeat`` for the slow
rows); ratios are of medians measured in this one run. The matching row times in-process, in a child
process of its own, and needs numpy (``pip install numpy``) for rapidfuzz's ``cdist``; without numpy its
cdist rows are skipped and say so.

Prints a table with each figure, its target and PASS/MISS (``n/a`` when the run's sizes differ from
the target's), and writes the same as JSON to ``benchmarks/out/`` (``latest.json`` and a dated copy).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
DATA = OUT / "data"
EXAMPLE = ROOT / "examples" / "profiles" / "trainer-to-elearning.yaml"
EXAMPLE_ROLE = "instructional-designer"
COHORT_ROLE = "instructional-designer"
GB = 1024**3

SIZES: dict[str, dict[str, Any]] = {
    "full": {"credentials": [10_000, 100_000], "profiles": 1000, "vocabulary": 200_000},
    "small": {"credentials": [1_000, 10_000], "profiles": 100, "vocabulary": 20_000},
}
TARGET_CREDENTIALS = 100_000
TARGET_PROFILES = 1000
TARGET_VOCABULARY = 200_000


# --- measuring one process ---------------------------------------------------------------------


@dataclass
class Sample:
    wall: float
    cpu: float
    rss: int  # peak resident set size, bytes
    code: int


@dataclass
class Row:
    key: str  # stable, for tools reading the JSON: "startup.help", "analyze.100000.warm", ...
    name: str
    samples: list[float] = field(default_factory=list)  # seconds (or the ratio, for ratio rows)
    cpu: list[float] = field(default_factory=list)
    rss: list[int] = field(default_factory=list)
    unit: str = "s"  # "s", "x" (a ratio) or "B" (bytes)
    target: str = ""
    status: str = ""  # PASS, MISS, n/a, SKIP, ERROR, or "" when there is no target
    note: str = ""

    @property
    def median(self) -> float | None:
        return statistics.median(self.samples) if self.samples else None


class Runner:
    def __init__(
        self, command: Sequence[str], cache: Path, log: Callable[[str], None], this_tree: bool = True
    ) -> None:
        """THIS_TREE puts this repository first on PYTHONPATH (for the default `python -m skillgap`); an
        installed command given with --command runs its own installed code."""
        self.command = list(command)
        self.cache = cache
        self.log = log
        self.env = dict(os.environ)
        self.env.pop("SKILLGAP_NO_CACHE", None)
        self.env.update(SKILLGAP_CACHE_DIR=str(cache), NO_COLOR="1", COLUMNS="120")
        if this_tree:
            paths = (str(ROOT), os.environ.get("PYTHONPATH", ""))
            self.env["PYTHONPATH"] = os.pathsep.join(p for p in paths if p)
        self.scratch = Path(tempfile.mkdtemp(prefix="skillgap-bench-out-"))

    def clear_cache(self) -> None:
        shutil.rmtree(self.cache, ignore_errors=True)

    def once(self, argv: Sequence[str], cold: bool = False) -> tuple[Sample, str, str]:
        """Run one process; its wall time, CPU time (user + system), peak RSS, exit status and output."""
        if cold:
            self.clear_cache()
        out_path, err_path = self.scratch / "stdout", self.scratch / "stderr"
        with open(out_path, "wb") as out, open(err_path, "wb") as err:
            start = time.perf_counter()
            proc = subprocess.Popen(
                list(argv), stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=self.env, cwd=ROOT
            )
            _, status, usage = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - start
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        rss = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
        sample = Sample(wall, usage.ru_utime + usage.ru_stime, rss, code)
        return sample, out_path.read_text(errors="replace"), err_path.read_text(errors="replace")

    def skillgap(self, *args: str | Path) -> list[str]:
        return [*self.command, *(str(a) for a in args)]

    def measure(
        self, key: str, name: str, argv: Sequence[str], repeat: int, cold: bool = False, prime: bool = True
    ) -> Row:
        """`repeat` timed runs of one command; a priming run first unless cold (or prime is False)."""
        row = Row(key, name)
        self.log(f"  {name} ...")
        if prime and not cold:
            sample, _, err = self.once(argv)
            if sample.code != 0:
                return _failed(row, sample, err)
        for _ in range(repeat):
            sample, _, err = self.once(argv, cold=cold)
            if sample.code != 0:
                return _failed(row, sample, err)
            row.samples.append(sample.wall)
            row.cpu.append(sample.cpu)
            row.rss.append(sample.rss)
        return row

    def interleaved(self, named: Sequence[tuple[str, str, Sequence[str]]], repeat: int) -> list[Row]:
        """Commands run in turn, so a slow spell of the machine hits each of them alike."""
        rows = [Row(key, name) for key, name, _ in named]
        self.log("  " + ", ".join(name for _, name, _ in named) + " ...")
        for _, _, argv in named:
            self.once(argv)  # warm the file cache and bytecode
        for _ in range(repeat):
            for row, (_, _, argv) in zip(rows, named, strict=True):
                sample, _, err = self.once(argv)
                if sample.code != 0:
                    _failed(row, sample, err)
                    continue
                row.samples.append(sample.wall)
                row.cpu.append(sample.cpu)
                row.rss.append(sample.rss)
        return rows


def _failed(row: Row, sample: Sample, err: str) -> Row:
    row.status = "ERROR"
    tail = " | ".join(line for line in err.strip().splitlines()[-3:])
    row.note = f"exit {sample.code}: {tail}"[:300]
    row.samples.clear()
    return row


def ensure(data: Path, credentials: int = 0, profiles: int = 0, vocabulary: int = 0) -> Path:
    """Generate (or reuse) data in a separate process, so this process stays small: a child's peak RSS
    as the kernel reports it is at least this process's size when it started the child."""
    argv = [
        sys.executable,
        str(HERE / "generate.py"),
        "--out",
        str(data),
        "--role",
        COHORT_ROLE,
        "--profiles",
        str(profiles),
        "--vocabulary",
        str(vocabulary),
        "--credentials",
    ]
    argv += [str(credentials)] if credentials else []
    subprocess.run(argv, check=True, stdin=subprocess.DEVNULL)
    if credentials:
        return data / f"catalog-{credentials}"
    return data / (f"cohort-{profiles}" if profiles else f"vocabulary-{vocabulary}")


# --- targets ----------------------------------------------------------------------------------------


def judge(row: Row, target: str, ok: Callable[[float], bool], applies: bool = True) -> Row:
    row.target = target
    if row.status in ("ERROR", "SKIP"):
        return row
    value = row.median
    if value is None:
        row.status = "ERROR"
    elif not applies:
        row.status = "n/a"
    else:
        row.status = "PASS" if ok(value) else "MISS"
    return row


def ratio(key: str, name: str, top: Row, bottom: Row, note: str = "") -> Row:
    row = Row(key, name, unit="x", note=note)
    if top.median is None or bottom.median is None or bottom.median == 0:
        row.status = "ERROR" if top.status != "SKIP" and bottom.status != "SKIP" else "SKIP"
        row.note = row.note or "a figure it needs is missing"
        return row
    row.samples = [top.median / bottom.median]
    return row


# --- the matching benchmark, in a process of its own -------------------------------------------------


def matching_child(folder: Path, repeat: int, heavy: int) -> dict[str, Any]:
    """In-process timings: Matcher.build, resolve_many on a fresh matcher, and rapidfuzz cdist."""
    import gc

    sys.path.insert(0, str(ROOT))
    from skillgap import parts
    from skillgap.load.taxonomy import load_taxonomies
    from skillgap.match import Matcher

    names = (folder / "vocabulary.txt").read_text(encoding="utf-8").splitlines()
    queries = (folder / "queries.txt").read_text(encoding="utf-8").splitlines()
    taxonomy = load_taxonomies([folder / "taxonomy.yaml"])
    import rapidfuzz.fuzz  # noqa: F401  (the matcher imports it lazily; not part of what is timed)
    import rapidfuzz.process  # noqa: F401

    result: dict[str, Any] = {"names": len(names), "queries": len(queries)}
    start = time.perf_counter()
    matcher = Matcher.build(taxonomy, names)
    result["build"] = [time.perf_counter() - start]
    blob = parts.encode(matcher.to_data()).join()  # as the cache keeps it
    del matcher
    resolve: list[float] = []
    resolved: dict[str, Any] = {}
    collected: list[float] = []
    for run in range(repeat + 1):
        fresh = Matcher.from_data(parts.decode(blob), taxonomy)  # as a warm run reads it back
        gc.collect()
        # as a skillgap process runs (the collector off, see cli/main.run); the last run with it on,
        # which also pays the collections that unpacking a cached index of 200,000 names triggers
        off = run < repeat
        if off:
            gc.disable()
        start = time.perf_counter()
        resolved = fresh.resolve_many(queries)
        (resolve if off else collected).append(time.perf_counter() - start)
        gc.enable()
        del fresh
    result["resolve"] = resolve
    result["resolve_collected"] = collected
    vias: dict[str, int] = {}
    for r in resolved.values():
        vias[r.via] = vias.get(r.via, 0) + 1
    result["vias"] = vias
    try:
        import numpy  # noqa: F401
    except ImportError:
        result["cdist_error"] = "numpy is not installed (pip install numpy)"
        return result
    from rapidfuzz import fuzz, process

    for key, scorer, runs in (("cdist_ratio", fuzz.ratio, repeat), ("cdist_wratio", fuzz.WRatio, heavy)):
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            process.cdist(queries, names, scorer=scorer)
            times.append(time.perf_counter() - start)
        result[key] = times
    return result


def yaml_child(path: Path, repeat: int) -> dict[str, Any]:
    """PyYAML's C loader alone on the catalog text (read first, not timed), garbage collector as is."""
    import yaml

    text = path.read_text(encoding="utf-8")
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        yaml.load(text, Loader=yaml.CSafeLoader)
        times.append(time.perf_counter() - start)
    return {"load": times}


def child_rows(runner: Runner, argv: Sequence[str]) -> tuple[dict[str, Any] | None, Sample, str]:
    sample, out, err = runner.once(argv)
    if sample.code != 0:
        return None, sample, err
    return json.loads(out.strip().splitlines()[-1]), sample, err


# --- the suite --------------------------------------------------------------------------------------


@dataclass
class Plan:
    credentials: list[int]
    profiles: int
    vocabulary: int
    repeat: int
    heavy: int
    data: Path
    only: set[str]


def suite(runner: Runner, plan: Plan) -> list[Row]:
    rows: list[Row] = []
    log = runner.log

    def wants(part: str) -> bool:
        return not plan.only or part in plan.only

    if wants("startup"):
        log("start-up")
        pass_row, typer_row, help_row = runner.interleaved(
            [
                ("startup.python", 'python -c "pass"', [sys.executable, "-c", "pass"]),
                ("startup.typer", 'python -c "import typer"', [sys.executable, "-c", "import typer"]),
                ("startup.help", "skillgap --help", runner.skillgap("--help")),
            ],
            plan.repeat,
        )
        rows += [pass_row, typer_row, help_row]
        help_ratio = ratio("startup.ratio", "--help / import typer", help_row, typer_row)
        rows.append(judge(help_ratio, "<= 2.5x", lambda v: v <= 2.5))

    if wants("bundled"):
        log("analyze on the bundled example")
        argv = runner.skillgap("analyze", EXAMPLE.relative_to(ROOT), "--target", EXAMPLE_ROLE)
        warm = runner.measure("bundled.warm", "analyze bundled example, warm", argv, plan.repeat)
        cold = runner.measure("bundled.cold", "analyze bundled example, cold", argv, plan.repeat, cold=True)
        rows.append(judge(warm, "< 0.4 s", lambda v: v < 0.4))
        rows.append(judge(cold, "< 0.4 s", lambda v: v < 0.4))

    if wants("matching"):
        rows += matching_rows(runner, plan)

    for n in plan.credentials:
        if wants("catalog"):
            rows += catalog_rows(runner, plan, n)

    if wants("plan"):
        rows.append(plan_row(runner, plan))

    if wants("cohort"):
        log(f"cohort of {plan.profiles:,} profiles")
        folder = ensure(plan.data, profiles=plan.profiles)
        argv = runner.skillgap("cohort", folder / "profiles", "--target", COHORT_ROLE)
        name = f"cohort {plan.profiles:,} profiles, bundled catalog, cold"
        row = runner.measure("cohort", name, argv, plan.repeat, cold=True)
        rows.append(judge(row, "< 10 s", lambda v: v < 10, plan.profiles == TARGET_PROFILES))
    return rows


def matching_rows(runner: Runner, plan: Plan) -> list[Row]:
    v = plan.vocabulary
    runner.log(f"matching: 50 queries against {v:,} names")
    folder = ensure(plan.data, vocabulary=v)
    argv = [
        sys.executable,
        str(Path(__file__)),
        "--matching-child",
        str(folder),
        "--repeat",
        str(plan.repeat),
        "--heavy-repeat",
        str(plan.heavy),
    ]
    data, sample, err = child_rows(runner, argv)
    names = {
        "build": f"Matcher.build, {v:,} names",
        "resolve": f"resolve_many, 50 vs {v:,} (fresh matcher)",
        "resolve_collected": "the same with the garbage collector on",
        "cdist_ratio": f"cdist ratio, 50 x {v:,}",
        "cdist_wratio": f"cdist WRatio, 50 x {v:,}",
    }
    rows = {key: Row(f"matching.{key}", name) for key, name in names.items()}
    if data is None:
        for row in rows.values():
            _failed(row, sample, err)
    else:
        for key, row in rows.items():
            if key in data:
                row.samples = data[key]
            else:
                row.status, row.note = "SKIP", data.get("cdist_error", "not measured")
        rows["resolve"].note = "resolved via: " + ", ".join(
            f"{k} {n}" for k, n in sorted(data["vias"].items())
        )
        rows["build"].rss = [sample.rss]
        rows["build"].note = f"the child process peaked at {sample.rss / GB:.2f} GB"
    applies = v == TARGET_VOCABULARY
    out = list(rows.values())
    ours = ratio("matching.ratio", "resolve_many / cdist ratio", rows["resolve"], rows["cdist_ratio"])
    premise = ratio(
        "matching.premise", "cdist WRatio / cdist ratio", rows["cdist_wratio"], rows["cdist_ratio"]
    )
    out.append(judge(ours, "<= 3x", lambda x: x <= 3, applies))
    out.append(judge(premise, ">= 40x", lambda x: x >= 40, applies))
    return out


def catalog_rows(runner: Runner, plan: Plan, n: int) -> list[Row]:
    runner.log(f"catalog of {n:,} credentials")
    folder = ensure(plan.data, credentials=n)
    yaml_path, json_path = folder / "catalog.yaml", folder / "catalog.json"
    mb = yaml_path.stat().st_size / 1e6
    big = n == TARGET_CREDENTIALS
    heavy = plan.heavy if n >= 50_000 else plan.repeat  # every row at 100k is slow
    tax = ("--taxonomy", folder / "taxonomy.yaml")
    profile, role = folder / "profile.yaml", folder / "role.yaml"
    queries = (folder / "queries.txt").read_text(encoding="utf-8").splitlines()
    label = f"{n // 1000}k" if n % 1000 == 0 else f"{n:,}"

    def analyze(cat: Path) -> list[str]:
        return runner.skillgap("analyze", profile, "--target", role, "--catalog", cat, *tax)

    def match(cat: Path) -> list[str]:
        return runner.skillgap("match", *queries, "--catalog", cat, *tax)

    rows: list[Row] = []
    k = f"catalog.{n}"
    cold_yaml = runner.measure(
        f"{k}.analyze.cold_yaml",
        f"analyze {label}, cold, YAML ({mb:.1f} MB)",
        analyze(yaml_path),
        heavy,
        cold=True,
    )
    cold_json = runner.measure(
        f"{k}.analyze.cold_json", f"analyze {label}, cold, JSON", analyze(json_path), heavy, cold=True
    )
    warm = runner.measure(
        f"{k}.analyze.warm", f"analyze {label}, warm (cached YAML)", analyze(yaml_path), heavy
    )
    rows.append(cold_yaml)
    rows.append(judge(cold_json, "< 8 s" if big else "", lambda v: v < 8, big))
    rows.append(judge(warm, "< 1.5 s" if big else "", lambda v: v < 1.5, big))
    if big or n == max(plan.credentials):
        runner.log(f"  PyYAML CSafeLoader alone on {yaml_path.name} ...")
        argv = [sys.executable, str(Path(__file__)), "--yaml-child", str(yaml_path), "--repeat", str(heavy)]
        data, sample, err = child_rows(runner, argv)
        loader = Row(f"{k}.csafeloader", f"yaml.load CSafeLoader alone, {label} (in-process)")
        if data is None:
            _failed(loader, sample, err)
        else:
            loader.samples, loader.rss = data["load"], [sample.rss]
        rows.append(loader)
        speedup = ratio(
            f"{k}.yaml_speedup", f"CSafeLoader alone / analyze {label} cold YAML", loader, cold_yaml
        )
        rows.append(judge(speedup, ">= 3x", lambda v: v >= 3, big))
    peak = Row(f"{k}.analyze.peak_rss", f"peak memory, analyze {label} (max of runs)", unit="B")
    peaks = [r for row in (cold_yaml, cold_json, warm) for r in row.rss]
    if peaks:
        peak.samples = [float(max(peaks))]
    else:
        peak.status = "ERROR"
    rows.append(judge(peak, "< 1 GB" if big else "", lambda v: v < GB, big))
    rows.append(
        runner.measure(
            f"{k}.match.cold_yaml", f"match 50 names {label}, cold, YAML", match(yaml_path), heavy, cold=True
        )
    )
    rows.append(runner.measure(f"{k}.match.warm", f"match 50 names {label}, warm", match(yaml_path), heavy))
    return rows


def plan_row(runner: Runner, plan: Plan) -> Row:
    runner.log("plan")
    name = "plan, bundled example"
    sample, _, _ = runner.once(runner.skillgap("plan", "--help"))
    if sample.code != 0:
        return Row("plan", name, status="SKIP", note="`skillgap plan` is not available in this tree yet")
    argv = runner.skillgap("plan", EXAMPLE.relative_to(ROOT), "--target", EXAMPLE_ROLE)
    return runner.measure("plan", name, argv, plan.repeat)


# --- output -----------------------------------------------------------------------------------------


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "x":
        return f"{value:.2f}x" if value < 100 else f"{value:.0f}x"
    if unit == "B":
        return f"{value / 1e6:.0f} MB"
    if value < 1:
        return f"{value * 1000:.0f} ms"
    return f"{value:.2f} s"


def table(rows: Sequence[Row]) -> str:
    head = ("figure", "median", "min-max", "cpu", "peak RSS", "n", "target", "status")
    body = []
    for r in rows:
        spread = "-"
        if len(r.samples) > 1:
            spread = f"{fmt(min(r.samples), r.unit)}-{fmt(max(r.samples), r.unit)}"
        cpu = fmt(statistics.median(r.cpu), "s") if r.cpu else "-"
        rss = fmt(float(max(r.rss)), "B") if r.rss else "-"
        body.append(
            (
                r.name,
                fmt(r.median, r.unit),
                spread,
                cpu,
                rss,
                str(len(r.samples) or "-"),
                r.target or "-",
                r.status or "-",
            )
        )
    widths = [max(len(line[i]) for line in (head, *body)) for i in range(len(head))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(head, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip() for line in body]
    notes = [f"- {r.name}: {r.note}" for r in rows if r.note]
    return "\n".join(lines + ([""] + notes if notes else []))


def markdown(rows: Sequence[Row]) -> str:
    lines = [
        "| figure | median | min-max | peak RSS | n | target | status |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        spread = f"{fmt(min(r.samples), r.unit)}-{fmt(max(r.samples), r.unit)}" if len(r.samples) > 1 else ""
        rss = fmt(float(max(r.rss)), "B") if r.rss else ""
        lines.append(
            f"| {r.name} | {fmt(r.median, r.unit)} | {spread} | {rss} | {len(r.samples) or ''} "
            f"| {r.target} | {r.status} |"
        )
    return "\n".join(lines)


def git_state() -> dict[str, Any]:
    """The commit measured, and how skillgap/ differed from it (the working tree is shared and changes)."""
    import hashlib

    def git(*args: str) -> str:
        proc = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)
        return proc.stdout.rstrip("\n")

    changed = [line[3:] for line in git("status", "--porcelain", "--", "skillgap").splitlines()]
    diff = git("diff", "HEAD", "--", "skillgap") + "".join(
        (ROOT / p).read_text(errors="replace") for p in changed if (ROOT / p).is_file() and p.endswith(".py")
    )
    return {
        "commit": git("rev-parse", "HEAD"),
        "skillgap_commit": git("log", "-1", "--format=%H", "--", "skillgap"),
        "uncommitted": changed,
        "uncommitted_sha256": hashlib.sha256(diff.encode()).hexdigest()[:16],
    }


def same_code(a: dict[str, Any], b: dict[str, Any]) -> bool:
    keys = ("skillgap_commit", "uncommitted", "uncommitted_sha256")
    return all(a.get(k) == b.get(k) for k in keys)


def machine() -> dict[str, Any]:
    from importlib import metadata

    versions: dict[str, str | None] = {}
    for package in ("typer", "rich", "PyYAML", "rapidfuzz", "numpy", "yaml-rs"):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = None
    return {
        "date": dt.date.today().isoformat(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "versions": versions,
    }


def _own_rss() -> int:
    """This process's peak RSS (a child's reported peak includes this process's size when it started)."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(usage * (1 if sys.platform == "darwin" else 1024))


def save(rows: Sequence[Row], meta: dict[str, Any], out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    doc = {"machine": meta, "rows": [asdict(r) | {"median": r.median} for r in rows]}
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    path = out / f"results-{stamp}.json"
    text = json.dumps(doc, indent=1) + "\n"
    path.write_text(text, encoding="utf-8")
    (out / "latest.json").write_text(text, encoding="utf-8")
    return path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", choices=sorted(SIZES), default="full")
    parser.add_argument("--credentials", type=int, nargs="+", help="catalog sizes (overrides --sizes)")
    parser.add_argument("--profiles", type=int, help="cohort size (overrides --sizes)")
    parser.add_argument("--vocabulary", type=int, help="names for the matching row (overrides --sizes)")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per row (default 5)")
    parser.add_argument(
        "--heavy-repeat",
        type=int,
        default=3,
        help="timed runs of the slow rows: 100k cold, CSafeLoader, WRatio (default 3)",
    )
    parser.add_argument(
        "--only",
        nargs="+",
        default=[],
        choices=["startup", "bundled", "matching", "catalog", "plan", "cohort"],
    )
    parser.add_argument(
        "--command",
        default=None,
        help="how to start skillgap, which then runs its own installed code "
        "(default: this python -m skillgap, from this tree)",
    )
    parser.add_argument("--data", type=Path, default=DATA, help="where generated data lives")
    parser.add_argument("--out", type=Path, default=OUT, help="where results JSON is written")
    parser.add_argument("--markdown", action="store_true", help="also print the table as Markdown")
    parser.add_argument("--matching-child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--yaml-child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.matching_child:
        print(json.dumps(matching_child(args.matching_child, args.repeat, args.heavy_repeat)))
        return 0
    if args.yaml_child:
        print(json.dumps(yaml_child(args.yaml_child, args.repeat)))
        return 0

    size = SIZES[args.sizes]
    plan = Plan(
        credentials=args.credentials or size["credentials"],
        profiles=args.profiles if args.profiles is not None else size["profiles"],
        vocabulary=args.vocabulary or size["vocabulary"],
        repeat=max(1, args.repeat),
        heavy=max(1, min(args.heavy_repeat, args.repeat)),
        data=args.data,
        only=set(args.only),
    )
    command = shlex.split(args.command) if args.command else [sys.executable, "-m", "skillgap"]

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    started = time.perf_counter()
    load_before = os.getloadavg()[0]
    git_before = git_state()
    cache = Path(tempfile.mkdtemp(prefix="skillgap-bench-cache-"))
    runner = Runner(command, cache, log, this_tree=not args.command)
    try:
        rows = suite(runner, plan)
    finally:
        shutil.rmtree(cache, ignore_errors=True)
        with contextlib.suppress(OSError):
            shutil.rmtree(runner.scratch)
    meta = machine() | {
        "command": " ".join(sys.argv) if argv is None else " ".join(["benchmarks/run.py", *argv]),
        "plan": {k: v for k, v in asdict(plan).items() if k not in ("data", "only")},
        "seconds": round(time.perf_counter() - started, 1),
        "runner_peak_rss": _own_rss(),
        "load": [load_before, os.getloadavg()[0]],
        "git": git_state(),
        "git_at_start": git_before,
    }
    print(
        f"skillgap benchmarks, {meta['date']}, Python {meta['python']}, {meta['cpus']} CPUs, "
        f"{meta['platform']}"
    )
    print(table(rows))
    if args.markdown:
        print()
        print(markdown(rows))
    if not same_code(meta["git"], git_before):
        print("\nwarning: the code under skillgap/ changed during the run (commit or uncommitted files);")
        for when, state in (("at start", git_before), ("at end  ", meta["git"])):
            print(f"  {when} {state['skillgap_commit'][:10]} uncommitted {state['uncommitted']}")
    path = save(rows, meta, args.out)
    print(
        f"\nresults: {path} ({meta['seconds']:.0f} s in all; load average {meta['load'][0]:.2f} before, "
        f"{meta['load'][1]:.2f} after)"
    )
    return 1 if any(r.status == "ERROR" for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())

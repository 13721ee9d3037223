"""How well `skillgap import posting` reads job postings: its extractor scored against annotated ones.

Run from the repository root:

    python benchmarks/postings.py [--dir ../shared/eval/postings-dev] [--review FILE] [--json] [--details]

The folder holds `postings/NN-slug.txt` (a block of `# ` header lines ends at the first blank line; the
posting follows) and `gold/NN-slug.yaml` (see that folder's README). The gold was annotated against the
taxonomy of its day (145 skills), so each figure is given twice:

- **old gold**: the gold as written, for the skills it marks `in_taxonomy: true` under their names then;
- **bundled taxonomy**: every gold skill whose name the bundled taxonomy knows (through the matcher's
  exact and alias layers, never a fuzzy guess: "GoAnimate" is Vyond now, "collective bargaining" labor
  relations), under its name there. An extracted skill the gold does not list at all is wrong only if
  it is a `not_skills` phrase or plainly wrong: each such reading was looked at and recorded in the
  review file (`postings-dev-review.yaml` beside this script: `ok` or `wrong`, with the reason); one
  nobody has looked at yet counts as wrong and is listed as `unreviewed` by `--details`. Where the
  bundled taxonomy has a narrower skill for the very words a gold skill was annotated from (the gold's
  networking for "DNS, DHCP", now that the taxonomy has DNS), the review's `found_as` says so, and the
  gold skill counts as found when that skill is; the figures say how many were found so
  (`found_as`), and `--details` lists them.

For each it prints, per posting and in total:

- recall: gold skills the extractor found (alone or as one of a choice's alternatives, a choice an outright
  ask settles included: it is reported as `settled`);
- precision: of the taxonomy skills the extractor found, those the gold lists (or the review accepts);
- importance: of the gold skills found, those given the gold importance (a skill found twice, alone and
  in a choice, counts at its strongest);
- level within one: of the gold skills found that state a level, those within one of it (and how many
  of those the extractor also read from the posting's words rather than defaulting);
- false positives: `not_skills` phrases the extractor took for a skill (its matched words fall inside
  the phrase, on a line that holds it);
- time: extracting each posting, the world (catalog, taxonomy, matcher) already loaded.

Every figure comes from the extractor's own output; nothing here knows any posting's phrases.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from skillgap.levels import Importance  # noqa: E402
from skillgap.match import normalize  # noqa: E402
from skillgap.postings import extract, read_posting  # noqa: E402
from skillgap.postings.types import Ask, Extraction  # noqa: E402

DEFAULT_DIRS = (ROOT.parent / "shared/eval/postings-dev", ROOT.parent.parent / "shared/eval/postings-dev")
REVIEW = Path(__file__).resolve().parent / "postings-dev-review.yaml"


@dataclass
class Score:
    name: str
    gold: int = 0  # taxonomy skills the gold lists
    found: int = 0  # of those, found
    extracted: int = 0  # taxonomy skills extracted
    correct: int = 0  # of those, in the gold
    importance_right: int = 0
    with_level: int = 0  # found gold skills that state a level
    level_within_one: int = 0
    level_stated: int = 0  # of those within one, read from the posting (not the default)
    false_positives: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    unreviewed: list[str] = field(default_factory=list)  # not in the gold, nor judged in the review
    accepted: list[str] = field(default_factory=list)  # not in the gold, judged right in the review
    found_as: list[str] = field(default_factory=list)  # gold skills found as the review's narrower skill
    importance_wrong: list[str] = field(default_factory=list)
    level_wrong: list[str] = field(default_factory=list)
    seconds: float = 0.0
    words: int = 0


def posting_text(path: Path) -> str:
    """The posting without the header block of `# ` lines the eval files start with."""
    lines = path.read_text(encoding="utf-8").split("\n")
    k = 0
    while k < len(lines) and lines[k].startswith("# "):
        k += 1
    while k < len(lines) and not lines[k].strip():
        k += 1
    return "\n".join(lines[k:])


def score(name: str, extraction: Extraction, gold: dict[str, Any], taxonomy_names: set[str]) -> Score:
    """The extraction against the gold as written (its `in_taxonomy` skills, under their names then)."""
    gold_skills = gold.get("skills") or []
    wanted = {g["name"]: g for g in gold_skills if g.get("in_taxonomy")}
    listed = {g["name"] for g in gold_skills}
    return _score(name, extraction, wanted, listed, taxonomy_names, gold.get("not_skills") or [])


def rescore(
    name: str,
    extraction: Extraction,
    gold: dict[str, Any],
    matcher: Any,
    taxonomy_names: set[str],
    review: dict[str, Any] | None = None,
) -> Score:
    """The extraction against the gold read in the bundled taxonomy: each gold skill whose name it knows,
    under its canonical name there (at the strongest importance and highest level the gold gives it); an
    extracted skill the gold does not list is right where REVIEW (this posting's `ok` and `wrong`) says
    so, and wrong where it says so or says nothing."""
    wanted: dict[str, dict[str, Any]] = {}
    for entry in gold.get("skills") or []:
        found = matcher.look_up(entry["name"])
        skill = None if found is None else found.resolution.skill
        if skill not in taxonomy_names:
            continue
        old = wanted.get(skill)
        if old is None or Importance(entry["importance"]).rank < Importance(old["importance"]).rank:
            wanted[skill] = {**entry, "level": _higher(entry.get("level"), old and old.get("level"))}
        else:
            wanted[skill] = {**old, "level": _higher(old.get("level"), entry.get("level"))}
    judged = review or {}
    stand_ins = {gold_skill: entry["as"] for gold_skill, entry in (judged.get("found_as") or {}).items()}
    result = _score(
        name,
        extraction,
        wanted,
        set(wanted) | set(judged.get("ok") or {}) | set(stand_ins.values()),
        taxonomy_names,
        gold.get("not_skills") or [],
        stand_ins,
    )
    rejected = set(judged.get("wrong") or {})
    extracted = _extracted(extraction, taxonomy_names)
    result.accepted = sorted(s for s in (judged.get("ok") or {}) if s in extracted)
    result.unreviewed = sorted(s for s in result.wrong if s not in rejected)
    result.wrong = sorted(s for s in result.wrong if s in rejected)
    return result


def _higher(a: int | None, b: int | None) -> int | None:
    levels = [x for x in (a, b) if x is not None]
    return max(levels) if levels else None


def _read(extraction: Extraction) -> list[Ask]:
    """Everything the extractor read: the requirements, and the choices an outright ask settles (left
    out of the role, reported as `settled`)."""
    return [*extraction.asks, *(s.ask for s in extraction.settled)]


def _extracted(extraction: Extraction, taxonomy_names: set[str]) -> set[str]:
    return {s for ask in _read(extraction) for s in ask.skills if s in taxonomy_names}


def _score(
    name: str,
    extraction: Extraction,
    wanted: dict[str, dict[str, Any]],
    listed: set[str],
    taxonomy_names: set[str],
    not_skills: list[str],
    stand_ins: dict[str, str] | None = None,
) -> Score:
    """Found, right and wrong: WANTED, the gold skills to find (with their importance and level); LISTED,
    the skills an extraction may name without being wrong; STAND_INS, gold skill -> the narrower skill
    that finds it too (the review's `found_as`)."""
    result = Score(name)
    best: dict[str, tuple[Importance, int, bool]] = {}  # skill -> strongest importance, level, stated
    for ask in _read(extraction):
        for skill in ask.skills:
            old = best.get(skill)
            stated = "level" not in ask.estimated
            if old is None or ask.importance.rank < old[0].rank:
                best[skill] = (ask.importance, ask.level if old is None else max(old[1], ask.level), stated)
            else:
                best[skill] = (old[0], max(old[1], ask.level), old[2] or stated)
    extracted = {s for s in best if s in taxonomy_names}
    result.gold, result.extracted = len(wanted), len(extracted)
    for skill, entry in wanted.items():
        found_as = skill
        if skill not in best and (stand_ins or {}).get(skill) in best:
            found_as = (stand_ins or {})[skill]
            result.found_as.append(f"{skill} as {found_as}")
        if found_as not in best:
            result.missed.append(skill)
            continue
        result.found += 1
        importance, level, stated = best[found_as]
        if importance.value == entry["importance"]:
            result.importance_right += 1
        else:
            result.importance_wrong.append(f"{skill}: {importance.value} (gold {entry['importance']})")
        if entry.get("level") is not None:
            result.with_level += 1
            if abs(level - int(entry["level"])) <= 1:
                result.level_within_one += 1
                result.level_stated += stated
            else:
                result.level_wrong.append(f"{skill}: {level} (gold {entry['level']})")
    for skill in sorted(extracted):
        if skill in listed:
            result.correct += 1
        else:
            result.wrong.append(skill)
    result.false_positives = false_positives(extraction, not_skills)
    return result


def false_positives(extraction: Extraction, not_skills: list[str]) -> list[str]:
    """The not_skills phrases some requirement was read from: its matched words are words of the
    phrase, and its evidence holds the phrase."""
    out = []
    for phrase in not_skills:
        words = f" {normalize(phrase)} "
        for ask in _read(extraction):
            evidence = normalize(ask.evidence.text)
            if normalize(phrase) not in evidence:
                continue
            for part in ask.evidence.phrase.split(", "):
                if part and f" {normalize(part)} " in words:
                    out.append(f"{phrase!r} -> {', '.join(ask.skills)}")
                    break
    return out


def ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def totals(scores: list[Score]) -> dict[str, Any]:
    def total(name: str) -> int:
        return sum(getattr(s, name) for s in scores)

    times = [s.seconds for s in scores]
    words = total("words")
    return {
        "postings": len(scores),
        "recall": round(ratio(total("found"), total("gold")), 3),
        "precision": round(ratio(total("correct"), total("extracted")), 3),
        "importance": round(ratio(total("importance_right"), total("found")), 3),
        "level_within_one": round(ratio(total("level_within_one"), total("with_level")), 3),
        "level_stated": f"{total('level_stated')}/{total('level_within_one')}",
        "false_positives_per_posting": round(
            sum(len(s.false_positives) for s in scores) / max(1, len(scores)), 2
        ),
        "found": f"{total('found')}/{total('gold')}",
        "found_as": sum(len(s.found_as) for s in scores),
        "correct": f"{total('correct')}/{total('extracted')}",
        "ms_per_posting_median": round(1000 * statistics.median(times), 1) if times else 0.0,
        "ms_per_1000_words": round(1000 * sum(times) / max(1, words) * 1000, 1),
    }


def read_folder(folder: Path, matcher: Any) -> Iterator[tuple[str, Extraction, dict[str, Any]]]:
    """Each annotated posting of FOLDER, read by the extractor through MATCHER: its name, the
    extraction and its gold."""
    import yaml

    for gold_path in sorted((folder / "gold").glob("*.yaml")):
        text = posting_text(folder / "postings" / f"{gold_path.stem}.txt")
        extraction = extract(read_posting(text.encode("utf-8"), gold_path.stem), matcher)
        yield gold_path.stem, extraction, yaml.safe_load(gold_path.read_text(encoding="utf-8"))


def review_file(folder: Path) -> Path:
    """Where the review of FOLDER's postings is kept: its own review.yaml, else (the shared dev
    postings, whose folder the project cannot write to) the one beside this script."""
    own = folder / "review.yaml"
    return own if own.is_file() else REVIEW


def load_review(path: Path | None) -> dict[str, Any]:
    """The review of readings the gold does not list, by posting (see the module's docstring)."""
    if path is None or not path.is_file():
        return {}
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {name: entry or {} for name, entry in (data.get("postings") or {}).items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--dir", type=Path, help="the annotated postings (default: ../shared/eval/postings-dev)"
    )
    parser.add_argument(
        "--review",
        type=Path,
        help="readings not in the gold, judged (default: the folder's review.yaml, and for the shared"
        " dev postings benchmarks/postings-dev-review.yaml)",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--details", action="store_true", help="list what was missed, wrong or mistimed")
    parser.add_argument("--repeat", type=int, default=5, help="extract each posting this many times (median)")
    args = parser.parse_args(argv)
    folder = args.dir or next((d for d in DEFAULT_DIRS if d.is_dir()), None)
    if folder is None or not (folder / "gold").is_dir():
        print("no annotated postings found (give --dir)", file=sys.stderr)
        return 2
    import yaml

    from skillgap.world import open_world

    world = open_world()
    taxonomy_names = {s.name for s in world.taxonomy.skills}
    review = load_review(args.review or review_file(folder))
    old_scores, scores = [], []
    for gold_path in sorted((folder / "gold").glob("*.yaml")):
        posting_path = folder / "postings" / (gold_path.stem + ".txt")
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        text = posting_text(posting_path)
        runs = []
        extraction = None
        for _ in range(max(1, args.repeat)):
            world.matcher._cache.clear()  # each run resolves afresh, as a new process would
            started = time.perf_counter()
            posting = read_posting(text.encode("utf-8"), posting_path.name)
            extraction = extract(posting, world.matcher)
            runs.append(time.perf_counter() - started)
        assert extraction is not None
        stem = gold_path.stem
        for board, result in (
            (old_scores, score(stem, extraction, gold, taxonomy_names)),
            (scores, rescore(stem, extraction, gold, world.matcher, taxonomy_names, review.get(stem))),
        ):
            result.seconds = statistics.median(runs)
            result.words = len(text.split())
            board.append(result)
    summary, old_summary = totals(scores), totals(old_scores)
    if args.json:
        print(
            json.dumps(
                {
                    "total": summary,
                    "old_gold_total": old_summary,
                    "postings": [s.__dict__ for s in scores],
                    "old_gold_postings": [s.__dict__ for s in old_scores],
                },
                indent=2,
            )
        )
        return 0
    print(f"{folder}: the gold read in the bundled taxonomy (what is not in the gold: as reviewed)")
    print(f"{'posting':45} recall  prec  imp   lvl±1  fp  ms")
    for s in scores:
        print(
            f"{s.name:45} {ratio(s.found, s.gold):5.2f} {ratio(s.correct, s.extracted):5.2f} "
            f"{ratio(s.importance_right, s.found):5.2f} {ratio(s.level_within_one, s.with_level):5.2f} "
            f"{len(s.false_positives):3d} {1000 * s.seconds:5.1f}"
        )
        if args.details:
            for label, items in (
                ("missed", s.missed),
                ("wrong (reviewed)", s.wrong),
                ("unreviewed", s.unreviewed),
                ("right though not in gold (reviewed)", s.accepted),
                ("found as a narrower skill (reviewed)", s.found_as),
                ("importance", s.importance_wrong),
                ("level", s.level_wrong),
                ("false positive", s.false_positives),
            ):
                for entry in items:
                    print(f"    {label}: {entry}")
    print()
    for key, value in summary.items():
        print(f"{key}: {value}")
    if folder.name != "postings-dev":
        return 0  # (the project's own postings were annotated in the bundled taxonomy: no old gold)
    print()
    print("the old gold (its in_taxonomy skills under their names in the 145-skill taxonomy)")
    for key in ("recall", "precision", "importance", "level_within_one", "found", "correct"):
        print(f"{key}: {old_summary[key]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

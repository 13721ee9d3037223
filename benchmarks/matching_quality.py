"""Matching quality and speed: skillgap's matcher against a naive fuzzy baseline.

Run from the repository root:  python benchmarks/matching_quality.py [--no-speed]

For each labelled set (shared/eval/matching-dev.yaml beside the repository,
tests/data/matching-extra.yaml and tests/data/matching-heldout.yaml) prints accuracy, precision
on matches and how many look-alikes were wrongly matched, for skillgap's matcher and for
rapidfuzz's ``process.extractOne`` with ``WRatio`` and ``default_process`` over names and
aliases at cutoffs 70, 80 and 90. Then times resolving 50 names against a synthetic vocabulary
of 200,000 names.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from skillgap.match import Matcher  # noqa: E402
from skillgap.match.quality import Figures, LabelledSet, evaluate, load_set  # noqa: E402
from skillgap.model import Taxonomy, TaxonomySkill  # noqa: E402

SETS = (
    ("dev", ROOT.parent / "shared/eval/matching-dev.yaml"),
    ("extra", ROOT / "tests/data/matching-extra.yaml"),
    ("heldout", ROOT / "tests/data/matching-heldout.yaml"),
)
CUTOFFS = (70, 80, 90)


def baseline(labelled: LabelledSet, cutoff: int) -> Figures:
    from rapidfuzz import fuzz, process, utils

    choices: list[str] = []
    owner: list[str] = []
    for name in labelled.vocabulary:
        for text in (name, *labelled.aliases.get(name, ())):
            choices.append(text)
            owner.append(name)

    def resolve(query: str) -> str | None:
        found = process.extractOne(
            query, choices, scorer=fuzz.WRatio, processor=utils.default_process, score_cutoff=cutoff
        )
        return None if found is None else owner[found[2]]

    return evaluate(resolve, labelled.cases)


def ours(labelled: LabelledSet) -> Figures:
    matcher = Matcher.build(labelled.taxonomy())
    return evaluate(lambda q: matcher.resolve(q).skill, labelled.cases)


def row(label: str, f: Figures) -> str:
    return (
        f"  {label:<28} {f.accuracy:>8.1%} {f.precision:>10.1%} {f.look_alikes:>12d}"
        f" {f.total - f.correct - f.look_alikes:>11d}"
    )


def quality() -> None:
    for title, path in SETS:
        if not path.exists():
            print(f"{title}: {path} not found, skipped\n")
            continue
        labelled = load_set(path)
        nulls = sum(1 for _, meant in labelled.cases if meant is None)
        print(f"{title}: {path.name}: {len(labelled.cases)} cases ({nulls} look-alikes/unknowns)")
        header = ("matcher", "accuracy", "precision", "look-alikes", "unresolved")
        print("  {:<28} {:>8} {:>10} {:>12} {:>11}".format(*header))
        mine = ours(labelled)
        print(row("skillgap.match", mine))
        for cutoff in CUTOFFS:
            print(row(f"WRatio extractOne >= {cutoff}", baseline(labelled, cutoff)))
        for miss in mine.misses:
            kind = "LOOK-ALIKE" if miss.look_alike else "unresolved"
            print(
                f"    skillgap.match {kind}: {miss.typed!r} -> {miss.got!r} (meant {miss.meant!r})"
            )
        print()


WORDS = (
    "data analysis design management marketing cloud security network project product quality "
    "risk finance payroll patient care clinical nursing coding python java sql excel tableau "
    "training coaching learning leadership strategy sales brand content social media search "
    "engine optimization research statistics machine deep model modeling budget forecasting "
    "audit tax compliance policy public relations writing editing video audio photo graphic "
    "interaction user experience interface mobile web development testing automation devops "
    "kubernetes docker linux windows server database warehouse supply chain logistics "
    "procurement vendor contract negotiation customer service support operations planning"
).split()


def speed(vocabulary_size: int = 200_000, queries: int = 50) -> None:
    rng = random.Random(7)
    vocabulary = sorted(
        {
            " ".join(rng.sample(WORDS, rng.randint(1, 3))) + f" {rng.choice(('', 'x', 'pro'))}"
            f"{rng.randint(0, 9999)}"
            for _ in range(vocabulary_size)
        }
    )
    names = [rng.choice(vocabulary) for _ in range(queries // 2)]
    names += [" ".join(rng.sample(WORDS, 2)) for _ in range(queries - len(names))]
    names = [n.upper() if i % 3 == 0 else n for i, n in enumerate(names)]
    t0 = time.perf_counter()
    matcher = Matcher.build(Taxonomy((TaxonomySkill("data analysis"),)), vocabulary)
    t1 = time.perf_counter()
    got = matcher.resolve_many(names)
    t2 = time.perf_counter()
    resolved = sum(1 for r in got.values() if r.skill is not None)
    print(
        f"speed: build over {len(vocabulary):,} vocabulary names {t1 - t0:.2f}s; "
        f"resolve {len(names)} names {1000 * (t2 - t1):.0f} ms ({resolved} resolved)"
    )


def main(argv: list[str]) -> None:
    quality()
    if "--no-speed" not in argv:
        speed()


if __name__ == "__main__":
    main(sys.argv[1:])

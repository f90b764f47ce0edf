"""Speed of the period comparison on two large documents.

Builds two documents of about 3,000 responsibilities each (a 100-page programme's
worth) from the statements of the test corpus, each copied into many numbered
variants; the second period rewords, moves, removes and adds a share of them with a
fixed random seed. Prints the time `diff_documents` takes and the change counts.

    python bench/diff.py [--size N]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.diff import diff_documents  # noqa: E402
from pipeline.document import extract_document  # noqa: E402
from pipeline.models import ExtractedDocument, Responsibility, Span  # noqa: E402
from pipeline.responsibilities import responsibility_id  # noqa: E402
from tests.typeset import markup_to_text  # noqa: E402

PLACES = ["Forssan", "Jokioisten", "Tammelan", "Humppilan", "Ypäjän", "Urjalan", "Lopen",
          "Hattulan", "Janakkalan", "Riihimäen"]  # fmt: skip
QUALIFIERS = ["alueellisen", "paikallisen", "seudullisen", "kunnallisen", "valtakunnallisen",
              "kokeellisen", "pysyvän", "tilapäisen", "monialaisen", "kansallisen"]  # fmt: skip


def corpus() -> list[tuple[ExtractedDocument, Responsibility]]:
    docs = [extract_document(str(ROOT / "sources" / "forssan-seutu-2021-2024-liite-6.txt"))]
    for path in sorted((ROOT / "tests" / "data" / "docs").glob("*.md")):
        docs.append(extract_document(f"{path.stem}.txt", markup_to_text(path).encode("utf-8")))
    unique: dict[tuple[str, str, str], tuple[ExtractedDocument, Responsibility]] = {}
    for d in docs:
        for r in d.responsibilities:
            unique.setdefault((",".join(r.actors), r.relation, r.task), (d, r))
    return list(unique.values())


def document(statements: list[tuple[list[str], str, str, str]]) -> ExtractedDocument:
    """A document whose text is the statements' tasks, one per line."""
    base = extract_document("base.txt", b"Kunta vastaa neuvonnasta.")
    text, resps = "", []
    for actors, relation, modality, task in statements:
        start = len(text)
        text += task + "\n"
        rid = responsibility_id(actors, relation, task)
        resps.append(
            Responsibility(
                id=rid,
                actors=actors,
                relation=relation,
                modality=modality,
                task=task,
                negated=False,
                section=None,
                evidence={"start": start, "end": start + len(task), "pages": [1]},
                task_span=Span(start=start, end=start + len(task)),
                actor_source="subject",
            )
        )
    seen: set[str] = set()
    unique = [r for r in resps if not (r.id in seen or seen.add(r.id))]
    empty: dict[str, list] = {"pages": [], "blocks": [], "sections": [], "repairs": []}
    return base.model_copy(update={"text": text, "responsibilities": unique, **empty})


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--size", type=int, default=3000, help="responsibilities per document")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    pool = corpus()
    old_statements = []
    k = 0
    while len(old_statements) < args.size:
        _, r = pool[k % len(pool)]
        variant = k // len(pool)
        task = f"{r.task} {PLACES[variant % 10]} {QUALIFIERS[(variant // 10) % 10]} alueella"
        old_statements.append((r.actors, r.relation, r.modality, task))
        k += 1
    actors = sorted({a for _, r in pool for a in r.actors})
    new_statements = []
    for actors_, relation, modality, task in old_statements:
        roll = rng.random()
        if roll < 0.05:
            continue  # removed
        if roll < 0.15:
            task = task.replace(" alueella", " alueella vuosittain")  # reworded
        elif roll < 0.20:
            actors_ = [rng.choice(actors)]  # moved
        new_statements.append((actors_, relation, modality, task))
    for i in range(args.size // 20):
        new_statements.append(
            (["kunta"], "vastata", "responsible", f"uudesta palvelusta numero {i}")
        )
    old, new = document(old_statements), document(new_statements)
    t = time.perf_counter()
    report = diff_documents(old, new)
    elapsed = time.perf_counter() - t
    print(
        f"diff of {len(old.responsibilities)} and {len(new.responsibilities)} responsibilities: "
        f"{elapsed:.2f} s"
    )
    print("changes:", ", ".join(f"{k} {v}" for k, v in report.summary.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())

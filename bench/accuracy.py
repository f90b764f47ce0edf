"""Accuracy of the extraction against gold annotations, and the seed's extraction time.

With no arguments, scores every gold file in tests/data/gold/: the document of the
same stem is taken from sources/, from tests/data/text/<stem>.txt, or rendered from
tests/data/docs/<stem>.md, and extracted fresh. With OUTPUT.json GOLD.json, scores
that output. Prints precision, recall and F1 (rules: shared/gold/README.md, code:
pipeline/scoring.py), relation agreement, the misses and the false positives.

    python bench/accuracy.py [OUTPUT.json GOLD.json] [--quiet]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.document import extract_document  # noqa: E402
from pipeline.nlp import load_analyzer  # noqa: E402
from pipeline.scoring import Score, score  # noqa: E402
from tests.typeset import markup_to_text  # noqa: E402

GOLD = ROOT / "tests" / "data" / "gold"


def document_for(stem: str) -> dict:
    for suffix in (".txt", ".pdf"):
        path = ROOT / "sources" / f"{stem}{suffix}"
        if path.exists():
            return json.loads(extract_document(str(path)).model_dump_json())
    text = ROOT / "tests" / "data" / "text" / f"{stem}.txt"
    if text.exists():  # a test document as a text extractor left it (like the seed)
        return json.loads(extract_document(str(text)).model_dump_json())
    markup = ROOT / "tests" / "data" / "docs" / f"{stem}.md"
    data = markup_to_text(markup).encode("utf-8")
    return json.loads(extract_document(f"{stem}.txt", data).model_dump_json())


def report(name: str, s: Score, quiet: bool) -> None:
    print(
        f"{name:<42} P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f} "
        f"(tp {s.true_positives}, fp {s.false_positives}, gold {s.gold}; "
        f"relation agreement {s.relation_agreement:.2f})"
    )
    if s.repairs_gold or s.must_not_change:
        print(
            f"{'':<42} repairs {s.repairs_found}/{s.repairs_gold}, "
            f"must-not-change kept {s.kept_words}/{s.must_not_change}"
        )
    if quiet:
        return
    for m in s.misses:
        where = f"s{m.get('s', '?')}"
        print(f"    miss  {where} {m['actor']} {m['rel']} {m['key']!r}: {m.get('text', '')}")
    for p in s.extras:
        print(f"    extra {p.actor} {p.relation}: {p.task}")


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("files", nargs="*", metavar="FILE")
    ap.add_argument("--quiet", action="store_true", help="figures only, no misses")
    args = ap.parse_args()
    if args.files:
        if len(args.files) != 2:
            ap.error("give OUTPUT.json and GOLD.json")
        doc = json.loads(Path(args.files[0]).read_text(encoding="utf-8"))
        gold = json.loads(Path(args.files[1]).read_text(encoding="utf-8"))
        report(Path(args.files[0]).name, score(doc, gold), args.quiet)
        return 0
    load_analyzer("voikko")
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        report(path.stem, score(document_for(path.stem), gold), args.quiet)
    seed = ROOT / "sources" / "forssan-seutu-2021-2024-liite-6.txt"
    t = time.perf_counter()
    extract_document(str(seed))
    print(f"seed extraction after set-up: {time.perf_counter() - t:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

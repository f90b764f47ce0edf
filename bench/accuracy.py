"""Accuracy of the extraction against gold annotations, and its speed.

With no corpus, scores every gold file in tests/data/gold/: the document of the same
stem is taken from sources/, tests/data/layout/<stem>.pdf (tables, columns), from
tests/data/text/ or tests/data/pages/<stem>.txt, or rendered from
tests/data/docs/<stem>.md, and extracted fresh. With `--corpus DIR`, scores a
development corpus of real texts (texts/<stem>.txt below their `---` line, `[...]`
lines dropped, and gold/<stem>.json; `../shared/corpus`). With OUTPUT.json GOLD.json,
scores that output. Prints precision, recall and F1 per document and micro-averaged
(rules: shared/gold/README.md, code: pipeline/scoring.py), relation agreement, and
words per second of extraction after set-up; `--verbose` lists the misses and the
false positives.

    python bench/accuracy.py [--corpus DIR] [--nlp voikko|stanza] [--verbose]
    python bench/accuracy.py OUTPUT.json GOLD.json [--verbose]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.document import extract_document  # noqa: E402
from pipeline.errors import PipelineError  # noqa: E402
from pipeline.nlp import BACKENDS, Analyzer, load_analyzer  # noqa: E402
from pipeline.scoring import Score, micro, read_corpus, score  # noqa: E402
from tests.typeset import markup_to_text  # noqa: E402

GOLD = ROOT / "tests" / "data" / "gold"


def project_document(stem: str) -> tuple[str, bytes | None]:
    """The path (and bytes, for a rendered one) of a project gold document."""
    for suffix in (".txt", ".pdf"):
        path = ROOT / "sources" / f"{stem}{suffix}"
        if path.exists():
            return str(path), None
    layout = ROOT / "tests" / "data" / "layout" / f"{stem}.pdf"  # tables and columns
    if layout.exists():
        return str(layout), None
    for folder in ("text", "pages"):  # as a text extractor left it; as a web page publishes it
        text = ROOT / "tests" / "data" / folder / f"{stem}.txt"
        if text.exists():
            return str(text), None
    markup = ROOT / "tests" / "data" / "docs" / f"{stem}.md"
    return f"{stem}.txt", markup_to_text(markup).encode("utf-8")


def report(name: str, s: Score, verbose: bool) -> None:
    print(
        f"{name:<50} P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f} "
        f"(tp {s.true_positives}, fp {s.false_positives}, gold {s.gold}; "
        f"relation agreement {s.relation_agreement:.2f})"
    )
    if s.repairs_gold or s.must_not_change:
        print(
            f"{'':<50} repairs {s.repairs_found}/{s.repairs_gold}, "
            f"must-not-change kept {s.kept_words}/{s.must_not_change}"
        )
    if not verbose:
        return
    for m in s.misses:
        where = f"s{m.get('s', '?')}"
        print(f"    miss  {where} {m['actor']} {m['rel']} {m['key']!r}: {m.get('text', '')}")
    for p in s.extras:
        print(f"    extra {p.actor} {p.relation}: {p.task}")


def run(
    documents: list[tuple[str, str, bytes | None, dict]], analyzer: Analyzer, verbose: bool
) -> None:
    scores = []
    words = 0
    seconds = 0.0
    for name, path, data, gold in documents:
        t = time.perf_counter()
        doc = extract_document(path, data, analyzer)
        seconds += time.perf_counter() - t
        words += len(regex.findall(r"\w+", doc.text))
        s = score(json.loads(doc.model_dump_json()), gold)
        scores.append(s)
        report(name, s, verbose)
    total = micro(scores)
    print(
        f"{'micro (' + str(len(scores)) + ' documents)':<50} P={total.precision:.3f} "
        f"R={total.recall:.3f} F1={total.f1:.3f} (tp {total.true_positives}, "
        f"fp {total.false_positives}, gold {total.gold})"
    )
    print(
        f"speed: {words} words in {seconds:.2f} s = {words / max(seconds, 1e-9):,.0f} words/s "
        f"(nlp {analyzer.info.name}, one core, after set-up)"
    )


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("files", nargs="*", metavar="FILE")
    ap.add_argument("--corpus", type=Path, help="a corpus folder with texts/ and gold/")
    ap.add_argument("--nlp", choices=BACKENDS, default="voikko")
    ap.add_argument("--verbose", action="store_true", help="list the misses and false positives")
    args = ap.parse_args()
    if args.files:
        if len(args.files) != 2:
            ap.error("give OUTPUT.json and GOLD.json")
        doc = json.loads(Path(args.files[0]).read_text(encoding="utf-8"))
        gold = json.loads(Path(args.files[1]).read_text(encoding="utf-8"))
        report(Path(args.files[0]).name, score(doc, gold), args.verbose)
        return 0
    try:
        analyzer = load_analyzer(args.nlp)
    except PipelineError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if args.corpus is not None:
        if not (args.corpus / "gold").is_dir():
            print(f"error: {args.corpus}: no gold/ folder: is this a corpus?", file=sys.stderr)
            return 2
        texts = read_corpus(args.corpus)
        run([(t.stem, f"{t.stem}.txt", t.body.encode("utf-8"), t.gold) for t in texts],
            analyzer, args.verbose)  # fmt: skip
        return 0
    documents = []
    for path in sorted(GOLD.glob("*.json")):
        source, data = project_document(path.stem)
        documents.append((path.stem, source, data, json.loads(path.read_text(encoding="utf-8"))))
    run(documents, analyzer, args.verbose)
    seed = str(ROOT / "sources" / "forssan-seutu-2021-2024-liite-6.txt")
    times = []
    for _ in range(20):
        t = time.perf_counter()
        extract_document(seed, None, analyzer)
        times.append(time.perf_counter() - t)
    print(f"seed extraction after set-up: {min(times) * 1000:.0f} ms (best of 20)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Speed of the Voikko NLP backend: tokenising, analysing and disambiguating.

Runs the backend over the clean test corpus (the seed and tests/data/docs),
first cold (empty caches: every word form analysed for the first time; only
Voikko's and wordfreq's one-time loading is done before the clock starts), then
over about 100,000 words of it, as a long document repeating its vocabulary
would be. Prints words per second on one core.

    python bench/nlp.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline import morphology  # noqa: E402
from pipeline.nlp import analyze_text, load_analyzer  # noqa: E402
from pipeline.nlp.segment import BlockSpan  # noqa: E402
from tests.typeset import read_markup  # noqa: E402


def corpus() -> tuple[str, list[BlockSpan]]:
    paragraphs = [
        line
        for line in (ROOT / "sources" / "forssan-seutu-2021-2024-liite-6.txt")
        .read_text(encoding="utf-8")
        .split("\n\n")
        if line.strip()
    ]
    for path in sorted((ROOT / "tests" / "data" / "docs").glob("*.md")):
        paragraphs += [text for _, text in read_markup(path)]
    text, blocks = "", []
    for p in paragraphs:
        p = " ".join(p.split())
        blocks.append(BlockSpan("paragraph", len(text), len(text) + len(p)))
        text += p + "\n\n"
    return text, blocks


def main() -> int:
    analyzer = load_analyzer("voikko")
    morphology.frequency("kunta")  # load wordfreq's list: a one-time start-up cost
    text, blocks = corpus()
    words = len(text.split())
    t = time.perf_counter()
    analyze_text(analyzer, text, blocks)
    cold = time.perf_counter() - t
    print(f"voikko backend, cold: {words} words in {cold:.2f} s = {words / cold:,.0f} words/s")
    repeat = max(1, 100_000 // words)
    t = time.perf_counter()
    for _ in range(repeat):
        analyze_text(analyzer, text, blocks)
    warm = time.perf_counter() - t
    total = words * repeat
    print(f"voikko backend, {total} words: {warm:.2f} s = {total / warm:,.0f} words/s (one core)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

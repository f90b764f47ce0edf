"""Extracting many documents: where each output goes, progress, and the summary.

`plan` maps every source to its output before anything is written: a `.json` path
(any case) is a file, a path with another suffix is an error naming the allowed
one, anything else a directory; two sources that would write one output are an
error naming both. `run` extracts the planned jobs (in parallel with `jobs` > 1),
writes each output atomically, reports progress (`[12/309] kunta.pdf`, a bar on a
terminal), every document's warnings as `warning: <file>: ...` lines and, at the
end, one summary line. A bad document is reported and skipped; the run goes on.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TextIO

from pipeline.errors import PipelineError
from pipeline.output import to_json, write_atomic

STDOUT = Path("-")


@dataclass(frozen=True)
class Job:
    source: str  # a path, or `-` for stdin
    target: Path  # an output path, or STDOUT


def plan(sources: Sequence[str], output: str | None) -> list[Job]:
    """Each source's output; a one-line error for an output no source can have."""
    if not sources:
        raise PipelineError("no source given; name the PDF or text files to extract")
    if output == "-" or (output is None and sources == ["-"]):
        if len(sources) > 1:
            raise PipelineError("-o -: one source only can be written to stdout")
        return [Job(sources[0], STDOUT)]
    if sources.count("-") > 1:
        raise PipelineError("-: stdin can be read once; name the other sources")
    out = Path(output) if output else Path("outputs")
    if out.exists() and not out.is_dir() and not out.is_file():
        # renaming over a device (`/dev/null`) would replace the device itself
        raise PipelineError(f"{out}: not a regular file; give a .json path or a directory")
    as_file = output is not None and (out.is_file() or (not out.is_dir() and out.suffix != ""))
    parent = out.parent if as_file else out
    for above in (parent, *parent.parents):
        if above.exists():
            if not above.is_dir():
                raise PipelineError(f"{out}: {above} is not a directory; choose another output")
            break
    if as_file and out.suffix.lower() != ".json":
        raise PipelineError(
            f"{output}: an output file ends in .json; give a .json file or a directory"
        )
    if as_file and len(sources) > 1:
        raise PipelineError(
            f"{output}: {len(sources)} sources need an output directory, not one file; give -o DIR"
        )
    jobs = [
        Job(s, out if as_file else out / f"{'stdin' if s == '-' else Path(s).stem}.json")
        for s in sources
    ]
    seen: dict[Path, str] = {}
    for job in jobs:
        if job.target in seen:
            raise PipelineError(
                f"{seen[job.target]} and {job.source} would both be written to {job.target}; "
                "rename one or extract them to different directories"
            )
        seen[job.target] = job.source
    return jobs


def _code_time() -> float:
    """When the pipeline's code or data last changed: an output older than this is stale."""
    root = Path(str(resources.files("pipeline")))
    return max(
        p.stat().st_mtime for p in root.rglob("*") if p.suffix in (".py", ".toml") and p.is_file()
    )


def stale(jobs: Sequence[Job], review: bool = False) -> list[Job]:
    """The jobs whose output (and, with `review`, its review page) is missing or older
    than its source or the pipeline's code."""
    code = _code_time()
    out = []
    for job in jobs:
        if job.source == "-" or job.target == STDOUT or not job.target.exists():
            out.append(job)
            continue
        if review and not review_path(job.target).exists():
            out.append(job)
            continue
        made = job.target.stat().st_mtime
        try:
            newer = Path(job.source).stat().st_mtime > made
        except OSError:
            newer = True  # a missing source: let the extraction say so
        if newer or code > made:
            out.append(job)
    return out


@dataclass
class Done:
    """One job's result, from a worker or in process."""

    job: Job
    content: str | None = None  # the JSON, or None when it failed
    review: str | None = None  # the review page, when asked for
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)


def extract_one(job: Job, nlp: str, repair_mode: str, review: bool = False) -> Done:
    """Extract one job's source (in a worker process or in this one); with `review`,
    also render its review page."""
    from pipeline.document import extract_document
    from pipeline.nlp import load_analyzer
    from pipeline.review import render_review

    timings: dict[str, float] = {}
    try:
        data = sys.stdin.buffer.read() if job.source == "-" else None
        start = time.perf_counter()
        doc = extract_document(job.source, data, load_analyzer(nlp), repair_mode, timings)
        timings["total"] = time.perf_counter() - start
    except PipelineError as e:
        return Done(job, error=str(e))
    warnings = [w.message + (f" (page {w.page})" if w.page else "") for w in doc.warnings]
    page = render_review(doc) if review else None
    return Done(job, to_json(doc), page, warnings=warnings, timings=timings)


def _results(
    jobs: Sequence[Job], nlp: str, repair_mode: str, workers: int, review: bool
) -> Iterator[Done]:
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            yield extract_one(job, nlp, repair_mode, review)
        return
    import multiprocessing

    # spawn, not fork: every worker opens its own Voikko handle
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures = [pool.submit(extract_one, job, nlp, repair_mode, review) for job in jobs]
        for future in as_completed(futures):
            yield future.result()


class Progress:
    """`[12/309] kunta.pdf` lines, or one redrawn bar on a terminal."""

    def __init__(self, total: int, stream: TextIO, quiet: bool) -> None:
        self.total = total
        self.stream = stream
        self.quiet = quiet
        self.count = 0
        self.bar = stream.isatty() and total > 1
        self.drawn = False

    def say(self, line: str) -> None:
        """A line of its own (an error or a warning), above the bar."""
        self._clear()
        print(line, file=self.stream)

    def step(self, name: str, note: str) -> None:
        self.count += 1
        if self.quiet or self.total <= 1:
            if not self.quiet and note:
                print(note, file=self.stream)
            return
        if self.bar:
            width = 30
            filled = width * self.count // self.total
            bar = "#" * filled + "-" * (width - filled)
            self.stream.write(f"\r[{bar}] {self.count}/{self.total} {name[-40:]}\x1b[K")
            self.stream.flush()
            self.drawn = True
        else:
            print(f"[{self.count}/{self.total}] {note or name}", file=self.stream)

    def _clear(self) -> None:
        if self.drawn:
            self.stream.write("\r\x1b[K")
            self.drawn = False

    def finish(self) -> None:
        self._clear()


@dataclass(frozen=True)
class Summary:
    documents: int
    extracted: int
    failed: int
    skipped: int

    def line(self) -> str:
        parts = [f"{self.documents} documents: {self.extracted} extracted"]
        if self.skipped:
            parts.append(f"{self.skipped} up to date")
        parts.append(f"{self.failed} failed" + (" (see above)" if self.failed else ""))
        return ", ".join(parts)


def run(
    jobs: Sequence[Job],
    nlp: str,
    repair_mode: str = "default",
    workers: int = 1,
    review: bool = False,
    quiet: bool = False,
    verbose: bool = False,
    skipped: int = 0,
    stderr: TextIO | None = None,
    stdout: Callable[[str], object] | None = None,
) -> Summary:
    """Extract and write every job (with `review`, its review page `<stem>.html`
    beside it); report on `stderr`; the summary at the end."""
    stderr = stderr or sys.stderr
    write_stdout = stdout or sys.stdout.write
    progress = Progress(len(jobs), stderr, quiet)
    failed = 0
    for done in _results(jobs, nlp, repair_mode, max(1, workers), review):
        name = done.job.source
        if done.content is None:
            failed += 1
            progress.say(f"error: {done.error}")
            progress.step(name, "")
            continue
        if done.job.target == STDOUT:
            write_stdout(done.content)
            note = ""
        else:
            try:
                write_atomic(done.job.target, done.content)
                if done.review is not None:
                    write_atomic(review_path(done.job.target), done.review)
            except PipelineError as e:
                failed += 1
                progress.say(f"error: {e}")
                progress.step(name, "")
                continue
            note = f"{name} -> {done.job.target}"
        if not quiet:
            for w in done.warnings:
                progress.say(f"warning: {name}: {w}")
        if verbose:
            stages = ", ".join(f"{k} {v:.2f} s" for k, v in done.timings.items())
            progress.say(f"timing: {name}: {stages}")
        progress.step(name, note)
    progress.finish()
    summary = Summary(len(jobs) + skipped, len(jobs) - failed, failed, skipped)
    if len(jobs) + skipped > 1 and not quiet:
        print(summary.line(), file=stderr)
    return summary


def review_path(target: Path) -> Path:
    """Where a document's review page goes: beside its JSON, `<stem>.html`."""
    return target.with_suffix(".html")


def default_workers() -> int:
    return max(1, min(4, os.cpu_count() or 1))

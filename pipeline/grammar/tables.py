"""Action-plan tables: one statement per actor of a row's responsible cell.

An action plan set as a table (`Toimenpide | Vastuutaho | Yhteistyötahot | Aikataulu
| Mittari`, its columns named by the header row) states its responsibilities by
structure, not by sentences: the measure in the task column is the task of every
actor the responsible cell names (`Kunta ja työvoimaviranomainen` gives two
statements), the partner cell gives the co-actors, and the schedule and indicator
cells are kept with the statement. The discourse does not read such a table's cells
as sentences; a table without an action plan's header is read cell by cell.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from pipeline.grammar import labels
from pipeline.grammar.context import Context
from pipeline.grammar.model import Named, Statement, UnknownActor, View
from pipeline.grammar.phrases import Recall, dedupe, listed_actors
from pipeline.grammar.rows import list_row

ROW = "table-row"


@dataclass(frozen=True)
class TableCells:
    """A table as the extraction reads it: the role of each column (empty: no action
    plan), the number of header rows, and each cell's span by (row, column)."""

    roles: tuple[str | None, ...]
    header: int
    cells: Mapping[tuple[int, int], tuple[int, int]]

    @property
    def is_action_plan(self) -> bool:
        return bool({"task", "goal"} & set(self.roles)) and "responsible" in self.roles

    def column(self, role: str) -> int | None:
        if role == "task" and "task" not in self.roles:
            role = "goal"  # a table of goals and who pursues them
        return self.roles.index(role) if role in self.roles else None

    def rows(self) -> list[int]:
        return sorted({r for r, _ in self.cells if r >= self.header})

    def cell_of(self, offset: int) -> tuple[int, int] | None:
        for key, (start, end) in self.cells.items():
            if start <= offset < end:
                return key
        return None


def _trimmed(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """A cell's text without surrounding space and final punctuation; None if empty."""
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".;,"):
        end -= 1
    return (start, end) if end > start else None


def read_table(
    ctx: Context, text: str, table: TableCells, views: Mapping[tuple[int, int], Sequence[View]]
) -> tuple[Context, list[Statement]]:
    """The statements of an action-plan table's rows; `views` are the analysed units
    of each cell. A row without a task or without an actor states nothing."""
    row_def = list_row(ROW)
    task_col = table.column("task")
    who_col = table.column("responsible")
    partner_col = table.column("partners")
    recall = Recall.of(ctx)
    out: list[Statement] = []
    unknown_all: list[UnknownActor] = []
    for r in table.rows():
        cell = table.cells.get((r, task_col)) if task_col is not None else None
        task = labels.task_span(text, *cell) if cell else None
        if task is None or cell is None:
            continue
        actors, named, unknown = _actors(
            views.get((r, who_col), ()) if who_col is not None else (), recall
        )
        if not actors:
            continue
        partner_views = views.get((r, partner_col), ()) if partner_col is not None else ()
        _co_ids, co_named, co_unknown = _actors(partner_views, recall)
        partners = tuple(n for n in co_named if n.actor not in actors)
        fields = {
            role: _trimmed(text, table.cells[(r, col)])
            for role in ("schedule", "indicator")
            if (col := table.column(role)) is not None and (r, col) in table.cells
        }
        unknown_all += [*unknown, *co_unknown]
        for actor in actors:
            out.append(
                Statement(
                    construction=row_def.name,
                    actors=(actor,),
                    actor_source="table",
                    relation=row_def.relation or "",
                    modality=row_def.modality or "",
                    negated=False,
                    task=task,
                    evidence=cell,
                    named=tuple(n for n in named if n.actor == actor),
                    co_actors=partners,
                    schedule=fields.get("schedule"),
                    indicator=fields.get("indicator"),
                    unknown=tuple(unknown),
                )
            )
    ctx = ctx.with_unknown(tuple(unknown_all))
    return ctx, out


def _actors(
    views: Sequence[View], recall: Recall
) -> tuple[tuple[str, ...], tuple[Named, ...], tuple[UnknownActor, ...]]:
    """The actors a cell lists, over all its units."""
    ids: list[str] = []
    named: list[Named] = []
    unknown: list[UnknownActor] = []
    for view in views:
        found = listed_actors(view, recall, 0, len(view.tokens))
        ids += found.ids
        named += found.named
        unknown += found.unknown
    return dedupe(ids), tuple(named), tuple(unknown)

"""The published contract: Pydantic models of the JSON this pipeline emits.

Every output is an `ExtractedDocument`. The JSON Schema in `schemas/` is
generated from these models (`python -m pipeline schema`) and a test fails when
it is stale. Renaming or removing a field is a breaking change: bump the major
part of `SCHEMA_VERSION`. Adding an optional field or an enum value bumps the minor
part (1.2.0: actor_source `label`; 1.3.0: spans of actors, co-actors, target group and
scope, the construction of each statement, modality `right`, a repair's confidence
class and the repair kind `restore_space`; 1.4.0: tables (blocks `table` and
`table_row` with their cells), actor_source `table`, a statement's schedule and
indicator). The diff report: 1.2.0 adds a change's
`id` and `aspects`, the report's `renames` and the section kind `section_renamed`.

This module imports nothing from the pipeline stages; the stages import it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = "1.4.0"


class Model(BaseModel):
    """Base of every published model: unknown fields are an error."""

    model_config = ConfigDict(extra="forbid")


class Span(Model):
    """A half-open [start, end) range of Python string indices into `text`."""

    start: int = Field(ge=0, description="Index of the first character, into `text`.")
    end: int = Field(ge=0, description="Index after the last character (half-open).")

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before its start {self.start}")
        return self


class Source(Model):
    """Where the document came from. `path` is as given, never made absolute."""

    path: str = Field(description="The source path as given (relative stays relative).")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="SHA-256 of the source's bytes.")
    format: Literal["pdf", "text"] = Field(description="What the bytes were read as.")
    pages: int = Field(ge=1, description="Pages of the source (inferred for a text).")
    encoding: str | None = Field(
        default=None, description="Text encoding detected for text sources; null for PDF."
    )


class Period(Model):
    """The years a programme covers."""

    start: int = Field(ge=1900, le=2200, description="First year.")
    end: int = Field(ge=1900, le=2200, description="Last year.")


class Programme(Model):
    """The integration programme the document is (part of)."""

    name: str = Field(description="The programme's name as the text gives it.")
    region: str | None = Field(default=None, description="Its municipality or region.")
    period: Period | None = Field(default=None, description="The years it covers.")


class DocumentInfo(Model):
    """What the document says of itself; a field the text does not state is null."""

    title: str | None = Field(description="The title line, without an appendix label.")
    appendix: str | None = Field(default=None, description="An appendix label (`Liite 6`).")
    programme: Programme | None = Field(
        default=None, description="The programme the document is (part of)."
    )


class Page(Span):
    """The part of `text` that came from one page (pages partition the text)."""

    number: int = Field(ge=1, description="The page number, from 1.")


BlockKind = Literal["heading", "paragraph", "item", "table", "table_row"]
ColumnRole = Literal["task", "goal", "responsible", "partners", "schedule", "indicator"]


class Cell(Span):
    """A table cell's text (an empty cell is not listed)."""

    column: int = Field(ge=0, description="Its column, from 0.")
    role: ColumnRole | None = Field(
        default=None,
        description="What the column holds in an action plan, by its header "
        "(`Vastuutaho` -> responsible); None in other tables.",
    )


class Block(Span):
    """A layout unit of `text`: a heading, a paragraph, a list item, or a table and its
    rows (in `text` a row is one line, its cells separated by ` | `)."""

    kind: BlockKind = Field(description="heading, paragraph, list item, table or table row.")
    table: int | None = Field(
        default=None, description="A table or a table row: the table's number, from 0."
    )
    row: int | None = Field(default=None, description="A table row: its number, from 0.")
    header: bool = Field(default=False, description="A table row: the table's header row.")
    cells: list[Cell] = Field(default_factory=list, description="A table row: its cells.")


class Furniture(Model):
    """A running header, footer or page number removed from `text`."""

    kind: Literal["header", "footer", "page_number"] = Field(description="What it was.")
    text: str = Field(description="Its text, as removed.")
    page: int = Field(ge=1, description="The page it stood on.")


class Section(Span):
    """A heading and the text up to the next heading of its level or a higher one."""

    id: str = Field(description="A slug of the heading, unique in the document.")
    heading: str = Field(description="The heading's text.")
    level: int = Field(ge=1, description="1 for a top heading; numbered ones by their number.")
    actors: list[str] = Field(description="Ids of the actors the heading names.")


ActorLevel = Literal["state", "regional", "local", "individual", "other"]


class Actor(Model):
    """An actor the document names: of the registry, or an organisation it does not know."""

    id: str = Field(
        pattern=r"^[a-z0-9][a-z0-9-]*$",
        description="Stable slug, the same in every document (`tem`, `kunta`).",
    )
    name: str = Field(description="Canonical nominative singular name.")
    abbreviation: str | None = Field(default=None, description="The usual abbreviation.")
    level: ActorLevel = Field(description="state, regional, local, individual or other.")
    aliases: list[str] = Field(description="Surface forms seen in this document.")
    known: bool = Field(default=True, description="False for an actor not in the registry.")


class Evidence(Span):
    """The sentence or list item a statement came from."""

    pages: list[int] = Field(description="The pages the sentence stands on.")


Modality = Literal[
    "responsible",
    "coordinates",
    "steers",
    "supervises",
    "develops",
    "supports",
    "participates",
    "cooperates",
    "funds",
    "decides",
    "task",
    "obligation",
    "permission",
    "right",
]

ActorSource = Literal[
    "subject", "relative", "anaphora", "lead_in", "heading", "first_person", "label", "table"
]


class ActorSpan(Span):
    """Where the text names an actor of a statement: a half-open span of `text`."""

    actor: str = Field(description="The actor's id.")


class Responsibility(Model):
    """One responsibility: actor(s), relation and one coordinated complement (the task)."""

    id: str = Field(description="Hash of actors, relation and normalised task; stable across runs.")
    actors: list[str] = Field(description="Ids of the actors responsible (see `actors`).")
    relation: str = Field(
        description="Lemma of the governing verb, or the nominal construction's noun."
    )
    modality: Modality = Field(
        description="What kind of responsibility: the verb's sense, or a construction's "
        "duty, permission or right."
    )
    task: str = Field(description="Exactly text[task_span.start:task_span.end].")
    negated: bool = Field(description="True where the text denies it (`ei vastaa`).")
    section: str | None = Field(description="Id of the innermost section it stands in.")
    evidence: Evidence = Field(description="The sentence or list item, with its pages.")
    task_span: Span = Field(description="Where the task stands in `text`.")
    actor_source: ActorSource = Field(
        description="How the actor was found: the clause's subject, a relative pronoun's "
        "antecedent, an anaphor, a list's lead-in, the section heading (no subject in the "
        "sentence), a first-person verb (the programme's author), a field of an action "
        "plan that names the responsible actor (`Vastuutaho: kunta`), or the responsible "
        "column of an action-plan table."
    )
    co_actors: list[str] = Field(default_factory=list, description="`yhteistyössä X:n kanssa`.")
    target_group: str | None = Field(
        default=None, description="The group it is for (`työnhakijana olevien maahanmuuttajien`)."
    )
    scope: str | None = Field(
        default=None, description="Where it applies (`omilla toimialueillaan`)."
    )
    construction: str = Field(
        default="",
        description="The construction of the grammar (a row of constructions.toml) that "
        "stated it, for a reviewer asking why.",
    )
    actor_spans: list[ActorSpan] = Field(
        default_factory=list,
        description="Where the text names the actors (the subject, the pronoun that "
        "refers to them, the lead-in or heading that names them).",
    )
    co_actor_spans: list[ActorSpan] = Field(
        default_factory=list, description="Where the text names the co-actors."
    )
    target_group_span: Span | None = Field(
        default=None, description="Where the target group stands."
    )
    scope_span: Span | None = Field(default=None, description="Where the scope stands.")
    schedule: str | None = Field(
        default=None, description="An action plan's schedule for it (`2026 alkaen`)."
    )
    schedule_span: Span | None = Field(default=None, description="Where the schedule stands.")
    indicator: str | None = Field(
        default=None, description="An action plan's indicator for it (`Osallistujien määrä`)."
    )
    indicator_span: Span | None = Field(default=None, description="Where the indicator stands.")


RepairKind = Literal[
    "split_joined_words",
    "restore_hyphen",
    "join_hyphenated",
    "keep_line_end_hyphen",
    "suspended_hyphen",
    "soft_hyphen",
    "ligature",
    "whitespace",
    "restore_space",
]

Confidence = Literal["typography", "document", "dictionary", "morphology", "frequency"]


class Repair(Model):
    """One change made to the reflowed text; [start, end) is where the replacement stands."""

    kind: RepairKind = Field(description="What was repaired.")
    original: str = Field(description="The text as extracted.")
    replacement: str = Field(description="The text as repaired; text[start:end] == replacement.")
    start: int = Field(ge=0, description="Where the replacement begins in `text`.")
    end: int = Field(ge=0, description="Where the replacement ends in `text`.")
    page: int | None = Field(default=None, description="The page it stands on.")
    evidence: str = Field(description="Why the repair was made, for a reviewer.")
    confidence: Confidence = Field(
        default="morphology",
        description="The class of the evidence that decided it, strongest first: "
        "typography (the characters themselves: a soft hyphen, a space lost after "
        "punctuation), document (the same document's words), dictionary (Voikko accepts "
        "exactly one reading), morphology (rules of word structure), frequency (word "
        "frequency). `--repair conservative` applies only the first three.",
    )


class DocumentWarning(Model):
    """Something a reviewer should look at."""

    code: str = Field(pattern=r"^[a-z][a-z0-9-]*$", description="A stable code (`pages-inferred`).")
    message: str = Field(description="What and where, for a reader.")
    page: int | None = Field(default=None, description="The page it concerns, if one.")


class NlpInfo(Model):
    """The NLP backend that analysed the text, and its version."""

    backend: Literal["voikko", "spacy", "stanza"] = Field(description="The NLP backend used.")
    version: str = Field(description="Its version.")
    model: str | None = Field(
        default=None, description="The trained model a parser backend loaded (spaCy's)."
    )
    model_version: str | None = Field(default=None, description="That model's version.")


class ExtractedDocument(Model):
    """One extracted integration-programme document."""

    model_config = ConfigDict(extra="forbid", title="ExtractedDocument")

    schema_version: str = Field(
        default=SCHEMA_VERSION,
        pattern=r"^\d+\.\d+\.\d+$",
        description="The contract's version: MAJOR.MINOR.PATCH.",
    )
    source: Source = Field(description="Where the document came from.")
    document: DocumentInfo = Field(description="Title, appendix and programme.")
    text: str = Field(description="The reflowed, repaired text every offset points into.")
    pages: list[Page] = Field(description="The span each page produced (they partition `text`).")
    blocks: list[Block] = Field(description="Headings, paragraphs and list items.")
    furniture: list[Furniture] = Field(
        description="Running headers, footers and page numbers removed from `text`."
    )
    sections: list[Section] = Field(description="The sections, in text order.")
    actors: list[Actor] = Field(description="Every actor the text names, by id.")
    responsibilities: list[Responsibility] = Field(
        description="Who is responsible for what: one item per task."
    )
    repairs: list[Repair] = Field(description="Every change made to the extracted text.")
    repair_mode: Literal["default", "conservative"] = Field(
        default="default",
        description="How freely the repair stage changed the text: `conservative` applies "
        "only repairs decided by typography, the document or Voikko's dictionary.",
    )
    warnings: list[DocumentWarning] = Field(description="What a reviewer should look at.")
    nlp: NlpInfo = Field(description="The NLP backend that analysed the text.")

    @model_validator(mode="after")
    def _offsets_inside_text(self) -> ExtractedDocument:
        n = len(self.text)
        spans: list[tuple[str, Span]] = [("page", p) for p in self.pages]
        spans += [("block", b) for b in self.blocks]
        spans += [("section", s) for s in self.sections]
        for r in self.responsibilities:
            spans += [("evidence", r.evidence), ("task_span", r.task_span)]
            spans += [("actor_span", a) for a in r.actor_spans + r.co_actor_spans]
            if r.target_group_span is not None:
                spans.append(("target_group_span", r.target_group_span))
            if r.scope_span is not None:
                spans.append(("scope_span", r.scope_span))
        for name, span in spans:
            if span.end > n:
                raise ValueError(f"{name} span [{span.start}, {span.end}) exceeds text length {n}")
        for rep in self.repairs:
            if rep.end > n or self.text[rep.start : rep.end] != rep.replacement:
                raise ValueError(
                    f"repair {rep.original!r} -> {rep.replacement!r} does not stand at "
                    f"[{rep.start}, {rep.end}) in text"
                )
        for resp in self.responsibilities:
            if self.text[resp.task_span.start : resp.task_span.end] != resp.task:
                raise ValueError(f"responsibility {resp.id}: task does not match its task_span")
            for name, value, where in (
                ("target_group", resp.target_group, resp.target_group_span),
                ("scope", resp.scope, resp.scope_span),
            ):
                # a span is absent in documents of schema 1.2 and earlier
                if where is not None and self.text[where.start : where.end] != value:
                    raise ValueError(f"responsibility {resp.id}: {name} does not match its span")
        return self


# --- the comparison of two programme periods ------------------------------------------

DIFF_SCHEMA_VERSION = "1.2.0"

ChangeKind = Literal[
    "added",
    "removed",
    "reworded",
    "moved",
    "modality_changed",
    "negation_changed",
    "actor_renamed",
    "section_moved",
]


class DocumentRef(Model):
    """Which extracted document a side of the comparison is."""

    path: str = Field(description="The extracted document's source path.")
    sha256: str = Field(description="SHA-256 of its source.")
    title: str | None = Field(description="Its title.")
    programme: Programme | None = Field(description="Its programme, with region and period.")


class Change(Model):
    """One responsibility that differs between the periods, with every way it differs."""

    id: str = Field(description="Stable id of the pair: a hash of the old and the new ids.")
    kind: ChangeKind = Field(description="The most telling of its aspects.")
    aspects: list[ChangeKind] = Field(
        description="Every way it changed, most telling first: a rename, a move, a "
        "modality or negation change, a rewording, a section change (`added` and "
        "`removed` stand alone)."
    )
    old: Responsibility | None = Field(description="The statement in the old period, if any.")
    new: Responsibility | None = Field(description="The statement in the new period, if any.")
    actors: list[str] = Field(description="Actor ids the change concerns (old and new).")
    similarity: float | None = Field(
        default=None, description="Task similarity (0..1) of a matched pair."
    )
    note: str = Field(description="What changed, in a sentence a reviewer can read.")


class Rename(Model):
    """Actors renamed between the periods (ELY-keskus -> elinvoimakeskus), with the
    changes that show it: one entry however many statements the rename touches."""

    old_actors: list[str] = Field(description="The actors' ids in the old period.")
    new_actors: list[str] = Field(description="Their successors' ids in the new period.")
    changes: list[str] = Field(description="Ids of the changes with this rename.")


class SectionChange(Model):
    """A section that moved, was renamed, or stands in one period only."""

    kind: Literal["section_moved", "section_renamed", "section_added", "section_removed"] = Field(
        description="What happened to it."
    )
    id: str = Field(description="The section's id (in the new period, if renamed).")
    heading: str = Field(description="Its heading (in the new period, if renamed).")
    old_position: int | None = Field(description="Its place among the old sections, from 1.")
    new_position: int | None = Field(description="Its place among the new sections, from 1.")
    old_id: str | None = Field(default=None, description="A renamed section's old id.")
    old_heading: str | None = Field(default=None, description="A renamed section's old heading.")


class ActorChange(Model):
    """An actor with tasks in one period only."""

    kind: Literal["actor_added", "actor_removed"] = Field(description="Gained or lost all.")
    actor: Actor = Field(description="The actor.")


class MetadataChange(Model):
    """A field of the document's metadata that differs."""

    kind: Literal["metadata_changed"] = Field(
        default="metadata_changed", description="Always this."
    )
    field: str = Field(description="Which field (`title`, `programme.period`, ...).")
    old: str | None = Field(description="Its old value.")
    new: str | None = Field(description="Its new value.")


class DiffReport(Model):
    """What changed in the division of responsibilities between two programme periods."""

    model_config = ConfigDict(extra="forbid", title="DiffReport")

    schema_version: str = Field(
        default=DIFF_SCHEMA_VERSION,
        pattern=r"^\d+\.\d+\.\d+$",
        description="The diff contract's version: MAJOR.MINOR.PATCH.",
    )
    old: DocumentRef = Field(description="The old period's document.")
    new: DocumentRef = Field(description="The new period's document.")
    summary: dict[str, int] = Field(description="Number of changes by kind.")
    changes: list[Change] = Field(description="The responsibilities that differ.")
    renames: list[Rename] = Field(
        default_factory=list, description="Renames of actors, each with its changes."
    )
    sections: list[SectionChange] = Field(description="Sections moved, added or removed.")
    actors: list[ActorChange] = Field(description="Actors that gained or lost all their tasks.")
    metadata: list[MetadataChange] = Field(description="Metadata that differs.")


# The published contracts: name -> (model, version). `schemas/<name>.schema.json`.
SCHEMAS: dict[str, tuple[type[Model], str]] = {
    "document": (ExtractedDocument, SCHEMA_VERSION),
    "diff": (DiffReport, DIFF_SCHEMA_VERSION),
}

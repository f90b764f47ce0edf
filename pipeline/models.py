"""The published contract: Pydantic models of the JSON this pipeline emits.

Every output is an `ExtractedDocument`. The JSON Schema in `schemas/` is
generated from these models (`python -m pipeline schema`) and a test fails when
it is stale. Renaming or removing a field is a breaking change: bump the major
part of `SCHEMA_VERSION`. Adding an optional field or an enum value bumps the minor
part (1.2.0: actor_source `label`; 1.3.0: spans of actors, co-actors, target group and
scope, the construction of each statement, modality `right`, a repair's confidence
class and the repair kind `restore_space`).

This module imports nothing from the pipeline stages; the stages import it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = "1.3.0"


class Model(BaseModel):
    """Base of every published model: unknown fields are an error."""

    model_config = ConfigDict(extra="forbid")


class Span(Model):
    """A half-open [start, end) range of Python string indices into `text`."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before its start {self.start}")
        return self


class Source(Model):
    """Where the document came from. `path` is as given, never made absolute."""

    path: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    format: Literal["pdf", "text"]
    pages: int = Field(ge=1)
    encoding: str | None = Field(
        default=None, description="Text encoding detected for text sources; null for PDF."
    )


class Period(Model):
    start: int = Field(ge=1900, le=2200)
    end: int = Field(ge=1900, le=2200)


class Programme(Model):
    """The integration programme the document is (part of)."""

    name: str
    region: str | None = None
    period: Period | None = None


class DocumentInfo(Model):
    title: str | None
    appendix: str | None = None
    programme: Programme | None = None


class Page(Span):
    """The part of `text` that came from one page (pages partition the text)."""

    number: int = Field(ge=1)


BlockKind = Literal["heading", "paragraph", "item"]


class Block(Span):
    """A layout unit of `text`: a heading, a paragraph or a list item."""

    kind: BlockKind


class Furniture(Model):
    """A running header, footer or page number removed from `text`."""

    kind: Literal["header", "footer", "page_number"]
    text: str
    page: int = Field(ge=1)


class Section(Span):
    id: str
    heading: str
    level: int = Field(ge=1)
    actors: list[str] = Field(description="Ids of the actors the heading names.")


ActorLevel = Literal["state", "regional", "local", "individual", "other"]


class Actor(Model):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str = Field(description="Canonical nominative singular name.")
    abbreviation: str | None = None
    level: ActorLevel
    aliases: list[str] = Field(description="Surface forms seen in this document.")
    known: bool = Field(default=True, description="False for an actor not in the registry.")


class Evidence(Span):
    pages: list[int]


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
    "subject", "relative", "anaphora", "lead_in", "heading", "first_person", "label"
]


class ActorSpan(Span):
    """Where the text names an actor of a statement: a half-open span of `text`."""

    actor: str = Field(description="The actor's id.")


class Responsibility(Model):
    """One responsibility: actor(s), relation and one coordinated complement (the task)."""

    id: str = Field(description="Hash of actors, relation and normalised task; stable across runs.")
    actors: list[str]
    relation: str = Field(
        description="Lemma of the governing verb, or the nominal construction's noun."
    )
    modality: Modality
    task: str = Field(description="Exactly text[task_span.start:task_span.end].")
    negated: bool
    section: str | None
    evidence: Evidence
    task_span: Span
    actor_source: ActorSource = Field(
        description="How the actor was found: the clause's subject, a relative pronoun's "
        "antecedent, an anaphor, a list's lead-in, the section heading (no subject in the "
        "sentence), a first-person verb (the programme's author), or a field of an action "
        "plan that names the responsible actor (`Vastuutaho: kunta`)."
    )
    co_actors: list[str] = Field(default_factory=list, description="`yhteistyössä X:n kanssa`.")
    target_group: str | None = None
    scope: str | None = None
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
    co_actor_spans: list[ActorSpan] = Field(default_factory=list)
    target_group_span: Span | None = None
    scope_span: Span | None = None


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

    kind: RepairKind
    original: str
    replacement: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    page: int | None = None
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
    code: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    message: str
    page: int | None = None


class NlpInfo(Model):
    """The NLP backend that analysed the text, and its version."""

    backend: Literal["voikko", "stanza"]
    version: str


class ExtractedDocument(Model):
    """One extracted integration-programme document."""

    model_config = ConfigDict(extra="forbid", title="ExtractedDocument")

    schema_version: str = Field(default=SCHEMA_VERSION, pattern=r"^\d+\.\d+\.\d+$")
    source: Source
    document: DocumentInfo
    text: str
    pages: list[Page]
    blocks: list[Block]
    furniture: list[Furniture]
    sections: list[Section]
    actors: list[Actor]
    responsibilities: list[Responsibility]
    repairs: list[Repair]
    repair_mode: Literal["default", "conservative"] = Field(
        default="default",
        description="How freely the repair stage changed the text: `conservative` applies "
        "only repairs decided by typography, the document or Voikko's dictionary.",
    )
    warnings: list[DocumentWarning]
    nlp: NlpInfo

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

    path: str
    sha256: str
    title: str | None
    programme: Programme | None


class Change(Model):
    """One responsibility that differs between the periods."""

    kind: ChangeKind
    old: Responsibility | None
    new: Responsibility | None
    actors: list[str] = Field(description="Actor ids the change concerns (old and new).")
    similarity: float | None = Field(
        default=None, description="Task similarity (0..1) of a matched pair."
    )
    note: str = Field(description="What changed, in a sentence a reviewer can read.")


class SectionChange(Model):
    kind: Literal["section_moved", "section_added", "section_removed"]
    id: str
    heading: str
    old_position: int | None
    new_position: int | None


class ActorChange(Model):
    kind: Literal["actor_added", "actor_removed"]
    actor: Actor


class MetadataChange(Model):
    kind: Literal["metadata_changed"] = "metadata_changed"
    field: str
    old: str | None
    new: str | None


class DiffReport(Model):
    """What changed in the division of responsibilities between two programme periods."""

    model_config = ConfigDict(extra="forbid", title="DiffReport")

    schema_version: str = Field(default=DIFF_SCHEMA_VERSION, pattern=r"^\d+\.\d+\.\d+$")
    old: DocumentRef
    new: DocumentRef
    summary: dict[str, int]
    changes: list[Change]
    sections: list[SectionChange]
    actors: list[ActorChange]
    metadata: list[MetadataChange]

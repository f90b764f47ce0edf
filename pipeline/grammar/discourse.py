"""The discourse: a document's units read in order, each taking the context and
returning a new one with its statements.

Within a unit the matcher and the resolver decide (`match.py`, `resolve.py`). What
spans units is here, as the `[[list]]` rows of `constructions.toml` describe:

- a lead-in and its items: a predicate whose task the items give (`X vastaa:` or
  `X vastaa` + `• neuvonnasta ja`, `X vastaa seuraavista tehtävistä:` + `• Kuntien
  tukeminen ja neuvonta.`), or tasks whose actors the items name (`A:sta
  vastaavat` + `• sisäministeriö,`);
- a heading that names an actor: its task items (`Kunta` + `• ohjelman
  laatiminen`), its clauses with no subject, and an organisation the registry
  does not know (`Sivistystoimi`) standing for itself;
- an action plan's field naming the responsible actor after its task
  (`Vastuutaho: kunta`), or inline (`(vastuu: ELY-keskus)`);
- the actors each unit names, for the pronouns and generic nouns of later units.
"""

from __future__ import annotations

from dataclasses import replace

from pipeline.grammar import labels
from pipeline.grammar.complements import is_marker, trim_coordinator
from pipeline.grammar.context import Context, Frame
from pipeline.grammar.lexicon import lexicon
from pipeline.grammar.match import match
from pipeline.grammar.model import Actors, Candidate, Named, Statement, View
from pipeline.grammar.phrases import Recall, dedupe, listed_actors, named, resolve
from pipeline.grammar.resolve import resolve as keep
from pipeline.grammar.rows import list_row
from pipeline.grammar.statements import statements

# The [[list]] rows whose statements the discourse states itself.
_LABELLED = "labelled-field"
_HEADING_ACTOR = "heading-actor"


def read_unit(
    ctx: Context, view: View, heading: tuple[Named, ...], leads: bool
) -> tuple[Context, list[Statement]]:
    """The statements of one unit and the context after it. `heading` is the actor the
    section heading names (when it names one); `leads` says that list items follow
    the unit and refer to it."""
    if view.unit.kind != "heading":
        ctx = replace(ctx, heading=ctx.heading_override or heading)
    field = _labelled_field(ctx, view)
    if field is not None:
        return field
    ctx, found = _unit(ctx, view, leads)
    if not found and view.unit.kind != "heading":
        span = labels.task_span(view.text, view.unit.start, view.unit.end)
        if span is not None:  # a unit that states nothing may be a task a label follows
            ctx = replace(ctx, field_task=(view.index, *span))
    return ctx, found


def _evidence(view: View) -> tuple[int, int]:
    return view.unit.start, view.unit.end


# --- action-plan fields -------------------------------------------------------------


def _labelled_field(ctx: Context, view: View) -> tuple[Context, list[Statement]] | None:
    """`Vastuutaho: kunta ja TE-toimisto` after its task, or `Hankinta (vastuu:
    ELY-keskus)`: the actors a field names take the task. None when the unit has no
    such field."""
    tokens = view.tokens
    after = labels.label_line(tokens)
    if after is not None:
        if ctx.field_task is None or view.index - ctx.field_task[0] > labels.MAX_DISTANCE:
            return None
        _, task_start, task_end = ctx.field_task
        first, end = after, len(tokens)
    else:
        inline = labels.bracketed(tokens)
        if inline is None:
            return None
        bracket, first, end = inline
        span = labels.task_span(view.text, view.unit.start, tokens[bracket].start)
        if span is None:
            return None
        task_start, task_end = span
    actors = listed_actors(view, Recall.of(ctx), first, end)
    if not actors:
        return None
    row = list_row(_LABELLED)
    statement = Statement(
        construction=row.name,
        actors=actors.ids,
        actor_source="label",
        relation=row.relation or "",
        modality=row.modality or "",
        negated=False,
        task=(task_start, task_end),
        evidence=(min(task_start, view.unit.start), view.unit.end),
        named=actors.named,
        unknown=actors.unknown,
    )
    ctx = replace(ctx.noted(actors.ids), field_task=None).with_unknown(actors.unknown)
    return ctx, [statement]


# --- headings -------------------------------------------------------------------------


def _heading_organisation(ctx: Context, view: View) -> Actors:
    """`Sivistystoimi`, `Kaupungin maahanmuuttajapalvelut`: a heading that names an
    organisation the registry does not know (its head noun is no registry actor's)
    stands for that organisation, as the same words would as a subject."""
    tokens = view.tokens
    head = next(
        (
            j
            for j in range(len(tokens) - 1, -1, -1)
            if tokens[j].upos in ("NOUN", "PROPN") and tokens[j].feat("Case") == "Nom"
        ),
        None,
    )
    if head is None or tokens[head].lemma in lexicon().group_nouns:
        return Actors((), "")  # `Valtion viranomaiset`: no one organisation
    if any(m.first <= head <= m.last for m in view.mentions):
        return Actors((), "")  # a registry actor: the section's own actors
    resolved = resolve(view, Recall([], []), head, 0)  # a heading names; it does not refer back
    return resolved if resolved and resolved.source == "subject" else Actors((), "")


def _heading(ctx: Context, view: View) -> Context:
    organisation = _heading_organisation(ctx, view)
    ctx = replace(ctx, last=(), heading_override=organisation.named)  # no `se` across a heading
    if organisation:
        ctx = ctx.with_heading_actor(view.unit.start, organisation.ids)
        ctx = ctx.with_unknown(organisation.unknown)
    return ctx


# --- a unit ---------------------------------------------------------------------------


def _cataphoric(view: View, c: Candidate) -> bool:
    """Whether the candidate's complement only points ahead to a list (`seuraavista
    tehtävistä`, `seuraavat`, `näistä`)."""
    if c.complement is None:
        return False
    lex = lexicon()
    adverbs = lex.word("statement_adverbs")
    lo, hi = c.complement
    words = [t for t in view.tokens[lo:hi] if t.upos != "PUNCT" and t.lemma not in adverbs]
    if not words:
        return False
    if words[0].lemma in lex.word("cataphoric"):
        return True
    return words[0].lemma in lex.word("cataphoric_short") and len(words) <= 3


def _note(ctx: Context, kept: list[Candidate]) -> Context:
    for c in kept:
        ctx = ctx.noted(c.actors.ids).with_unknown(c.actors.unknown)
        if c.actors.source == "first_person" and c.actors.named:
            ctx = replace(ctx, speaker=c.actors.ids[0])  # the text names its speaker
    return ctx


def _unit(ctx: Context, view: View, leads: bool) -> tuple[Context, list[Statement]]:
    unit = view.unit
    if unit.kind == "heading":
        ctx = _heading(ctx, view)
        if not leads:
            return ctx, []
    if not view.tokens:
        return ctx, []
    if unit.kind == "item" and unit.lead_in is not None:
        frame = ctx.frames.get(unit.lead_in)
        if frame is not None and frame.kind == "complement":
            return _complement_item(ctx, view, frame)
        if frame is not None and frame.kind == "actors":
            return _actor_item(ctx, view, frame)
    kept = keep(match(view, ctx))
    if not kept and unit.kind == "item" and ctx.heading:
        # `Kunta` + `• kotouttamisohjelman laatiminen`: a list of tasks under an actor's
        # heading, with no lead-in
        start = 1 if is_marker(view.tokens, 0) else 0
        ids = dedupe(n.actor for n in ctx.heading)
        row = list_row(_HEADING_ACTOR)
        kept = [
            Candidate(
                construction=row.name,
                priority=0,
                trigger=start,
                predicate=start,
                claims=frozenset(),
                relation=row.relation or "",
                modality=row.modality or "",
                negated=False,
                actors=Actors(ids, "heading", frozenset(), ctx.heading),
                complement=(start, len(view.tokens)),
                split="nominal",
            )
        ]
    if not kept:
        # `Maahanmuuttaja on itse aktiivinen toimija.`: a later `hän` refers to it
        nominative = [m for m in view.mentions if m.case == "Nom"][:1]
        return ctx.noted(tuple(m.actor for m in nominative)), []
    ctx = _note(ctx, [c for c in kept if c.actors])
    found: list[Statement] = []
    for c in kept:
        tasks = statements(view, c, _evidence(view))
        if leads and c.actors and _cataphoric(view, c):
            tasks = []  # `vastaa seuraavista tehtävistä:`: the items are the tasks
        if leads and not tasks and c.actors:
            ctx = ctx.with_frame(view.index, Frame("complement", view, candidates=(c,)))
        elif leads and tasks and not c.actors:
            ctx = ctx.with_frame(view.index, Frame("actors", view, statements=tuple(tasks)))
        elif c.actors and unit.kind != "heading":
            found += tasks
    return ctx, found


def _item_candidates(view: View, start: int, c: Candidate) -> list[Candidate]:
    """A list item completes its lead-in: with verbs of its own after a nominal lead-in
    (`Kunnan tehtävänä on:` + `• järjestää neuvontaa`) or as the lead-in predicate's
    complement (`X vastaa:` + `• neuvonnasta`). In an item the tagger has no `on` before
    the verb, so a finite reading stands for the infinitive the lead-in governs; a
    verb with nothing of its own shares the next verb's complement (`vastata ja
    sovittaa yhteen X:ää`)."""
    tokens = view.tokens
    joining = lexicon().joining
    actors = replace(c.actors, source="lead_in", tokens=frozenset())
    verbs = [
        i for i in range(start, len(tokens))
        if tokens[i].upos == "VERB" and tokens[i].feat("VerbForm") in ("Inf", "Fin")
        and (i == start or tokens[i - 1].text.lower() in joining)
    ]  # fmt: skip
    if c.split == "nominal" and verbs and verbs[0] == start:
        regions = [
            (i + 1, trim_coordinator(tokens, verbs[k + 1]) if k + 1 < len(verbs) else len(tokens))
            for k, i in enumerate(verbs)
        ]
        out = []
        for k, i in enumerate(verbs):
            region, governed_by = regions[k], ""
            if region[1] <= region[0]:
                lender = next(
                    (n for n in range(k + 1, len(verbs)) if regions[n][1] > regions[n][0]), None
                )
                if lender is not None:
                    region, governed_by = regions[lender], tokens[verbs[lender]].lemma
            out.append(
                replace(
                    c,
                    trigger=i,
                    predicate=i,
                    relation=tokens[i].lemma,
                    split="governed",
                    actors=actors,
                    complement=region,
                    governed_by=governed_by,
                )
            )
        return out
    return [replace(c, actors=actors, item=True, complement=(start, len(tokens)))]


def _complement_item(ctx: Context, view: View, frame: Frame) -> tuple[Context, list[Statement]]:
    start = 1 if is_marker(view.tokens, 0) else 0
    found: list[Statement] = []
    for c in frame.candidates:
        for q in _item_candidates(view, start, c):
            found += statements(view, q, _evidence(view))
    return ctx, found


def _actor_item(ctx: Context, view: View, frame: Frame) -> tuple[Context, list[Statement]]:
    """`Kotoutumisen edistämisestä vastaavat:` + `• kunta`: the item's actors take the
    lead-in's tasks; the evidence runs from the lead-in to the item."""
    listed = [m for m in view.mentions if m.case in ("Nom", None)]
    actors = Actors(dedupe(m.actor for m in listed), "lead_in", frozenset(), named(view, listed))
    if not actors:
        # `• Yhdenvertaisuusvaltuutetun toimisto.`: the item's head is its last nominative
        tokens = view.tokens
        head = next(
            (
                i
                for i in range(len(tokens) - 1, -1, -1)
                if tokens[i].upos in ("NOUN", "PROPN") and tokens[i].feat("Case") == "Nom"
            ),
            None,
        )
        resolved = resolve(view, Recall.of(ctx), head, 0) if head is not None else None
        if resolved:
            actors = replace(resolved, source="lead_in", tokens=frozenset())
    if not actors:
        return ctx, []
    found = [
        replace(
            s,
            actors=actors.ids,
            actor_source="lead_in",
            named=actors.named,
            evidence=(s.evidence[0], view.unit.end),
            unknown=actors.unknown,
        )
        for s in frame.statements
    ]
    return ctx.noted(actors.ids).with_unknown(actors.unknown), found


def is_open_lead_in(view: View) -> bool:
    """Whether a unit reads as a lead-in that list items complete: it has a predicate
    with an actor but no task of its own, or tasks with no actor (used to tell a
    heading-like line `Työ- ja elinkeinoministeriö vastaa` from a heading)."""
    for c in keep(match(view, Context())):
        tasks = statements(view, c, _evidence(view))
        if c.actors and (not tasks or _cataphoric(view, c)):
            return True
        if not c.actors and tasks:
            return True
    return False

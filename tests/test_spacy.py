"""The spaCy backend, end to end with the real model (`make setup-spacy`; `.ci/run`
installs it): its tokens are the project's, its parse feeds the tree matcher, Voikko's
lemma and features win on the words Voikko knows, and its statements' offsets are
exact on every document."""

from __future__ import annotations

import json

import pytest

from pipeline.cli import main
from pipeline.document import extract_document
from pipeline.errors import EnvironmentProblem
from pipeline.nlp import load_analyzer
from pipeline.nlp.segment import BlockSpan, split_sentences, tokenize
from pipeline.output import to_json
from pipeline.scoring import read_corpus, score
from tests.conftest import DATA, ROOT, SEED

spacy = pytest.importorskip("spacy")
if not spacy.util.is_package("spacy_fi_experimental_web_md"):
    pytest.skip("spaCy's Finnish model is not installed: make setup-spacy", allow_module_level=True)

from spacy.tokens import Doc  # noqa: E402

from pipeline.nlp.spacy_backend import MODEL, SpacyAnalyzer, _spaces, merge  # noqa: E402
from pipeline.nlp.voikko_backend import readings_of  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture(scope="module")
def analyzer():
    return load_analyzer("spacy")


def _units(text):
    return split_sentences(text, [BlockSpan("paragraph", 0, len(text))])


def test_the_model_runs_over_the_projects_own_tokens(analyzer):
    text = "Työ- ja elinkeinoministeriö vastaa lain (1386/2010) toimeenpanosta ja ELY-keskusten ohjauksesta."
    (sentence,) = analyzer.analyze(text, _units(text))
    assert [t.text for t in sentence.tokens] == [t.text for t in tokenize(text)]
    assert {"Työ-", "ELY-keskusten", "1386/2010"} <= {t.text for t in sentence.tokens}
    assert all(text[t.start : t.end] == t.text for t in sentence.tokens)
    assert all(t.head is not None and t.deprel for t in sentence.tokens)
    verb = next(i for i, t in enumerate(sentence.tokens) if t.text == "vastaa")
    (subject,) = [
        j for j, t in enumerate(sentence.tokens) if t.head == verb + 1 and t.deprel == "nsubj"
    ]
    # UD's analysis of a suspended compound: `Työ-` heads, `elinkeinoministeriö` its conj
    assert sentence.tokens[subject].text == "Työ-"
    assert [t.text for t in sentence.tokens if t.head == subject + 1 and t.deprel == "conj"] == [
        "elinkeinoministeriö"
    ]
    doc = extract_document("t.txt", text.encode(), analyzer)
    assert {tuple(r.actors) for r in doc.responsibilities} == {("tem",)}


def test_voikko_wins_on_the_words_it_knows():
    """Which analysis each token takes, and from where, recorded for one sentence."""
    nlp = spacy.load(MODEL, exclude=["ner"])
    text = "Maahanmuuttaneen on noudatettava Suomen lakeja, Xyzzyn ohjeita ja mm. sääntöjä."
    raw = tokenize(text)
    (doc,) = nlp.pipe([Doc(nlp.vocab, words=[t.text for t in raw], spaces=_spaces(raw))])
    chosen = {
        r.text: (tok.lemma_, merge(readings_of(r), tok.lemma_, tok.pos_, str(tok.morph), tok.dep_))
        for tok, r in zip(doc, raw, strict=True)
    }
    model_lemma, noudatettava = chosen["noudatettava"]
    assert model_lemma == "noutaa"  # the model's fault that Voikko mends
    assert (noudatettava.lemma, noudatettava.source) == ("noudatettava", "voikko")
    assert chosen["lakeja"][1].lemma == "laki" and chosen["lakeja"][1].source == "voikko"
    assert chosen["Xyzzyn"][1].source == "model"  # a word Voikko does not know
    assert chosen[","][1].source == "model"


def test_a_word_the_tree_makes_a_clause_is_a_verb(analyzer):
    text = "Lisäksi kuntien tehtävänä on tukea kansainvälisyyttä ja tasa-arvoa."
    (sentence,) = analyzer.analyze(text, _units(text))
    tukea = next(t for t in sentence.tokens if t.text == "tukea")
    assert (tukea.lemma, tukea.upos) == ("tukea", "VERB")


def test_the_tree_finds_a_correlative_subject(analyzer):
    doc = extract_document(
        "t.txt", "Sekä kunta että hyvinvointialue tukevat järjestöjä.".encode(), analyzer
    )
    assert [(r.actors, r.relation, r.task) for r in doc.responsibilities] == [
        (["kunta", "hyvinvointialue"], "tukea", "järjestöjä")
    ]


def test_the_seed(analyzer):
    doc = extract_document(str(SEED), analyzer=analyzer)
    gold = json.loads((DATA / "gold" / f"{SEED.stem}.json").read_text(encoding="utf-8"))
    assert score(json.loads(to_json(doc)), gold).f1 >= 0.97
    info = doc.nlp
    assert (info.backend, info.model) == ("spacy", f"fi_{analyzer.pipeline().meta['name']}")
    assert info.model_version == analyzer.pipeline().meta["version"]


def _documents():
    from bench.accuracy import project_document

    for gold in sorted((DATA / "gold").glob("*.json")):
        path, data = project_document(gold.stem)
        yield pytest.param(path, data, id=gold.stem)
    if CORPUS.is_dir():
        for text in read_corpus(CORPUS):
            yield pytest.param(f"{text.stem}.txt", text.body.encode("utf-8"), id=text.stem)


@pytest.mark.parametrize(("path", "data"), list(_documents()))
def test_every_statement_offset_is_exact(analyzer, path, data):
    doc = extract_document(path, data, analyzer)
    for r in doc.responsibilities:
        assert doc.text[r.task_span.start : r.task_span.end] == r.task
        assert r.evidence.start <= r.task_span.start and r.task_span.end <= r.evidence.end
        for a in r.actor_spans:
            assert 0 <= a.start < a.end <= len(doc.text)


def test_a_missing_model_is_one_line_before_any_document(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(spacy.util, "is_package", lambda name: False)
    with pytest.raises(EnvironmentProblem, match="make setup-spacy"):
        SpacyAnalyzer().check()
    out = tmp_path / "out"
    assert main(["extract", "--nlp", "spacy", str(SEED), "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: ") and "make setup-spacy" in err[0]
    assert not out.exists()

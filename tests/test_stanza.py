"""The stanza backend, offline: real stanza Documents built from CoNLL-U written for
sentences of the genre, the pipeline's construction, and the missing-model error."""

from __future__ import annotations

import json

import pytest

from pipeline.cli import main
from pipeline.errors import EnvironmentProblem
from pipeline.nlp import load_analyzer
from pipeline.nlp.segment import BlockSpan, split_sentences, tokenize
from tests.conftest import DATA, SEED

stanza = pytest.importorskip("stanza")
from stanza.utils.conll import CoNLL  # noqa: E402

from pipeline.nlp.stanza_backend import StanzaAnalyzer, from_document  # noqa: E402

CONLLU = (DATA / "conllu" / "genre.conllu").read_text(encoding="utf-8")
TEXTS = [line[len("# text = ") :] for line in CONLLU.splitlines() if line.startswith("# text = ")]


@pytest.fixture
def document():
    return CoNLL.conll2doc(input_str=CONLLU)


def test_document_converts_to_the_token_model(document):
    raw = [tokenize(text) for text in TEXTS]
    sentences = from_document(document, raw)
    first = sentences[0]
    assert [t.text for t in first] == ["Kunta", "vastaa", "kotoutumisen", "edistämisestä", "."]
    assert [(t.lemma, t.upos, t.head, t.deprel) for t in first[:2]] == [
        ("kunta", "NOUN", 2, "nsubj"),
        ("vastata", "VERB", 0, "root"),
    ]
    assert first[3].feat("Case") == "Ela"
    for text, tokens in zip(TEXTS, sentences, strict=True):
        assert all(text[t.start : t.end] == t.text for t in tokens)
    negated = sentences[2]
    assert negated[3].feat("Polarity") == "Neg" and negated[4].head == 0


def test_document_with_other_tokens_is_refused(document):
    raw = [tokenize(text) for text in TEXTS]
    raw[0] = raw[0][:-1]
    with pytest.raises(ValueError, match="differently"):
        from_document(document, raw)


def _fake_models(directory, with_mwt=False):
    (directory / "fi").mkdir()
    processors = {"tokenize": {}, "pos": {}, "lemma": {}, "depparse": {}}
    if with_mwt:
        processors["mwt"] = {}
    (directory / "resources.json").write_text(json.dumps({"fi": processors}), encoding="utf-8")


@pytest.mark.parametrize("with_mwt", [False, True], ids=["no-mwt", "mwt"])
def test_pipeline_is_built_from_local_models_and_fed_our_tokens(
    tmp_path, monkeypatch, document, with_mwt
):
    _fake_models(tmp_path, with_mwt)
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path))
    built = {}

    class FakePipeline:
        def __init__(self, lang, **kwargs):
            built.update(lang=lang, **kwargs)

        def __call__(self, pretokenized):
            built["input"] = pretokenized
            return document

    monkeypatch.setattr(stanza, "Pipeline", FakePipeline)
    analyzer = load_analyzer("stanza")
    text = " ".join(TEXTS)
    units = split_sentences(text, [BlockSpan("paragraph", 0, len(text))])
    analysed = analyzer.analyze(text, units)
    assert built["lang"] == "fi" and built["tokenize_pretokenized"] is True
    assert built["download_method"] is None and built["dir"] == str(tmp_path)
    expected = "tokenize,mwt,pos,lemma,depparse" if with_mwt else "tokenize,pos,lemma,depparse"
    assert built["processors"] == expected
    assert built["input"][0] == ["Kunta", "vastaa", "kotoutumisen", "edistämisestä", "."]
    assert analysed[1].tokens[1].lemma == "tehtävä"
    assert all(text[t.start : t.end] == t.text for s in analysed for t in s.tokens)


def test_missing_model_names_the_fix(tmp_path, monkeypatch):
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path / "empty"))
    with pytest.raises(EnvironmentProblem, match="make models"):
        StanzaAnalyzer().check()


def test_cli_reports_missing_model_before_any_document(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path / "empty"))
    out = tmp_path / "out"
    assert main(["extract", "--nlp", "stanza", str(SEED), "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "make models" in err[0]
    assert not out.exists()


# `Sekä kunta että hyvinvointialue`: a correlative coordination the surface rules
# read as the last actor alone; the parse gives `nsubj` with its `conj`.
CORRELATIVE = """# text = Sekä kunta että hyvinvointialue tukevat järjestöjä.
1	Sekä	sekä	CCONJ	_	_	2	cc:preconj	_	_
2	kunta	kunta	NOUN	_	Case=Nom|Number=Sing	5	nsubj	_	_
3	että	että	CCONJ	_	_	4	cc	_	_
4	hyvinvointialue	hyvinvointialue	NOUN	_	Case=Nom|Number=Sing	2	conj	_	_
5	tukevat	tukea	VERB	_	Mood=Ind|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin|Voice=Act	0	root	_	_
6	järjestöjä	järjestö	NOUN	_	Case=Par|Number=Plur	5	obj	_	_
7	.	.	PUNCT	_	_	5	punct	_	_

"""


def _word_doc(word: str):
    """stanza's reading of one word on its own, as the fake pipeline gives it."""
    return CoNLL.conll2doc(
        input_str=f"1\t{word}\t{word.lower()}\tNOUN\t_\tCase=Nom|Number=Sing\t0\troot\t_\t_\n\n"
    )


def test_the_tree_matcher_reads_the_subject_from_the_parse(tmp_path, monkeypatch):
    _fake_models(tmp_path)
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path))
    parsed = CoNLL.conll2doc(input_str=CORRELATIVE)

    class FakePipeline:
        def __init__(self, lang, **kwargs):
            pass

        def __call__(self, pretokenized):
            if len(pretokenized) == 1 and len(pretokenized[0]) == 1:
                return _word_doc(pretokenized[0][0])  # a single word looked up
            return parsed

    monkeypatch.setattr(stanza, "Pipeline", FakePipeline)
    from pipeline.document import extract_document

    text = CORRELATIVE.splitlines()[0][len("# text = ") :]
    with_tree = extract_document("t.txt", text.encode(), load_analyzer("stanza"))
    surface = extract_document("t.txt", text.encode(), load_analyzer("voikko"))
    assert [(r.actors, r.relation, r.task) for r in with_tree.responsibilities] == [
        (["kunta", "hyvinvointialue"], "tukea", "järjestöjä")
    ]
    assert [r.actors for r in surface.responsibilities] == [["hyvinvointialue"]]
    assert with_tree.nlp.backend == "stanza"


def test_stanza_answers_single_words_from_its_parse(document):
    from pipeline.nlp.stanza_backend import StanzaWords

    words = StanzaWords()
    raw = [tokenize(text) for text in TEXTS]
    for tokens in from_document(document, raw):
        words.note(tokens)
    assert words.lemmas("edistämisestä") == ["edistäminen"]
    assert words.lemmas("tuntematon") == []  # not seen, and no pipeline to ask

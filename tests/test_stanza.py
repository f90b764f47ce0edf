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

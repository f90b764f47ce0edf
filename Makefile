# The two commands a user needs: `make extract` and `make test`. Both set up
# their own environment first (a virtualenv in .venv and Debian's Voikko).

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.setup-done
DEBS := libvoikko1 voikko-fi

SOURCES := $(sort $(wildcard sources/*.pdf sources/*.txt))
OUTPUTS := $(patsubst sources/%,outputs/%.json,$(basename $(SOURCES)))
# Reviewed period comparisons: outputs/<old>-vs-<new>.diff.md
DIFFS := outputs/forssan-seutu-2021-2024-vs-2025-2028.diff.md
CODE := $(shell find pipeline -name '*.py' -o -name '*.toml')

.PHONY: all setup setup-stanza setup-spacy system-deps extract test lint schema models bench diff fixtures layout-fixtures clean
.DELETE_ON_ERROR:

all: extract

setup: $(STAMP)

# Debian's Voikko library and Finnish dictionary: installed directly as root,
# otherwise named in the error so the user can install them.
system-deps:
	@if command -v dpkg >/dev/null && ! dpkg -s $(DEBS) >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing Debian packages: $(DEBS)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(DEBS) >/dev/null; \
	  else \
	    echo "error: Debian packages $(DEBS) are missing: run 'sudo apt-get install $(DEBS)', then 'make setup'" >&2; \
	    exit 1; \
	  fi; \
	fi

# Set-up talks on stderr only, so that `make diff ... > report.html` stays clean.
$(STAMP): pyproject.toml | system-deps
	@echo "setting up $(VENV)" >&2
	@$(PYTHON) -m venv $(VENV) >&2
	@$(VENV)/bin/pip install --quiet --disable-pip-version-check -e '.[dev]' >&2
	@touch $@

# Every source to outputs/<stem>.json and its review page outputs/<stem>.html; only
# what changed (source or the pipeline's code) is redone, JOBS at a time (0: one per
# core, at most 4), with progress and a summary; a bad document is reported and the
# rest go on (the exit is non-zero).
JOBS ?= 0
extract: setup
	@$(PY) -m pipeline extract --changed --review --jobs $(JOBS) $(SOURCES) -o outputs/
	@$(MAKE) --no-print-directory $(DIFFS)

outputs/%.json: sources/%.txt $(CODE) | $(STAMP)
	$(PY) -m pipeline extract --review $< -o $@

outputs/%.json: sources/%.pdf $(CODE) | $(STAMP)
	$(PY) -m pipeline extract --review $< -o $@

# `diff` exits 1 when the periods differ, which is the expected outcome here.
outputs/forssan-seutu-2021-2024-vs-2025-2028.diff.md: outputs/forssan-seutu-2021-2024-liite-6.json outputs/forssan-seutu-2025-2028-liite-6.json
	$(PY) -m pipeline diff $^ -o $@ || [ $$? -eq 1 ]

# Re-typeset the PDF sources written for the project from their markup in tests/data/docs.
fixtures: setup
	$(PY) -c "from pathlib import Path; from tests.typeset import read_markup, typeset_pdf; \
	typeset_pdf(Path('sources/forssan-seutu-2025-2028-liite-6.pdf'), \
	read_markup(Path('tests/data/docs/forssan-seutu-2025-2028-liite-6.md')), \
	header='Forssan seudun kotoutumisohjelma 2025–2028')"

# Re-typeset the layout test PDFs (tables, columns) with LibreOffice; needs Debian's
# libreoffice-writer-nogui and libreoffice-voikko. The tests use the committed PDFs.
layout-fixtures: setup
	$(PY) tests/data/layout/make_layout_pdfs.py

test: setup
	$(PY) -m pytest -q

lint: setup
	$(VENV)/bin/ruff check pipeline tests bench
	$(VENV)/bin/mypy

# Compare two programme periods: make diff OLD=outputs/a.json NEW=outputs/b.json [FORMAT=html]
# The report is all that goes to stdout; `diff` exits 1 when the periods differ, which
# is the expected outcome here.
FORMAT ?= md
diff: setup
	@if [ -z "$(OLD)" ] || [ -z "$(NEW)" ]; then \
	  echo "error: give the two outputs to compare: make diff OLD=outputs/old.json NEW=outputs/new.json" >&2; exit 2; fi
	@$(PY) -m pipeline diff $(OLD) $(NEW) --format $(FORMAT) || [ $$? -eq 1 ]

schema: setup
	$(PY) -m pipeline schema schemas

# The optional stanza backend. CPU torch first: a plain `pip install stanza` pulls a
# multi-GB CUDA build.
setup-stanza: setup
	@$(PY) -c "import stanza" 2>/dev/null || { \
	  $(VENV)/bin/pip install --quiet --disable-pip-version-check torch==2.13.0 && \
	  $(VENV)/bin/pip install --quiet --disable-pip-version-check -e '.[dev,stanza]'; }

# The spaCy backend: spaCy and its Finnish model from the package index (offline after).
setup-spacy: setup
	@$(PY) -c "import spacy; assert spacy.util.is_package('spacy_fi_experimental_web_md')" 2>/dev/null || \
	  $(VENV)/bin/pip install --quiet --disable-pip-version-check -e '.[dev,spacy]' >&2

# stanza's Finnish models, for users whose machine reaches the internet.
models: setup-stanza
	$(PY) -c "import stanza; stanza.download('fi')"

# Benchmarks print their figures (accuracy, speed); they assert nothing.
bench: setup
	$(PY) bench/repair.py
	$(PY) bench/nlp.py
	$(PY) bench/accuracy.py
	@if [ -d ../shared/corpus ]; then $(PY) bench/accuracy.py --corpus ../shared/corpus; fi
	$(PY) bench/diff.py
	$(PY) bench/layout.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache

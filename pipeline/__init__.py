"""Extracts the division of responsibilities from Finnish integration programmes.

Stages, one module each: ingest (files -> pages of lines), layout (lines ->
one reflowed text), repair (extraction artefacts), nlp (tokens and analyses),
sections, actors, extract (responsibility statements), diff. `document.py`
runs them in order; `cli.py` is the command line.
"""

__version__ = "0.1.0"

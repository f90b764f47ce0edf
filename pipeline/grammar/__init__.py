"""The extraction as data plus one matcher: analysed units -> responsibility statements.

lexicon.toml        every Finnish word the extraction reads, by class (lexicon.py)
constructions.toml  the constructions as rows, with example sentences (rows.py)
match.py            a unit and the discourse context -> every candidate match
resolve.py          the candidates that do not overlap, by priority
statements.py       a kept candidate -> one statement per task, with spans
discourse.py        units in order: lead-ins and items, headings, fields, anaphora
context.py          the discourse context, immutable, passed from unit to unit

extraction.py       a document's units -> its statements (`extract`), and which
                    heading-like lines are lead-ins of the list after them
"""

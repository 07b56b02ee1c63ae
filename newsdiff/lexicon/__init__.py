"""Word tables, each defined once: the vocabulary the engine's rules are written in.

Plain Python data in the way of spaCy's ``lang/`` modules: no imports beyond the standard
library, so any stage (and the warm start-up path) can import a table for the price of a dict.

- ``dates``: month and weekday names and abbreviations, seasons, parts of the day, holidays.
- ``numbers``: cardinal number words.
- ``tense``: words that put a date or an event ahead or behind (future auxiliaries, plans).
- ``people``: honorifics, role nouns, verbs of saying.
- ``places``: country demonyms.
"""

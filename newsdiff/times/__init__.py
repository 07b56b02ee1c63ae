"""Find temporal expressions in a parsed article and give them TIMEX3 values from its date.

How it works: the rules in ``rules/`` propose spans over the raw text; the longest
non-overlapping ones win; then, in text order, each rule's handler resolves its span against
the publication date (DCT), the tense of the clause it sits in (``newsdiff.tense``) and the
dates already resolved before it (anchors for "the following day", ``context``). spaCy's
DATE/TIME entities vouch for ambiguous words ("May", "1980") and add vague spans the grammar
has no rule for (``extract``). ``values`` does the calendar arithmetic.

A hand-written grammar rather than ``dateparser``: dateparser resolves one string to one
datetime, with no TIMEX3 granularity (2021-W51, 2021-Q3, PXY, PRESENT_REF), no span finding and
no tense, which is most of the work here.
"""

from __future__ import annotations

from newsdiff.times.extract import extract_times
from newsdiff.times.values import parse_number

__all__ = ["extract_times", "parse_number"]

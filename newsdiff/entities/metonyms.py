"""Places used for the team named after them ("Kansas City beat Indianapolis")."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from newsdiff.entities.records import Form, RawMention, majority_label
from newsdiff.names import (
    GENERIC_ORG_HEADS,
    compact,
)
from newsdiff.unionfind import UnionFind

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: Words before a place name that use it as a location ("in Jackson").
LOCATIVE = frozenset({"in", "at", "to", "from", "near", "outside", "across"})
#: Words that join the parts of an organisation's name.
PREPOSITIONS = frozenset({"of", "for", "in", "on", "at", "and", "&"})

#: Words after a name ("Galatasaray's board", "Nordhavn shares") that only organisations take.
ORG_CUES = frozenset(
    {
        "board",
        "shares",
        "stock",
        "headquarters",
        "coach",
        "squad",
        "fans",
        "players",
        "club",
        "chairman",
        "subsidiary",
        "shareholders",
        "stadium",
        "management",
        "executives",
        "staff",
        "employees",
        "branches",
        "customers",
        "directors",
        "ceo",
        "finances",
        "accounts",
    }
)
#: Last words of organisations named after a place that are not a team's name: "New York" is
#: not "The New York Times" even where the story says "the Times".
_PLACE_NAMED_HEADS = GENERIC_ORG_HEADS | {
    "times",
    "news",
    "globe",
    "post",
    "journal",
    "herald",
    "tribune",
    "daily",
    "observer",
    "airport",
    "port",
    "stock",
    "exchange",
    "zoo",
    "museum",
    "hospital",
    "prison",
    "station",
    "centre",
    "center",
    "police",
    "fire",
}


def is_locative(docs: Sequence[Doc], m: RawMention) -> bool:
    """ "in Jackson", "to Geneva": the name is used as a location."""
    return m.token_start > 0 and docs[m.doc_index][m.token_start - 1].lower_ in LOCATIVE


def takes_org_words(docs: Sequence[Doc], m: RawMention) -> bool:
    """ "Aspen shares", "Galatasaray's board": words after the name that only bodies take."""
    doc = docs[m.doc_index]
    nxt = m.token_end
    if nxt < len(doc) and doc[nxt].tag_ == "POS":
        nxt += 1
    return any(t.lower_ in ORG_CUES for t in doc[nxt : nxt + 2])


def decide_place_metonyms(
    docs: Sequence[Doc],
    mentions: Sequence[RawMention],
    forms: Sequence[Form],
    uf: UnionFind,
    locative: Callable[[Form], bool],
) -> dict[int, int]:
    """A place that begins a team's name is the team when not used as a location.

    Sports reports say "Kansas City beat Indianapolis" for the Chiefs and the Colts. When the
    story names "Kansas City Chiefs" and also calls them "the Chiefs" alone, the place name,
    where it is mostly not after "in"/"at", means the team. The tagger often cuts the full
    name in two ("North Carolina" + "Tar Heels"), so two adjacent mentions count as one name.

    Decided once, per use: returns, for each mention of such a place not used as a location,
    a mention of the team it names. "in Kansas City" stays the city.
    """
    places = {
        compact(f.text): f
        for f in forms
        if not f.is_person and majority_label(f) in {"GPE", "LOC"} and not locative(f)
    }
    if not places:
        return {}
    by_key: dict[str, list[Form]] = defaultdict(list)
    for f in forms:
        by_key[compact(f.text)].append(f)
    # (place, rest, whole name): one mention "Kansas City Chiefs", or two adjacent mentions.
    named: list[tuple[Form, Form, Form | None]] = []
    for g in forms:
        words = g.text.split()
        if g.is_person or len(words) < 2 or majority_label(g) not in {"ORG", "FAC"}:
            continue
        if any(w.lower() in PREPOSITIONS for w in words):
            continue
        for k in range(1, len(words)):
            place = places.get(compact(" ".join(words[:k])))
            rests = by_key.get(compact(" ".join(words[k:])), [])
            if place is None or not rests:
                continue
            root = uf.find(g.mentions[0])
            # The rest must be used alone for this organisation ("the Chiefs").
            rest = next((r for r in rests if uf.find(r.mentions[0]) == root), None)
            if rest is not None:
                named.append((place, rest, g))
            break
    form_of = {i: f for f in forms for i in f.mentions}
    for i in range(len(mentions) - 1):
        a, b = mentions[i], mentions[i + 1]
        if a.doc_index != b.doc_index or a.token_end != b.token_start:
            continue
        if docs[a.doc_index][a.token_end - 1].whitespace_ != " ":
            continue  # "against Jaguars\nIndianapolis Colts": a line break ends a name
        place = places.get(compact(a.text))
        rest = form_of.get(i + 1)
        if place is None or rest is None:
            continue
        if sum(len(f.mentions) for f in by_key[compact(rest.text)]) >= 2:
            named.append((place, rest, None))
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(mentions)):
        members[uf.find(i)].append(i)
    team_uses: dict[int, int] = {}
    for place, rest, _whole in named:
        if not _is_team_name(docs, mentions, rest):
            continue
        root = uf.find(place.mentions[0])
        if root == uf.find(rest.mentions[0]):
            continue
        for i in members[root]:
            if not is_locative(docs, mentions[i]):
                team_uses[i] = rest.mentions[0]
    return team_uses


def _is_team_name(docs: Sequence[Doc], mentions: Sequence[RawMention], rest: Form) -> bool:
    """Teams go by plural names (Chiefs, Tar Heels, 76ers, Red Sox); newspapers do not."""
    last = rest.text.split()[-1]
    plural = last.lower().endswith("s") or any(
        docs[mentions[i].doc_index][mentions[i].token_end - 1].tag_ == "NNPS" for i in rest.mentions
    )
    if not plural or last.lower() in _PLACE_NAMED_HEADS:
        return False
    return majority_label(rest) not in {"GPE", "LOC", "NORP"}

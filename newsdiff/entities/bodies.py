"""Bodies named after a person, a place or a group: "the Obama administration", "Los Angeles
police", "the Indian government", "Islamic State", "the Korvel bank", "Boston Celtics".

Each rule turns a name and the noun after it into one organisation's mention; the clustering
keeps it apart from the person or place and links the two (``clustering.led_by``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsdiff.entities.headlines import is_headline
from newsdiff.entities.records import RawMention, respan
from newsdiff.names import GENERIC_ORG_HEADS, demonym_country

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


#: Nouns that turn a leader's name into the body they lead ("the Obama administration").
LED_BODIES = frozenset(
    {"administration", "government", "cabinet", "campaign", "camp", "team", "regime", "junta"}
)


def _covered(mentions: Sequence[RawMention]) -> set[tuple[int, int]]:
    """(document, token) of every word some mention already holds."""
    return {(m.doc_index, k) for m in mentions for k in range(m.token_start, m.token_end)}


def _free_word_after(doc: Doc, m: RawMention, covered: set[tuple[int, int]]) -> Token | None:
    """The word right after a mention that may still join it into a body's name.

    None at the end of the text, when another mention holds the word (it is a name of its
    own), or when no space separates them (the "'s" of "Israel's", the "-" of "Paris-based").
    """
    te = m.token_end
    if te >= len(doc) or (m.doc_index, te) in covered or doc[te - 1].whitespace_ != " ":
        return None
    return doc[te]


def person_led_bodies(docs: Sequence[Doc], mentions: list[RawMention]) -> list[RawMention]:
    """ "The Obama administration" is an organisation, not Barack Obama.

    A person's name followed by a lower-case noun such as "administration" or "campaign" names
    the body that person leads; the mention covers both words and is labelled ORG.
    """
    out: list[RawMention] = []
    for m in mentions:
        doc = docs[m.doc_index]
        nxt = doc[m.token_end] if m.token_end < len(doc) else None
        if (
            m.label == "PERSON"
            and nxt is not None
            and nxt.lower_ in LED_BODIES
            and nxt.text.islower()
            and doc[m.token_end - 1].whitespace_
        ):
            m = respan(doc, m, m.token_start, m.token_end + 1, "ORG")
        out.append(m)
    return out


#: Lower-case nouns of institutions that take their founder's or owner's name ("the Korvel
#: bank", "the Kennedy school"); not "house" or "family", which a person also has.
_NAMED_INSTITUTIONS = frozenset(
    {"bank", "university", "college", "school", "hospital", "institute", "foundation"}
    | {"agency", "company", "group", "club"}
)


def named_institutions(docs: Sequence[Doc], mentions: list[RawMention]) -> list[RawMention]:
    """ "A branch of the Korvel bank": one name before an institution's noun names it.

    The tagger often calls such a name a person. After a determiner, a single name right
    before a lower-case noun such as "bank" or "school" is that institution's name, written
    with the noun in lower case; the mention covers both and is an organisation, so it is the
    same form as "Korvel Bank". Places keep their own reading ("the Lisbon bank" is a bank in
    Lisbon).
    """
    out: list[RawMention] = []
    for m in mentions:
        doc = docs[m.doc_index]
        ts, te = m.token_start, m.token_end
        if (
            m.label == "PERSON"
            and te - ts == 1
            and ts > 0
            and doc[ts - 1].lower_ in {"the", "a", "an"}
            and te < len(doc)
            and doc[te].lower_ in _NAMED_INSTITUTIONS
            and doc[te].text.islower()
            and doc[ts].whitespace_ == " "
        ):
            m = respan(doc, m, ts, te + 1, "ORG")
        out.append(m)
    return out


def group_led_bodies(docs: Sequence[Doc], mentions: list[RawMention]) -> list[RawMention]:
    """ "Islamic State", "Democratic Party": a group's adjective and a capitalised generic
    head the tagger left out make one organisation's name.

    Only a head no mention holds, that ends the name (no capitalised word follows it).
    """
    covered = _covered(mentions)
    out: list[RawMention] = []
    for m in mentions:
        doc = docs[m.doc_index]
        te = m.token_end
        nxt = _free_word_after(doc, m, covered)
        if (
            m.label == "NORP"
            and nxt is not None
            and nxt.lower_ in GENERIC_ORG_HEADS
            and nxt.text[:1].isupper()
            and nxt.pos_ == "PROPN"
            and not (te + 1 < len(doc) and doc[te + 1].text[:1].isupper())
        ):
            m = respan(doc, m, m.token_start, te + 1, "ORG")
            m.demonym_of = None
        out.append(m)
    return out


#: Lower-case nouns that turn a place's name or its people's adjective into that place's
#: governing or policing body ("Los Angeles police", "the Indian government").
PLACE_BODIES = frozenset(
    {"police", "government", "administration", "council", "legislature", "parliament"}
    | {"navy", "army"}
)
#: Lower-case words that go on such a body's name ("the Dallas police department").
BODY_TAILS = frozenset({"department", "force", "service"})


def place_led_bodies(docs: Sequence[Doc], mentions: list[RawMention]) -> list[RawMention]:
    """ "Los Angeles police", "the Indian government": a body of the place, not the place.

    English names a place's police or government by putting the place, or its adjective,
    before the lower-case noun. The mention covers both and is an organisation, which the
    clustering keeps apart from the place and links to it (``led_by``), as "the Obama
    administration" is linked to, not merged with, Obama. A capitalised noun ("Los Angeles
    Police Department") is already part of the tagger's name.
    """
    covered = _covered(mentions)
    out: list[RawMention] = []
    for m in mentions:
        doc = docs[m.doc_index]
        te = m.token_end
        nxt = _free_word_after(doc, m, covered)
        if (
            nxt is not None
            and m.label in {"GPE", "NORP"}
            and m.text[:1].isupper()  # not "Veltria's communist government"
            and m.abbreviates is None
            and nxt.lower_ in PLACE_BODIES
            and nxt.text.islower()
            and nxt.pos_ == "NOUN"
        ):
            end = te + 1
            if end < len(doc) and doc[end].text in BODY_TAILS and doc[te].whitespace_ == " ":
                end += 1
            m = respan(doc, m, m.token_start, end, "ORG")
            m.demonym_of = None
        out.append(m)
    return out


def place_led_teams(docs: Sequence[Doc], mentions: list[RawMention]) -> list[RawMention]:
    """ "Philadelphia 76ers", "Boston Celtics": a place and a plural name right after it.

    A capitalised (or numbered) plural noun that no mention holds, written after a place's
    name, names the club or body of that place, not the place. Title-case headlines, which
    capitalise every plural ("Peru Villagers Camp"), count only a numbered one.
    """
    covered = _covered(mentions)
    out: list[RawMention] = []
    for m in mentions:
        doc = docs[m.doc_index]
        te = m.token_end
        nxt = _free_word_after(doc, m, covered)
        if (
            nxt is not None
            and m.label == "GPE"
            and m.demonym_of is None
            and m.abbreviates is None
            and nxt.tag_ in {"NNS", "NNPS"}
            and (nxt.text[:1].isdigit() or (nxt.text[:1].isupper() and not is_headline(nxt.sent)))
            and demonym_country(nxt.text) is None
        ):
            m = respan(doc, m, m.token_start, te + 1, "ORG")
        out.append(m)
    return out

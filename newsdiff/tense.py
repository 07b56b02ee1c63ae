"""The tense of the clause a word sits in: whether a date or an event is behind or ahead.

One answer for the whole engine. The time grammar asks it which Friday "Friday" is (the last
one in "met on Friday", the next one in "will meet on Friday"); the talks stage asks it whether
a meeting is over or still to come. Both used to guess separately and disagreed on future
auxiliaries ("would meet", "was scheduled to").

The answer comes from the parser: the verb that governs the word, its auxiliaries and tags,
with the few constructions where that verb says nothing about the word's time (a plan named
in the past, an infinitive after a past verb, a bare participle). Without a parse, the
sentence's words decide.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal

from newsdiff.lexicon.tense import (
    DEADLINE_CUES,
    FUTURE_AUX,
    FUTURE_CUES,
    PLAN_WORDS,
    RESCHEDULE_LEMMAS,
    SCHEDULE_LEMMAS,
)

if TYPE_CHECKING:  # spaCy is only needed for typing: importing this module must stay cheap.
    from spacy.tokens import Token

    from newsdiff.docindex import DocIndex

Tense = Literal["past", "present", "future"] | None

_CLOCK_BEFORE = re.compile(
    r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\.?)?(?:\s+[A-Z]{2,4})?,?\s+(?:on\s+)?\Z"
)
#: Plan verbs whose own tense says nothing about the planned event's ("planned a march on
#: Saturday", "went ahead as scheduled").
_PLAN_LEMMAS = SCHEDULE_LEMMAS | {"reschedule"}
_PLAN_PREPS = frozenset({"for", "on", "to", "until", "till", "in", "at"})
#: Verbs whose infinitive complement is ahead of them: "plans to meet", "agreed to resume".
_FORWARD_HEADS = frozenset(
    {"plan", "expect", "intend", "hope", "aim", "want", "schedule", "set", "agree", "decide",
     "promise", "threaten", "vow", "prepare"}
)  # fmt: skip
#: Modifiers of an event noun that place it: "the upcoming summit", "last week's talks".
_FUTURE_AMODS = frozenset(
    {"upcoming", "planned", "scheduled", "proposed", "next", "coming", "forthcoming",
     "expected", "due"}
)  # fmt: skip
_PAST_AMODS = frozenset({"last", "previous", "recent", "earlier", "past", "former"})
#: Prepositions that put the event ahead of the clause's own time ("ahead of the summit").
_AHEAD_PREPS = frozenset({"for", "toward", "towards"})
_SENTENCE_FUTURE = re.compile(r"\b(?:will|shall|'ll|would|scheduled|going to)\b")
_SENTENCE_PAST = re.compile(r"\b(?:said|was|were|had|did)\b")


def time_tense(index: DocIndex, start: int) -> Tense:
    """Tense for a time expression starting at ``start``: picks last vs next occurrence.

    The words just before the expression ("next", "scheduled", "until") outrank the verb: in
    "said the vote was set for Friday" the plan word, not "said", decides.
    """
    text = index.text
    clock = _CLOCK_BEFORE.search(text, max(0, start - 30), start)
    if clock is not None:
        start = clock.start()  # "until 9 a.m. Tuesday": the cue is before the clock time
    before = index.words_before(start, 3)
    if _pluperfect(index, start):
        return "past"  # "had been scheduled to expire Friday": a plan already overtaken
    if any(w in FUTURE_CUES for w in before[-2:]):
        return "future"
    # "went ahead as planned on Saturday": the plan is only what the event kept to, and
    # the clause's own verb says whether it is past.
    as_planned = "as" in before and any(w in PLAN_WORDS for w in before[before.index("as") + 1 :])
    planned = not as_planned and bool(before) and before[-1] in PLAN_WORDS
    if planned and before[-1] not in ("set", "expected", "moved"):
        return "future"  # "scheduled Thursday"
    plan_prep = len(before) >= 2 and before[-2] in PLAN_WORDS and before[-1] in _PLAN_PREPS
    if plan_prep and not as_planned:
        tok = index.token_at(start)
        plan = index.doc[tok.i - 2] if tok is not None and tok.i >= 2 else None
        if plan is not None and plan.dep_ == "acl" and plan.lower_ == before[-2]:
            # "a service planned for Saturday was cancelled": the plan describes a noun, and
            # the main clause may be after the date; only nearness is left.
            return None
        return "future"  # "set for January 10", "postponed until May"
    if before[-1:] in (["since"], ["ago"]):
        return "past"
    if before[-1:] and before[-1] in DEADLINE_CUES | {"to"} and _moved_to(index, start):
        return "future"  # "extended the deadline until Friday", "pushed the vote to Monday"
    tok = index.token_at(start)
    found = governing_tense(tok) if tok is not None and index.parsed else None
    tense, simple_past = found if found is not None else (sentence_tense(index, start), False)
    if before[-1:] and before[-1] in DEADLINE_CUES and not simple_past:
        return "future"  # "by Friday", "has agreed to wait until May"; not "had left by noon"
    return tense


def event_tense(trigger: Token, called_off: bool = False) -> Tense:
    """When an event sits relative to the report, read from its own clause.

    The one tense function for events: the talks stage asks it whether a meeting is over or
    still to come, and it reads the same governing verb (``governing_tense``) that dates a
    time expression (``time_tense``), so the two never disagree on "would meet" or "was
    scheduled to". A verb trigger has its clause's tense. A noun takes its modifiers first
    ("the upcoming summit", "last week's talks"), then a preposition that looks ahead ("ahead
    of the summit", "heads to Helsinki for the summit"), then the clause it is an argument of
    ("the summit was held"). A cancelled or postponed event was still ahead when it was called
    off, whatever the tense of the calling off.

    Args:
        trigger: The event word (a verb such as "met", or a noun such as "talks").
        called_off: A cancel or postpone verb governs the event.

    Returns:
        The tense, or None when no verb governs the word nearby or that verb leaves the
        event's time open.
    """
    if called_off:
        return "future"
    if trigger.pos_ not in ("VERB", "AUX"):
        mods = {c.lower_ for c in trigger.children if c.dep_ in ("amod", "compound", "poss")}
        if mods & _FUTURE_AMODS:
            return "future"
        if mods & _PAST_AMODS:
            return "past"
        ahead = _ahead_of(trigger)
        if ahead is not None:
            return ahead or None
    return _clause_tense(trigger)


def _clause_tense(tok: Token) -> Tense:
    found = governing_tense(tok)
    return found[0] if found is not None else None


def _ahead_of(trigger: Token) -> Literal["future", ""] | None:
    """ "future" for "ahead of / before the summit", and for "for the summit" unless the
    clause is past (then ""): "prepared for the summit" says nothing about when it is."""
    node = trigger
    for _ in range(4):
        if node.head.i == node.i or node.head.pos_ in ("VERB", "AUX"):
            return None
        prep = node.head
        ahead = prep.lower_ in _AHEAD_PREPS or (prep.lower_ == "of" and prep.head.lower_ == "ahead")
        if node.dep_ == "pobj" and preceding_verb(node) is not None:
            return "future"  # "arrived ahead of Monday's summit": the news is the run-up
        if node.dep_ == "pobj" and ahead:
            verb = prep.head.head if prep.lower_ == "of" else prep.head
            if verb.pos_ in ("VERB", "AUX") and _clause_tense(verb) == "past":
                return ""  # "prepared for the summit": before it, but when is unknown
            return "future"
        node = node.head
    return None


def preceding_verb(trigger: Token) -> Token | None:
    """The verb of a clause that happens before the event: "met May days before his summit".

    The event named after "before", "ahead of" or "prior to" comes after that clause's own
    event, so a weekday for it cannot fall on or before the day of that clause.
    """
    if trigger.dep_ != "pobj":
        return None
    prep = trigger.head
    before = prep.lower_ == "before" or (
        prep.lower_ in ("of", "to") and prep.head.lower_ in ("ahead", "prior")
    )
    if not before:
        return None
    verb = prep.head.head if prep.lower_ in ("of", "to") else prep.head
    return verb if verb.pos_ in ("VERB", "AUX") else None


_PRESENT_BE = frozenset({"is", "are", "am", "'re", "'s"})


def is_progressive(trigger: Token) -> bool:
    """ "is negotiating", "are meeting", "are holding talks", "are in talks", "is on a visit":
    going on as the report is written.

    A noun is in progress when the verb that takes it as object is in the present progressive
    ("are holding talks"), or when it follows "in"/"on" after a present "be" ("are in talks",
    "is on a two-day visit"), the way English states an ongoing activity.
    """
    auxes = {c.lower_ for c in trigger.children if c.dep_ == "aux"}
    if trigger.tag_ == "VBG":
        return bool(auxes & _PRESENT_BE)
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return False
    head = trigger.head
    if trigger.dep_ == "dobj" and head.tag_ == "VBG":
        return any(c.dep_ == "aux" and c.lower_ in _PRESENT_BE for c in head.children)
    if trigger.dep_ == "pobj" and head.lower_ in ("in", "on") and head.dep_ == "prep":
        verb = head.head
        return verb.lemma_ == "be" and verb.lower_ in _PRESENT_BE
    if trigger.dep_ == "nsubj" and head.lower_ in _PRESENT_BE:
        return any(_under_way(c) for c in head.children)  # "talks are under way"
    if trigger.dep_ == "nsubj" and head.lemma_ in _GOING_ON:
        return head.tag_ in ("VBZ", "VBP") or any(  # "the talks continue", "are continuing"
            c.dep_ == "aux" and c.lower_ in _PRESENT_BE for c in head.children
        )
    return False


#: Verbs that say an event they have as subject is going on: "the talks continue".
_GOING_ON = frozenset({"continue", "proceed", "go"})


def _under_way(tok: Token) -> bool:
    """ "under way" (a preposition and its noun) or "underway": in progress."""
    if tok.lower_ == "underway":
        return True
    return tok.lower_ == "under" and any(c.lower_ == "way" for c in tok.children)


def governing_tense(tok: Token) -> tuple[Tense, bool] | None:
    """Tense of the verb governing a token, and whether that verb is a simple (VBD) past.

    Walks up at most six heads to the first verb. None when there is none, so the caller can
    fall back on the sentence.
    """
    node = tok
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX"):
            if (
                node.lemma_ in _PLAN_LEMMAS
                and any(c.lower_ == "as" for c in node.children)
                and node.head is not node
            ):
                node = node.head  # "as planned": the tense is the main clause's
                continue
            if node.lemma_ in _PLAN_LEMMAS and node.tag_ == "VBD" and node.i < tok.i:
                # "planned a march on Saturday": the plan is past, the march named after it
                # may not be, so the tense says nothing about which Saturday (but "On Friday,
                # they planned ..." dates the planning itself).
                return None, False
            if node.lemma_ in _PLAN_LEMMAS and node.dep_ == "acl":
                # "a memorial planned for Saturday was cancelled": a plan describing a noun
                # says nothing about whether its day is still ahead.
                return None, False
            if (
                node.tag_ == "VBG"
                and node.dep_ in ("pcomp", "advcl", "acl", "xcomp")
                and not any(c.dep_ in ("aux", "auxpass") for c in node.children)
                and node.head is not node
            ):
                # "with the third departing from August 6", "leaving on Friday": a bare
                # participle has no tense of its own; its clause's verb does.
                node = node.head
                continue
            tense = verb_tense(node)
            if tense is not None:
                tags = {node.tag_} | {c.tag_ for c in node.children if c.dep_ in ("aux", "auxpass")}
                return tense, tense == "past" and "VBD" in tags
            infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
            if node.tag_ == "VB" and infinitive:
                # "asked him to testify on Feb. 10": an infinitive after a past verb is
                # undirected; the sentence's past tense would wrongly decide.
                return None, False
            return None
        if node.head is node:
            return None
        node = node.head
    return None


def verb_tense(verb: Token, depth: int = 0) -> Tense:
    """Tense of one verb from its tag and auxiliaries; plans and intentions point ahead."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & FUTURE_AUX:
        return "future"
    if verb.lemma_ in _PLAN_LEMMAS | {"postpone"} and (
        verb.tag_ in ("VBN", "VBG") or words & {"is", "are", "was", "were", "be"}
    ):
        return "future"  # "a march planned for Sunday", "talks were scheduled for May 3"
    if "to" in words and verb.tag_ == "VB":
        head = verb.head
        if head is not verb and depth < 2:
            if head.lemma_ in _FORWARD_HEADS or (
                head.lemma_ == "be" and head.tag_ in ("VBZ", "VBP")
            ):
                return "future"  # "plans to meet", "is to resume"
            head_tense = verb_tense(head, depth + 1)
            # "asked him to appear on June 2": the infinitive's event comes after its
            # past-tense head, so the head's tense says nothing about direction.
            return None if head_tense == "past" else head_tense
        return None
    tags = [verb.tag_, *(a.tag_ for a in auxes)]
    if "VBD" in tags:
        return "past"
    if verb.tag_ == "VBN" and words & {"has", "have", "'ve", "'s", "had"}:
        return "past"
    if verb.tag_ == "VBN" and not words & {"is", "are", "am", "'re", "be", "being"}:
        return "past"
    if "going" in words:
        return "future"
    if verb.tag_ in ("VBZ", "VBP", "VBG") or words & {"is", "are", "am", "'re"}:
        return "present"
    return None


def sentence_tense(index: DocIndex, offset: int) -> Tense:
    """Tense of the sentence around an offset, from its words and tags (no parse needed)."""
    s0, s1 = index.sentence_bounds(offset)
    sent = index.text[s0:s1].lower()
    if _SENTENCE_FUTURE.search(sent):
        return "future"
    if index.tagged:
        if any(t.tag_ == "VBD" for t in index.tokens_between(s0, s1)):
            return "past"
        return "present"
    if _SENTENCE_PAST.search(sent):
        return "past"
    return None


def _moved_to(index: DocIndex, start: int) -> bool:
    """True when the verb governing the offset reschedules something (extend, postpone)."""
    tok = index.token_at(start)
    if tok is None or not index.parsed:
        return False
    node = tok
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX"):
            return node.lemma_ in RESCHEDULE_LEMMAS
        if node.head is node:
            return False
        node = node.head
    return False


def _pluperfect(index: DocIndex, start: int) -> bool:
    """True when the verb governing the offset is in the past perfect.

    Infinitives pass the question to the verb they depend on: in "had been due to expire
    Friday" the expiry is what "had been" puts in the past.
    """
    tok = index.token_at(start)
    if tok is None or not index.parsed:
        return False
    node = tok
    for _ in range(8):
        auxes = [c for c in node.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in ("had", "'d") and a.tag_ == "VBD" for a in auxes):
            return True
        if node.pos_ in ("VERB", "AUX") and not any(a.lower_ == "to" for a in auxes):
            return False  # the governing finite verb, and it is not "had ..."
        if node.head is node:
            return False
        node = node.head
    return False

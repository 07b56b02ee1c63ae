"""When an event mention happens: the day its own clause gives it, or the story around it.

``mentions`` finds what a sentence says about an event (its kind, parties, place); this module
dates it. A day belongs to the event when it sits in the event's own phrase or clause, not in
a clause of its own (a saying, a relative clause, an earlier bombing); a bare weekday follows
the event's own tense; an undated event may take the day of the sentence just before when
that sentence is about the event's own party.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from newsdiff.lexicon.people import SPEECH_VERBS
from newsdiff.lexicon.tense import MOVE_LEMMAS, SCHEDULE_LEMMAS
from newsdiff.tense import preceding_verb

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from newsdiff.document import SourceDoc
    from newsdiff.model import TimeExpr


_EXACT_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?$")


def calendar_value(value: str) -> str | None:
    """Keep calendar dates (day, ISO week, month or year); drop durations and vague refs."""
    date_part = value.split("T", 1)[0]
    return date_part if _EXACT_DATE.match(date_part) else None


def in_other_clause(tok: Token, trigger: Token) -> bool:
    """Whether a token sits in a subordinate or relative clause that does not hold the trigger."""
    head = tok
    while head.head.i != head.i:
        if (
            head.pos_ in {"VERB", "AUX"}
            and head.dep_ in {"advcl", "relcl", "acl", "ccomp", "conj"}
            and trigger not in head.subtree
        ):
            return True
        head = head.head
    return False


def times_in(ctx: SourceDoc, start: int, end: int) -> list[TimeExpr]:
    """The time expressions inside ``[start, end)``.

    ``ctx.times`` is in text order (``extract_times`` says so), so a bisection finds the first
    one: called per trigger and sentence, a scan of them all made huge articles quadratic.
    """
    times = ctx.times
    at = bisect.bisect_left(times, start, key=lambda t: t.start)
    out = []
    while at < len(times) and times[at].start < end:
        if times[at].end <= end:
            out.append(times[at])
        at += 1
    return out


def pick_date(
    ctx: SourceDoc, trigger: Token, other_triggers: Sequence[Token], own_only: bool = False
) -> tuple[str | None, str | None]:
    """The date attached to a trigger: in its own phrase first, else the nearest free one."""
    sent = trigger.sent
    doc = ctx.doc
    # The phrase of another trigger inside ours belongs to that trigger ("call ... before talks
    # set for January 10": January 10 dates the talks, not the call).
    blocked: set[int] = set()
    mine = {t.i for t in trigger.subtree}
    for other in other_triggers:
        if other.i == trigger.i:
            continue
        theirs = {t.i for t in other.subtree}
        # An enclosing trigger ("vote ..., and ministers will meet the following day") does
        # not own what is inside our own phrase.
        blocked.update(theirs - mine if trigger.i in theirs else theirs)
    own = mine - blocked
    governing = (
        trigger.head if trigger.dep_ in {"dobj", "nsubj", "nsubjpass", "pobj", "attr"} else None
    )
    if governing is not None and governing.pos_ in {"VERB", "AUX"}:
        own.update(
            t.i
            for child in governing.children
            if child.dep_ in {"prep", "npadvmod", "advmod"} and child.i not in blocked
            for t in child.subtree
        )
        own -= blocked
    own -= _nested_clauses(doc, own, trigger)
    candidates: list[tuple[int, bool, TimeExpr]] = []
    for tx in times_in(ctx, sent.start_char, sent.end_char):
        value = calendar_value(tx.value)
        if value is None:
            continue
        span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
        if span is None:
            continue
        token_ids = {t.i for t in span}
        if token_ids & blocked and not token_ids & own:
            continue
        if own_only and not token_ids & own:
            continue
        before = doc[span.start - 1].lower_ if span.start > 0 else ""
        if before == "from" and _rescheduled(span.root):
            continue  # "delayed his trial from 1990 to 1997": the old date is gone
        if before == "since" or (before in {"until", "till"} and not _rescheduled(span.root)):
            continue  # "the first talks since 2022": a bound of a period, not the event's date
        if _reporting_date(span.root, trigger):
            continue  # "Kerry said Tuesday that he would meet ...": the saying's day
        if not token_ids & own and (
            in_other_clause(span.root, trigger) or not _in_trigger_clause(span.root, trigger)
        ):
            continue  # "... since fighting broke out on April 15": another clause's date
        distance = 0 if token_ids & own else min(abs(t - trigger.i) for t in token_ids) + 100
        if any(t.lower_ in _FORMER for t in doc[max(span.start - 3, 0) : span.start]):
            distance += 50  # "originally set for Monday, postponed to July 30": the old date
        gov = governor(span.root)
        if distance == 0 and gov is not None and gov.i not in {trigger.i, trigger.head.i}:
            distance = 1  # "the talks, which began on Monday, will continue on Thursday"
        # Among equals, a date after the event word: "said on Monday he would meet Erdogan
        # on Friday" (the parser may hang both days on "meet").
        candidates.append((distance, span.start < trigger.i, tx))
    if not candidates:
        return None, None
    candidates.sort(key=lambda c: (c[0], c[1], c[2].start))
    best = candidates[0][2]
    return calendar_value(best.value), best.text


#: Clauses inside the event's phrase that still date it: "a summit planned for Oct. 12",
#: "talks that begin Monday", "the vote, postponed until March".
_DATING_VERBS = (
    SCHEDULE_LEMMAS
    | MOVE_LEMMAS
    | {"hold", "take", "begin", "start", "resume", "open", "convene", "end"}
)


def _nested_clauses(doc: Doc, own: set[int], trigger: Token) -> set[int]:
    """Tokens of other events' clauses inside the trigger's phrase.

    In "the trial of three men charged with setting fire to the depot in 2009", 2009 dates the
    fire, not the trial; in "reopening talks in comments made last month", last month dates
    the comments.
    """
    out: set[int] = set()
    for i in own:
        tok = doc[i]
        if (
            i != trigger.i
            and tok.pos_ in {"VERB", "AUX"}
            and tok.dep_ in {"acl", "relcl", "advcl", "ccomp"}
            and tok.lemma_.lower() not in _DATING_VERBS
            and trigger.i not in {t.i for t in tok.subtree}
        ):
            out.update(t.i for t in tok.subtree)
    return out


def _in_trigger_clause(tok: Token, trigger: Token) -> bool:
    """Whether a time outside the event's phrase still hangs from the event's own clause.

    "will hold talks in Istanbul ... on Thursday" (the parser may hang the day from "hold"):
    yes. "The appeals court Friday dismissed a motion in a case that has delayed the trial":
    no, Friday is the ruling's day and the trial sits in a relative clause below it.
    """
    verb = governor(tok)
    if _a_topic(trigger):
        return False
    if verb is None:
        return True
    while verb.dep_ == "xcomp" and verb.head.i != verb.i:
        verb = verb.head  # "talks are set to begin next week": the day is the talks' own
    node = trigger
    while node.head.i != node.i and node.i != verb.i:
        if _opens_clause(node):
            return False
        node = node.head
    return node.i == verb.i


#: Prepositions that make an event the topic of what governs it.
_TOPIC_PREPS = frozenset({"about", "regarding", "concerning"})


def _a_topic(trigger: Token) -> bool:
    """ "statements made Friday ... about a meeting with the president", "an article on
    Friday about the summit": the event is what is talked about, and a day outside its own
    phrase is the talking's."""
    node = trigger
    for _ in range(6):
        if (node.pos_ in {"VERB", "AUX"} and node.i != trigger.i) or node.head.i == node.i:
            return False
        if node.dep_ == "pobj" and node.head.lower_ in _TOPIC_PREPS:
            return True
        node = node.head
    return False


def _opens_clause(node: Token) -> bool:
    """Whether the dependency above ``node`` starts a clause with a time of its own.

    Coordinated nouns are one phrase ("victims and staffers on a visit"), not two clauses. A
    free adjunct, a bare participle after its clause ("wrapped up on Wednesday, meeting with
    the minister"), elaborates that clause's event and shares its time: it has no subject,
    auxiliary or conjunction of its own to set another one.
    """
    if node.dep_ == "conj":
        return node.pos_ in {"VERB", "AUX"}
    if node.dep_ == "advcl" and _free_adjunct(node):
        return False
    return node.dep_ in {"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis"}


def _free_adjunct(verb: Token) -> bool:
    """ "..., meeting with Ghana's finance minister": a bare -ing clause after its head verb."""
    return (
        verb.tag_ == "VBG"
        and verb.i > verb.head.i
        and not any(
            c.dep_ in {"mark", "aux", "auxpass", "nsubj", "nsubjpass"} for c in verb.children
        )
    )


_FORMER = frozenset({"originally", "initially", "previously", "formerly"})


def governor(tok: Token) -> Token | None:
    """The verb a time expression hangs from ("said" for "said Tuesday")."""
    node = tok
    for _ in range(4):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in {"VERB", "AUX"}:
            return node
    return None


def _rescheduled(tok: Token) -> bool:
    """ "postponed until March 3": the new date of a moved event, not the end of a period."""
    verb = governor(tok)
    return verb is not None and verb.lemma_.lower() in MOVE_LEMMAS


def _reporting_date(tok: Token, trigger: Token) -> bool:
    """Whether a time dates a higher clause (a saying, an agreeing) that holds the trigger.

    In "Kerry said Tuesday that he would be in Switzerland negotiating", Tuesday is when he
    said it; in "agreed in June to send them back for questioning", June is when they agreed; in
    "will vote on March 3, and ministers will meet the following day" March 3 is the vote's.
    In "Biden told Putin on Thursday in a phone call", the call is an argument of "told",
    not a clause below it, so Thursday still dates the call.
    """
    verb = governor(tok)
    if verb is None or verb.i == trigger.i:
        return False
    lemma = verb.lemma_.lower()
    node = trigger
    while node.head.i != node.i:
        if node.head.i == verb.i:
            if node.dep_ not in {"ccomp", "parataxis", "xcomp", "advcl", "conj"}:
                return False
            if node.dep_ == "advcl" and _free_adjunct(node):
                return False  # "wrapped up on Wednesday, meeting with ...": the same day
            # Passive plan verbs lend their date to the planned event: "is scheduled Friday
            # to meet".
            return not (lemma in SCHEDULE_LEMMAS and verb.tag_ == "VBN")
        node = node.head
    # The trigger's clause is not below the saying: "They will meet Monday, he said Friday".
    if lemma not in SPEECH_VERBS:
        return False
    return verb.dep_ in {"parataxis", "ccomp", "advcl", "conj"} or trigger.sent.root.i != verb.i


def context_date(
    ctx: SourceDoc, tok: Token, tense: str | None, entity_label: Mapping[str, str]
) -> tuple[str, str] | None:
    """The day of the sentence before, when its subject is the event's own party.

    A news story states an event with its day, then elaborates it without repeating the day:
    "Ortega said Friday ..." / "Ortega's remarks to a meeting of bankers ...";
    "Lindqvist ... her first stop Monday evening" / "Lindqvist's visit to West Africa ...". The
    sentence just before lends its one calendar day (of its main clause) when the subject of
    that clause is a party of the event (its possessor, its subject, or the possessor of the
    noun it hangs from) and the event's sentence has no day of its own. Parties are people and
    organisations: a place in both sentences ("bombs in Nairobi" / "suspects in the Nairobi
    bombing ... for trial") links nothing. An event still ahead takes no day already past.
    """
    sent = tok.sent
    if sent.start == 0 or _pluperfect_clause(tok):
        return None
    if times_in(ctx, sent.start_char, sent.end_char):
        return None
    prev = ctx.doc[sent.start - 1].sent
    days = set()
    for tx in times_in(ctx, prev.start_char, prev.end_char):
        span = ctx.doc.char_span(tx.start, tx.end, alignment_mode="expand")
        value = calendar_value(tx.value)
        if span is None or value is None or in_other_clause(span.root, prev.root):
            continue
        days.add((value, tx.text))
    subjects = {
        ctx.token_entity[t.i]
        for c in prev.root.children
        if c.dep_ in {"nsubj", "nsubjpass"}
        for t in c.subtree
        if t.i in ctx.token_entity
    }
    parties = {e for e in _own_parties(ctx, tok) if entity_label.get(e) in {"PERSON", "ORG"}}
    pronoun_labels = _pronoun_party(tok)
    linked = subjects & parties or any(entity_label.get(e) in pronoun_labels for e in subjects)
    if len({v for v, _ in days}) != 1 or not linked:
        return None
    value, text = next(iter(days))
    if tense == "future" and ctx.published and value[:10] < ctx.published[:10]:
        return None
    return value, text


def _own_parties(ctx: SourceDoc, tok: Token) -> set[str]:
    """Entities the event's own phrase names as whose it is: "Lindqvist's visit", "Ortega's
    remarks to a meeting", "Okafor said at a news conference", "Lindqvist visited"."""
    holders = [tok]
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        holders.append(tok.head.head)  # the noun or verb the event's phrase hangs from
    elif tok.dep_ in {"dobj", "nsubjpass"}:
        holders.append(tok.head)
    deps = {"poss", "nsubj", "nsubjpass", "compound"}
    return {
        ctx.token_entity[t.i]
        for holder in holders
        for c in holder.children
        if c.dep_ in deps
        for t in c.subtree
        if t.i in ctx.token_entity
    }


#: Personal pronouns and the kinds of party they can stand for.
_PRONOUN_LABELS: Mapping[str, frozenset[str]] = {
    **dict.fromkeys(("he", "him", "his", "she", "her"), frozenset({"PERSON"})),
    **dict.fromkeys(("they", "them", "their"), frozenset({"PERSON", "ORG"})),
}


def _pronoun_party(tok: Token) -> frozenset[str]:
    """The labels a pronoun party of the event may stand for: "She met with Moi", "his visit".

    A personal pronoun that is the event's subject or possessor picks up the subject of the
    sentence before it (the centre of the discourse), so that subject is the event's party when
    they agree: "he"/"she" a person, "they" a person or an organisation.
    """
    holders = [tok]
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        holders.append(tok.head.head)
    elif tok.dep_ in {"dobj", "nsubjpass"}:
        holders.append(tok.head)
    out: frozenset[str] = frozenset()
    for holder in holders:
        for c in holder.children:
            if c.dep_ in {"poss", "nsubj", "nsubjpass"}:
                out |= _PRONOUN_LABELS.get(c.lower_, frozenset())
    return out


def _pluperfect_clause(tok: Token) -> bool:
    """ "had met": an event before the story's own time, not an elaboration of it."""
    node = tok
    while node.pos_ not in {"VERB", "AUX"} and node.head.i != node.i:
        node = node.head
    return any(c.dep_ == "aux" and c.lower_ in {"had", "'d"} for c in node.children)


def after_preceding(ctx: SourceDoc, tok: Token, value: str, text: str) -> str:
    """ "met May on Friday, days before his summit on Monday": the Monday after that Friday."""
    verb = preceding_verb(tok)
    if verb is None or not _BARE_WEEKDAY.match(text):
        return value
    own = {t.i for t in tok.subtree}
    for tx in times_in(ctx, tok.sent.start_char, tok.sent.end_char):
        span = ctx.doc.char_span(tx.start, tx.end, alignment_mode="expand")
        gov = governor(span.root) if span is not None else None
        if span is None or span.root.i in own or gov is None or gov.i != verb.i:
            continue
        try:
            floor = dt.date.fromisoformat((calendar_value(tx.value) or "")[:10])
            day = dt.date.fromisoformat(value)
        except ValueError:
            continue
        while day <= floor:
            day += dt.timedelta(days=7)
        return day.isoformat()
    return value


_BARE_WEEKDAY = re.compile(
    r"^(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day"
    r"(?:\s+(?:morning|afternoon|evening|night))?$",
    re.IGNORECASE,
)


def reanchor_weekday(value: str, text: str, tense: str | None, published: str | None) -> str:
    """A bare weekday goes the way the event's own clause points, not the reporting clause's.

    Example: a Friday 2018-07-13 report; "the summit with Putin on Monday", a summit still
    ahead, is 2018-07-16 even when the time extractor, reading "said", chose 2018-07-09.
    "last Monday", "next Monday" and dated weekdays keep their value.
    """
    if published is None or tense not in {"past", "future"} or not _BARE_WEEKDAY.match(text):
        return value
    try:
        day = dt.date.fromisoformat(value)
        pub = dt.date.fromisoformat(published[:10])
    except ValueError:
        return value
    if tense == "future" and pub - dt.timedelta(days=7) < day < pub:
        return (day + dt.timedelta(days=7)).isoformat()
    if tense == "past" and pub < day < pub + dt.timedelta(days=7):
        return (day - dt.timedelta(days=7)).isoformat()
    return value


def date_after(ctx: SourceDoc, tok: Token) -> tuple[str | None, str | None]:
    sent = tok.sent
    for tx in times_in(ctx, tok.idx, sent.end_char):
        value = calendar_value(tx.value)
        if value is not None:
            return value, tx.text
    return None, None

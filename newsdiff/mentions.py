"""Event mentions of one source: trigger, factuality, date, place, parties, topic.

Each mention is what one sentence says about one event. ``talks`` merges them across
sentences and sources into the entries a reader sees.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsdiff.document import SourceDoc
from newsdiff.events import Factuality, factuality, trigger_kind
from newsdiff.lexicon.people import ROLE_NOUNS, SPEECH_VERBS
from newsdiff.model import TimeExpr
from newsdiff.tense import event_tense, is_progressive, preceding_verb

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_EXACT_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?$")


@dataclass(slots=True)
class EventMention:
    """What one sentence of one source says about one event."""

    kind: str
    source: str
    sentence: str
    trigger: int
    date: str | None
    date_text: str | None
    where: str | None
    participants: list[str]
    topic: str | None
    published: str | None
    order: int
    place_text: str | None = None
    tense: str | None = None
    anaphoric: bool = False
    status: str | None = None
    """``cancelled`` or ``postponed`` when the sentence says so."""
    planned: bool = False
    """Planned or announced ahead ("plans to meet", "will meet"), not reported as done."""
    context_date: tuple[str, str] | None = None
    """For an undated mention, the (value, text) of the day the sentence before gives its
    subject; used only if the mention joins no event of its own kind."""


def _calendar_value(value: str) -> str | None:
    """Keep calendar dates (day, ISO week, month or year); drop durations and vague refs."""
    date_part = value.split("T", 1)[0]
    return date_part if _EXACT_DATE.match(date_part) else None


def _in_other_clause(tok: Token, trigger: Token) -> bool:
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


def _times_in(ctx: SourceDoc, start: int, end: int) -> list[TimeExpr]:
    return [t for t in ctx.times if t.start >= start and t.end <= end]


def _definite(tok: Token) -> bool:
    """ "these discussions" refers back to an event named earlier, with that event's date."""
    return tok.pos_ != "VERB" and any(
        c.dep_ == "det" and c.lower_ in {"these", "this", "those", "that"} for c in tok.children
    )


def _pick_date(
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
    for tx in _times_in(ctx, sent.start_char, sent.end_char):
        value = _calendar_value(tx.value)
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
            _in_other_clause(span.root, trigger) or not _in_trigger_clause(span.root, trigger)
        ):
            continue  # "... since fighting broke out on April 15": another clause's date
        distance = 0 if token_ids & own else min(abs(t - trigger.i) for t in token_ids) + 100
        if any(t.lower_ in _FORMER for t in doc[max(span.start - 3, 0) : span.start]):
            distance += 50  # "originally set for Monday, postponed to July 30": the old date
        gov = _governor(span.root)
        if distance == 0 and gov is not None and gov.i not in {trigger.i, trigger.head.i}:
            distance = 1  # "the talks, which began on Monday, will continue on Thursday"
        # Among equals, a date after the event word: "said on Monday he would meet Erdogan
        # on Friday" (the parser may hang both days on "meet").
        candidates.append((distance, span.start < trigger.i, tx))
    if not candidates:
        return None, None
    candidates.sort(key=lambda c: (c[0], c[1], c[2].start))
    best = candidates[0][2]
    return _calendar_value(best.value), best.text


#: Clauses inside the event's phrase that still date it: "a summit planned for Oct. 12",
#: "talks that begin Monday", "the vote, postponed until March".
_DATING_VERBS = frozenset(
    {"schedule", "set", "plan", "slate", "due", "expect", "hold", "take", "begin", "start",
     "resume", "open", "postpone", "delay", "reschedule", "move", "push", "convene", "end"}
)  # fmt: skip


def _nested_clauses(doc: Doc, own: set[int], trigger: Token) -> set[int]:
    """Tokens of other events' clauses inside the trigger's phrase.

    In "the trial of two Libyans suspected of blowing up the plane in 1988", 1988 dates the
    bombing, not the trial; in "resuming talks in remarks made last week", last week dates
    the remarks.
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
    yes. "The World Court Friday rejected objections to a case that has blocked the trial":
    no, Friday is the ruling's day and the trial sits in a relative clause below it.
    """
    verb = _governor(tok)
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
    """ "..., meeting with Kenya's trade minister": a bare -ing clause after its head verb."""
    return (
        verb.tag_ == "VBG"
        and verb.i > verb.head.i
        and not any(
            c.dep_ in {"mark", "aux", "auxpass", "nsubj", "nsubjpass"} for c in verb.children
        )
    )


_FORMER = frozenset({"originally", "initially", "previously", "formerly"})


def _governor(tok: Token) -> Token | None:
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
    verb = _governor(tok)
    return verb is not None and verb.lemma_.lower() in {"postpone", "delay", "defer", "push"}


#: Passive plan verbs lend their date to the planned event: "is scheduled Friday to meet".
_PLANNED = frozenset({"schedule", "set", "expect", "due", "slate", "plan"})


def _reporting_date(tok: Token, trigger: Token) -> bool:
    """Whether a time dates a higher clause (a saying, an agreeing) that holds the trigger.

    In "Kerry said Tuesday that he would be in Switzerland negotiating", Tuesday is when he
    said it; in "agreed in April to hand them over for trial", April is when they agreed; in
    "will vote on March 3, and ministers will meet the following day" March 3 is the vote's.
    In "Biden told Putin on Thursday in a phone call", the call is an argument of "told",
    not a clause below it, so Thursday still dates the call.
    """
    verb = _governor(tok)
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
            return not (lemma in _PLANNED and verb.tag_ == "VBN")
        node = node.head
    # The trigger's clause is not below the saying: "They will meet Monday, he said Friday".
    if lemma not in SPEECH_VERBS:
        return False
    return verb.dep_ in {"parataxis", "ccomp", "advcl", "conj"} or trigger.sent.root.i != verb.i


#: Verbs whose subject takes part in the event they govern: "X and Y held talks".
_HOLD_VERBS = frozenset(
    {"hold", "have", "host", "attend", "join", "begin", "start", "resume", "open", "conduct",
     "convene", "organize", "organise", "plan", "schedule", "set", "seek", "agree", "arrange",
     "chair", "lead", "end", "conclude", "wrap", "finish", "make", "place", "cancel", "postpone",
     "call", "request", "propose", "announce", "complete", "continue", "enter", "launch"}
)  # fmt: skip
_PARTY_PREPS = frozenset({"between", "with", "among", "involving", "of", "by"})
#: Events that belong to someone rather than bring parties together: "the trial of X", "a
#: vote by the Senate", "sentencing for Manafort"; "the 2016 election with Putin" is a
#: phrase hung on the wrong word.
_OWNED_KINDS = frozenset({"election", "vote", "trial", "sentencing", "arraignment", "deadline"})
_OWNER_PREPS = frozenset({"of", "by", "for"})
_LEAD_VERBS = frozenset({"lead", "host", "chair", "attend", "involve", "hold"})


def _is_modifier_of_person(tok: Token, ctx: SourceDoc) -> bool:
    """ "US" in "US Secretary of State Antony Blinken" qualifies a person; it is not a party."""
    head = tok
    for _ in range(4):
        if head.dep_ not in {"compound", "amod", "nmod", "poss", "pobj", "prep"}:
            return False
        head = head.head
        if head.i in ctx.token_entity and head.ent_type_ == "PERSON":
            return True
        if head.pos_ == "NOUN" and head.lower_ in ROLE_NOUNS:
            return True
    return False


def _phrase(tok: Token) -> list[Token]:
    """A phrase without the clauses hanging off it ("Netanyahu, who is to meet Biden, ...")."""
    out = [tok]
    for child in tok.children:
        if child.dep_ in {"relcl", "acl", "advcl", "ccomp", "punct"}:
            continue
        out.extend(_phrase(child))
    return out


def _party_tokens(trigger: Token, preps: frozenset[str] = _PARTY_PREPS) -> list[Token]:
    """Tokens that can name the parties of an event, not the clauses hanging off it."""
    tokens: list[Token] = []
    phrase = _phrase
    for child in trigger.children:
        if (child.dep_ == "prep" and child.lower_ in preps) or child.dep_ in {
            "compound",
            "amod",
            "poss",
            "nmod",
        }:
            tokens.extend(phrase(child))
        elif child.dep_ == "acl" and child.lemma_.lower() in _LEAD_VERBS:
            for grand in child.children:
                if grand.dep_ == "agent":
                    tokens.extend(phrase(grand))
    return tokens


def _participants(
    ctx: SourceDoc, trigger: Token, preps: frozenset[str] = _PARTY_PREPS
) -> list[str]:
    """The parties: "between X and Y", "with X", "X-Y talks", subjects of "meet"/"begin"."""
    tokens: list[Token] = _party_tokens(trigger, preps)
    head = trigger.head
    if trigger.pos_ == "VERB":
        tokens = [
            t
            for c in trigger.children
            if c.dep_ in {"nsubj", "dobj"} or (c.dep_ == "prep" and c.lower_ in preps)
            for t in _phrase(c)
        ]
        if trigger.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in trigger.children):
            # "Erdogan hosted Zelensky on Tuesday and will host Putin on Friday"
            tokens.extend(t for c in head.children if c.dep_ == "nsubj" for t in _phrase(c))
        if trigger.dep_ == "xcomp" and not any(c.dep_ == "nsubj" for c in trigger.children):
            # "Netanyahu plans to meet Clinton", "he is scheduled to meet": the controller.
            controllers = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}]
            for c in controllers:
                if c.tag_ in {"WP", "WDT"} and head.dep_ == "relcl":
                    c = head.head  # "Netanyahu, who is scheduled to meet": the antecedent
                tokens.extend(_phrase(c) if c.dep_ in {"nsubj", "nsubjpass"} else [c])
    elif (
        trigger.dep_ in {"dobj", "nsubjpass"}
        and head.pos_ in {"VERB", "AUX"}
        and head.lemma_.lower() in _HOLD_VERBS
    ):
        # "Russia and Ukraine will hold talks": the holders; not "observers monitored the vote".
        tokens.extend(t for c in head.children if c.dep_ == "nsubj" for t in _phrase(c))
    found: list[str] = []
    for t in sorted(tokens, key=lambda t: t.i):
        eid = ctx.token_entity.get(t.i)
        if eid is None or eid in found:
            continue
        if t.ent_type_ != "PERSON" and _is_modifier_of_person(t, ctx):
            continue
        found.append(eid)
    return found


def _place(
    ctx: SourceDoc, trigger: Token, entity_label: Mapping[str, str]
) -> tuple[str | None, str | None]:
    """A place introduced by "in"/"at" in the trigger's phrase or clause: "in Geneva"."""
    scope = list(trigger.subtree)
    if trigger.head.pos_ in {"VERB", "AUX"}:
        scope.extend(t for c in trigger.head.children if c.dep_ == "prep" for t in c.subtree)
    for t in sorted(scope, key=lambda t: t.i):
        if t.lower_ in {"in", "at"} and t.dep_ == "prep":
            for obj in t.children:
                eid = ctx.token_entity.get(obj.i)
                if eid is not None and entity_label.get(eid) in {"GPE", "LOC", "FAC"}:
                    span = [x for x in obj.subtree if ctx.token_entity.get(x.i) == eid]
                    text = ctx.doc[span[0].i : span[-1].i + 1].text if span else obj.text
                    return eid, text
    return None, None


def _visited(
    ctx: SourceDoc, trigger: Token, entity_label: Mapping[str, str]
) -> tuple[str | None, str | None]:
    """The place of a visit: "will visit Israel", "a visit to Kyiv"."""
    for child in trigger.children:
        objs = [child] if child.dep_ == "dobj" else []
        if child.dep_ == "prep" and child.lower_ == "to":
            objs = [g for g in child.children if g.dep_ == "pobj"]
        for obj in objs:
            eid = ctx.token_entity.get(obj.i)
            if eid is not None and entity_label.get(eid) in {"GPE", "LOC", "FAC"}:
                span = [x for x in obj.subtree if ctx.token_entity.get(x.i) == eid]
                return eid, ctx.doc[span[0].i : span[-1].i + 1].text if span else obj.text
    return None, None


def _topic(trigger: Token) -> str | None:
    """What the event is about: "on nuclear arms control", "to discuss ..."."""
    for child in trigger.children:
        if child.dep_ == "prep" and child.lower_ in {"on", "about", "over", "regarding"}:
            if any(g.ent_type_ in {"DATE", "TIME"} for g in child.children):
                continue  # "on Thursday" is when, not what
            text = "".join(t.text_with_ws for t in child.subtree).strip()
            words = text.split()
            return " ".join(words[1:18]) if len(words) > 1 else None
        if child.dep_ in {"acl", "relcl", "advcl"} and child.lemma_ in {"discuss", "address"}:
            objs = [c for c in child.children if c.dep_ == "dobj"]
            if objs:
                text = "".join(t.text_with_ws for t in objs[0].subtree).strip()
                return " ".join(text.split()[:18])
    return None


def _elliptic_events(
    sent_tokens: Sequence[Token], last_kind: str | None, day_starts: frozenset[int]
) -> list[Token]:
    """ "another Jan. 13" / "another the following day": an event named by "another" and a day.

    The day must follow at once (a time expression starting at "another", after it, or after
    "on"): "another of Elian's great-uncles" or "another round" names no event.
    """
    found = []
    for tok in sent_tokens:
        if tok.lower_ != "another" or last_kind is None:
            continue
        after = tok.doc[tok.i + 1 : tok.i + 3]
        if after and after[0].lower_ in {"on", "at", "for"}:
            after = after[1:]  # "another on Jan. 13"
        if tok.idx in day_starts or (after and after[0].idx in day_starts):
            found.append(tok)
    return found


def _sentence_triggers(
    sent: Span, last_kind: str | None, day_starts: frozenset[int] = frozenset()
) -> list[tuple[Token, str]]:
    """Event words of one sentence with their kinds, in text order."""
    triggers: list[tuple[Token, str]] = []
    for tok in sent:
        kind = trigger_kind(tok)
        if kind is not None:
            triggers.append((tok, kind))
    # Compound nouns: "phone call" is one trigger, "summit meeting" too.
    triggers = [(t, k) for t, k in triggers if not (t.dep_ == "compound" and trigger_kind(t.head))]
    kinds_so_far = [k for _, k in triggers] or ([last_kind] if last_kind else [])
    if kinds_so_far:
        ellipses = _elliptic_events(list(sent), kinds_so_far[-1], day_starts)
        triggers.extend((e, kinds_so_far[-1]) for e in ellipses)
    triggers.sort(key=lambda x: x[0].i)
    return triggers


def extract_mentions(
    ctx: SourceDoc, entity_label: Mapping[str, str], start_order: int = 0
) -> list[EventMention]:
    """Every event mention in one source that reports an event that holds, in text order.

    Negated, refused and hypothetical mentions are read (they still end an ellipsis chain)
    but not returned: "had neither met" or "turned down a meeting" is no entry on a timeline.
    """
    mentions: list[EventMention] = []
    last_kind: str | None = None
    order = start_order
    day_starts = frozenset(t.start for t in ctx.times if _calendar_value(t.value))
    for s_index, sent in enumerate(ctx.doc.sents):
        sid = ctx.sentence_ids[s_index]
        items = _sentence_triggers(sent, last_kind, day_starts)
        trigger_tokens = [t for t, _ in items]
        for tok, kind in items:
            last_kind = kind
            fact = factuality(tok)
            if not fact.is_talk:
                continue
            mentions.append(_mention(ctx, tok, kind, fact, trigger_tokens, entity_label))
            mentions[-1].sentence, mentions[-1].order = sid, order
            order += 1
    return mentions


def _mention(
    ctx: SourceDoc,
    tok: Token,
    kind: str,
    fact: Factuality,
    trigger_tokens: Sequence[Token],
    entity_label: Mapping[str, str],
) -> EventMention:
    """One event mention: date by the event's own clause, parties from its arguments."""
    tense = event_tense(tok, fact.called_off)
    if tok.lower_ == "another":
        date, date_text = _date_after(ctx, tok)
        parts = _participants_after(ctx, tok)
        where, where_text, topic = None, None, None
    else:
        date, date_text = _pick_date(ctx, tok, trigger_tokens, own_only=_definite(tok))
        parts = _participants(ctx, tok)
        if kind in _OWNED_KINDS:
            parts = [p for p in parts if p in _participants(ctx, tok, _OWNER_PREPS)]
        elif kind == "speech":  # the body spoken to takes part: "will speak to Congress"
            parts = _participants(ctx, tok, _PARTY_PREPS | {"to", "before"})
        where, where_text = _place(ctx, tok, entity_label)
        topic = _topic(tok)
    if date is not None and date_text is not None:
        date = reanchor_weekday(date, date_text, tense, ctx.published)
        date = _after_preceding(ctx, tok, date, date_text)
    elif date is None and is_progressive(tok) and ctx.published:
        date, date_text = ctx.published, None  # "is negotiating with the Soviets": now
    context = _context_date(ctx, tok, tense, entity_label) if date is None else None
    if where is None and kind == "visit":
        where, where_text = _visited(ctx, tok, entity_label)
    if where is not None and where in parts:
        parts.remove(where)
    anaphoric = tok.lower_ != "another" and any(
        c.dep_ == "det" and c.lower_ in {"these", "this", "those", "that", "the"}
        for c in tok.children
    )
    return EventMention(
        kind=kind,
        source=ctx.source_id,
        sentence="",
        trigger=tok.i,
        date=date,
        date_text=date_text,
        where=where,
        participants=parts,
        topic=topic,
        published=ctx.published,
        order=0,
        place_text=where_text,
        tense=tense,
        anaphoric=anaphoric,
        status=fact.status,
        planned=fact.modality == "planned" or tense == "future",
        context_date=context,
    )


def _context_date(
    ctx: SourceDoc, tok: Token, tense: str | None, entity_label: Mapping[str, str]
) -> tuple[str, str] | None:
    """The day of the sentence before, when its subject is the event's own party.

    A news story states an event with its day, then elaborates it without repeating the day:
    "Castro said Friday ..." / "Castro's remarks to a conference of economists ...";
    "Albright ... her first stop Tuesday morning" / "Albright's visit to East Africa ...". The
    sentence just before lends its one calendar day (of its main clause) when the subject of
    that clause is a party of the event (its possessor, its subject, or the possessor of the
    noun it hangs from) and the event's sentence has no day of its own. Parties are people and
    organisations: a place in both sentences ("bombs in Nairobi" / "suspects in the Nairobi
    bombing ... for trial") links nothing. An event still ahead takes no day already past.
    """
    sent = tok.sent
    if sent.start == 0 or _pluperfect_clause(tok):
        return None
    if _times_in(ctx, sent.start_char, sent.end_char):
        return None
    prev = ctx.doc[sent.start - 1].sent
    days = set()
    for tx in _times_in(ctx, prev.start_char, prev.end_char):
        span = ctx.doc.char_span(tx.start, tx.end, alignment_mode="expand")
        value = _calendar_value(tx.value)
        if span is None or value is None or _in_other_clause(span.root, prev.root):
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
    if len({v for v, _ in days}) != 1 or not subjects & parties:
        return None
    value, text = next(iter(days))
    if tense == "future" and ctx.published and value[:10] < ctx.published[:10]:
        return None
    return value, text


def _own_parties(ctx: SourceDoc, tok: Token) -> set[str]:
    """Entities the event's own phrase names as whose it is: "Albright's visit", "Castro's
    remarks to a conference", "Satcher said at a news conference", "Albright visited"."""
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


def _pluperfect_clause(tok: Token) -> bool:
    """ "had met": an event before the story's own time, not an elaboration of it."""
    node = tok
    while node.pos_ not in {"VERB", "AUX"} and node.head.i != node.i:
        node = node.head
    return any(c.dep_ == "aux" and c.lower_ in {"had", "'d"} for c in node.children)


def _after_preceding(ctx: SourceDoc, tok: Token, value: str, text: str) -> str:
    """ "met May on Friday, days before his summit on Monday": the Monday after that Friday."""
    verb = preceding_verb(tok)
    if verb is None or not _BARE_WEEKDAY.match(text):
        return value
    own = {t.i for t in tok.subtree}
    for tx in _times_in(ctx, tok.sent.start_char, tok.sent.end_char):
        span = ctx.doc.char_span(tx.start, tx.end, alignment_mode="expand")
        gov = _governor(span.root) if span is not None else None
        if span is None or span.root.i in own or gov is None or gov.i != verb.i:
            continue
        try:
            floor = dt.date.fromisoformat((_calendar_value(tx.value) or "")[:10])
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


def _date_after(ctx: SourceDoc, tok: Token) -> tuple[str | None, str | None]:
    sent = tok.sent
    for tx in _times_in(ctx, tok.idx, sent.end_char):
        value = _calendar_value(tx.value)
        if value is not None:
            return value, tx.text
    return None, None


def _participants_after(ctx: SourceDoc, tok: Token) -> list[str]:
    """Parties of an event named by "another": the phrases after it, not relative clauses."""
    heads = [tok] if tok.dep_ != "det" else [tok, tok.head]
    tokens: list[Token] = []
    for head in heads:
        tokens.extend(t for t in _party_tokens(head) if t.i > tok.i)
        tokens.extend(
            t
            for child in head.children
            if child.dep_ == "prep" and child.i > tok.i
            for t in child.subtree
            if not any(a.dep_ in {"relcl", "acl"} for a in t.ancestors if a.i > child.i)
            and t.dep_ not in {"relcl", "acl"}
        )
    found: list[str] = []
    for t in sorted(tokens, key=lambda t: t.i):
        eid = ctx.token_entity.get(t.i)
        if eid is not None and eid not in found:
            found.append(eid)
    return found

"""Event mentions of one source: trigger, factuality, date, place, parties, topic.

Each mention is what one sentence says about one event; ``event_dates`` finds its day.
``talks`` merges them across sentences and sources into the entries a reader sees.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsdiff.document import SourceDoc
from newsdiff.event_dates import (
    after_preceding,
    calendar_value,
    context_date,
    date_after,
    pick_date,
    reanchor_weekday,
)
from newsdiff.events import Factuality, factuality, trigger_kind
from newsdiff.lexicon.people import ROLE_NOUNS
from newsdiff.tense import event_tense, is_progressive

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


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


def _definite(tok: Token) -> bool:
    """ "these discussions" refers back to an event named earlier, with that event's date."""
    return tok.pos_ != "VERB" and any(
        c.dep_ == "det" and c.lower_ in {"these", "this", "those", "that"} for c in tok.children
    )


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
    "on"): "another of Nadia's cousins" or "another round" names no event.
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
    day_starts = frozenset(t.start for t in ctx.times if calendar_value(t.value))
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
        date, date_text = date_after(ctx, tok)
        parts = _participants_after(ctx, tok)
        where, where_text, topic = None, None, None
    else:
        date, date_text = pick_date(ctx, tok, trigger_tokens, own_only=_definite(tok))
        parts = _participants(ctx, tok)
        if kind in _OWNED_KINDS:
            parts = [p for p in parts if p in _participants(ctx, tok, _OWNER_PREPS)]
        elif kind == "speech":  # the body spoken to takes part: "will speak to Congress"
            parts = _speaker(ctx, tok) + _participants(ctx, tok, _PARTY_PREPS | {"to", "before"})
            parts = list(dict.fromkeys(parts))
        where, where_text = _place(ctx, tok, entity_label)
        topic = _topic(tok)
    if date is not None and date_text is not None:
        date = reanchor_weekday(date, date_text, tense, ctx.published)
        date = after_preceding(ctx, tok, date, date_text)
    elif date is None and is_progressive(tok) and ctx.published:
        date, date_text = ctx.published, None  # "is negotiating with the Danes": now
    context = context_date(ctx, tok, tense, entity_label) if date is None else None
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


#: Verbs whose subject gives the speech they take as object or adjunct: "delivered a speech",
#: "said in a speech", "told reporters during a speech".
_SPEAKING = frozenset({"deliver", "give", "make", "say", "tell", "declare", "announce", "warn"})


def _speaker(ctx: SourceDoc, tok: Token) -> list[str]:
    """Who gives a speech named by a noun: the subject of the verb that delivers it or says
    something in it ("Yeltsin said in a speech on Monday", "Obama gave a speech"). The
    speaker is the speech's agent though the sentence makes it the verb's subject."""
    if tok.pos_ not in {"NOUN", "PROPN"}:
        return []
    verb = tok.head
    if tok.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ in {"in", "during"}:
        verb = verb.head
    elif tok.dep_ != "dobj":
        return []
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in _SPEAKING:
        return []
    found = []
    for c in verb.children:
        if c.dep_ == "nsubj":
            eid = next((ctx.token_entity[t.i] for t in c.subtree if t.i in ctx.token_entity), None)
            if eid is not None:
                found.append(eid)
    return found


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

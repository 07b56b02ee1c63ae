"""Meetings, talks, calls, summits and votes: when, where, who, about what, across sources."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from newsdiff.lexicon.people import ROLE_NOUNS
from newsdiff.model import Talk, TalkStatus, TimeExpr
from newsdiff.names import demonym_country
from newsdiff.tense import event_tense

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Noun lemmas that name an event between parties, mapped to the kind shown to users.
EVENT_NOUNS: Mapping[str, str] = {
    "meeting": "meeting",
    "talk": "talks",
    "negotiation": "talks",
    "discussion": "talks",
    "consultation": "talks",
    "summit": "summit",
    "call": "call",
    "phonecall": "call",
    "conversation": "call",
    "interview": "call",
    "vote": "vote",
    "referendum": "vote",
    "ballot": "vote",
    "conference": "conference",
    "session": "meeting",
    "hearing": "hearing",
    "visit": "visit",
}
#: Nouns that only name an event when a phone/video word is attached (a "conversation" alone is
#: too vague to put on a timeline).
_NEEDS_PHONE = frozenset({"conversation", "interview"})
_PHONE_WORDS = frozenset({"phone", "telephone", "video", "virtual", "call", "videoconference"})
#: Nouns where only the plural names the event ("talks", "discussions").
_PLURAL_ONLY = frozenset({"talk", "discussion", "consultation"})
EVENT_VERBS: Mapping[str, str] = {"meet": "meeting", "negotiate": "talks", "vote": "vote"}

_EXACT_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?$")


@dataclass(slots=True)
class SourceContext:
    """Everything talks extraction needs about one analysed source."""

    source_id: str
    published: str | None
    doc: Doc
    sentence_ids: Sequence[str]
    times: Sequence[TimeExpr]
    token_entity: Mapping[int, str]
    """Token index -> entity id for tokens inside an entity mention."""


@dataclass(slots=True)
class _EventMention:
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


def _is_trigger(tok: Token) -> str | None:
    lemma = tok.lemma_.lower()
    if tok.dep_ == "compound" and tok.head.lower_ in ROLE_NOUNS:
        return None  # "conference chair", "summit host": a role, not an event
    if tok.pos_ in {"NOUN", "PROPN"} and lemma in EVENT_NOUNS:
        if lemma in _PLURAL_ONLY and tok.tag_ != "NNS":
            return None
        if lemma in _NEEDS_PHONE and not any(
            t.lower_ in _PHONE_WORDS for t in (*tok.lefts, *tok.children)
        ):
            return None
        if (
            lemma == "call"
            and tok.i > 0
            and tok.doc[tok.i - 1].lower_ in {"a", "the"}
            and any(c.dep_ == "prep" and c.lower_ == "for" for c in tok.children)
        ):
            return None  # "a call for restraint" is an appeal, not a phone call
        kind = EVENT_NOUNS[lemma]
        if kind == "meeting" and any(
            t.lower_ in _PHONE_WORDS for t in tok.subtree if t.i > tok.i and t.i - tok.i < 4
        ):
            kind = "call"  # "a meeting by phone"
        return kind
    if tok.pos_ == "VERB" and lemma in EVENT_VERBS:
        return EVENT_VERBS[lemma]
    # "spoke by phone with", "talked on the telephone to", "phoned": a call.
    if tok.pos_ == "VERB" and (
        lemma in {"phone", "telephone"}
        or (
            lemma in {"speak", "talk"}
            and any(
                c.dep_ in {"prep", "agent"} and any(g.lower_ in _PHONE_WORDS for g in c.children)
                for c in tok.children
            )
        )
    ):
        return "call"
    return None


def _times_in(ctx: SourceContext, start: int, end: int) -> list[TimeExpr]:
    return [t for t in ctx.times if t.start >= start and t.end <= end]


def _definite(tok: Token) -> bool:
    """ "these discussions" refers back to an event named earlier, with that event's date."""
    return tok.pos_ != "VERB" and any(
        c.dep_ == "det" and c.lower_ in {"these", "this", "those", "that"} for c in tok.children
    )


def _pick_date(
    ctx: SourceContext, trigger: Token, other_triggers: Sequence[Token], own_only: bool = False
) -> tuple[str | None, str | None]:
    """The date attached to a trigger: in its own phrase first, else the nearest free one."""
    sent = trigger.sent
    doc = ctx.doc
    subtree = list(trigger.subtree)
    # The phrase of another trigger inside ours belongs to that trigger ("call ... before talks
    # set for January 10": January 10 dates the talks, not the call).
    blocked: set[int] = set()
    mine = {t.i for t in subtree}
    for other in other_triggers:
        if other.i == trigger.i:
            continue
        theirs = {t.i for t in other.subtree}
        # An enclosing trigger ("vote ..., and ministers will meet the following day") does
        # not own what is inside our own phrase.
        blocked.update(theirs - mine if trigger.i in theirs else theirs)
    own = {t.i for t in subtree} - blocked
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
    candidates: list[tuple[int, TimeExpr]] = []
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
        if span.start > 0 and doc[span.start - 1].lower_ in {"since", "until", "till"}:
            continue  # "the first talks since 2022": a bound of a period, not the event's date
        if not token_ids & own and _in_other_clause(span.root, trigger):
            continue  # "... since fighting broke out on April 15": another clause's date
        distance = 0 if token_ids & own else min(abs(t - trigger.i) for t in token_ids) + 100
        candidates.append((distance, tx))
    if not candidates:
        return None, None
    candidates.sort(key=lambda c: (c[0], c[1].start))
    best = candidates[0][1]
    return _calendar_value(best.value), best.text


_PARTY_PREPS = frozenset({"between", "with", "among", "involving", "of", "by"})
_LEAD_VERBS = frozenset({"lead", "host", "chair", "attend", "involve", "hold"})


def _is_modifier_of_person(tok: Token, ctx: SourceContext) -> bool:
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


def _party_tokens(trigger: Token) -> list[Token]:
    """Tokens that can name the parties of an event, not the clauses hanging off it."""
    tokens: list[Token] = []

    def phrase(tok: Token) -> list[Token]:
        out = [tok]
        for child in tok.children:
            if child.dep_ in {"relcl", "acl", "advcl", "ccomp", "punct"}:
                continue
            out.extend(phrase(child))
        return out

    for child in trigger.children:
        if (child.dep_ == "prep" and child.lower_ in _PARTY_PREPS) or child.dep_ in {
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


def _participants(ctx: SourceContext, trigger: Token) -> list[str]:
    """The parties: "between X and Y", "with X", "X-Y talks", subjects of "meet"/"begin"."""
    tokens: list[Token] = _party_tokens(trigger)
    head = trigger.head
    if trigger.pos_ == "VERB":
        tokens = [
            t
            for c in trigger.children
            if c.dep_ in {"nsubj", "dobj"} or (c.dep_ == "prep" and c.lower_ in _PARTY_PREPS)
            for t in c.subtree
        ]
    elif trigger.dep_ in {"dobj", "nsubjpass"} and head.pos_ in {"VERB", "AUX"}:
        tokens.extend(t for c in head.children if c.dep_ == "nsubj" for t in c.subtree)
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
    ctx: SourceContext, trigger: Token, entity_label: Mapping[str, str]
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


def _period(value: str) -> tuple[dt.date, dt.date] | None:
    """First and last day of a calendar value: a day, an ISO week, a month or a year."""
    try:
        if "-W" in value:
            year, week = value.split("-W")
            first = dt.date.fromisocalendar(int(year), int(week), 1)
            return first, first + dt.timedelta(days=6)
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 3:
            day = dt.date(parts[0], parts[1], parts[2])
            return day, day
        if len(parts) == 2:
            first = dt.date(parts[0], parts[1], 1)
            nxt = dt.date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
            return first, nxt - dt.timedelta(days=1)
        return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    except ValueError:
        return None


def _status(date: str | None, published: str | None, tense: str | None) -> TalkStatus:
    """Scheduled after publication, ongoing on the day, past before.

    A week, month or year that contains the publication day ("early December" in an article
    of December 30) is decided by the verb's tense.
    """
    span = _period(date) if date else None
    pub = _period(published) if published else None
    if span is None or pub is None:
        return "past" if tense == "past" else "scheduled"
    if span[0] > pub[1]:
        return "scheduled"
    if span[1] < pub[0]:
        return "past"
    if span[0] != span[1] and tense == "past":
        return "past"
    if span[0] != span[1] and tense == "future":
        return "scheduled"
    return "ongoing"


def _elliptic_events(sent_tokens: Sequence[Token], last_kind: str | None) -> list[Token]:
    """ "another Jan. 13" / "another the following day": an event named by "another" alone."""
    found = []
    for tok in sent_tokens:
        if tok.lower_ != "another" or last_kind is None:
            continue
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if nxt is None or (nxt.pos_ == "NOUN" and nxt.ent_type_ not in {"DATE", "TIME"}):
            continue
        found.append(tok)
    return found


def extract_mentions(
    ctx: SourceContext, entity_label: Mapping[str, str], start_order: int = 0
) -> list[_EventMention]:
    """Every event mention in one source, in text order."""
    mentions: list[_EventMention] = []
    last_kind: str | None = None
    order = start_order
    for s_index, sent in enumerate(ctx.doc.sents):
        sid = ctx.sentence_ids[s_index]
        triggers: list[tuple[Token, str]] = []
        for tok in sent:
            kind = _is_trigger(tok)
            if kind is not None:
                triggers.append((tok, kind))
        # Compound nouns: "phone call" is one trigger, "summit meeting" too.
        triggers = [
            (t, k)
            for t, k in triggers
            if not (t.dep_ == "compound" and _is_trigger(t.head) is not None)
        ]
        kinds_so_far = [k for _, k in triggers] or ([last_kind] if last_kind else [])
        ellipses = _elliptic_events(list(sent), kinds_so_far[-1] if kinds_so_far else None)
        trigger_tokens = [t for t, _ in triggers] + ellipses
        items = [*triggers, *((e, kinds_so_far[-1]) for e in ellipses if kinds_so_far)]
        items.sort(key=lambda x: x[0].i)
        for tok, kind in items:
            if tok.lower_ == "another":
                date, date_text = _date_after(ctx, tok)
                parts = _participants_after(ctx, tok)
                where, where_text = None, None
                topic = None
            else:
                date, date_text = _pick_date(ctx, tok, trigger_tokens, own_only=_definite(tok))
                parts = _participants(ctx, tok)
                where, where_text = _place(ctx, tok, entity_label)
                topic = _topic(tok)
            if where is not None and where in parts:
                parts.remove(where)
            anaphoric = tok.lower_ != "another" and any(
                c.dep_ == "det" and c.lower_ in {"these", "this", "those", "that", "the"}
                for c in tok.children
            )
            mentions.append(
                _EventMention(
                    kind,
                    ctx.source_id,
                    sid,
                    tok.i,
                    date,
                    date_text,
                    where,
                    parts,
                    topic,
                    ctx.published,
                    order,
                    where_text,
                    event_tense(tok),
                    anaphoric,
                )
            )
            order += 1
            last_kind = kind
    return mentions


def _date_after(ctx: SourceContext, tok: Token) -> tuple[str | None, str | None]:
    sent = tok.sent
    for tx in _times_in(ctx, tok.idx, sent.end_char):
        value = _calendar_value(tx.value)
        if value is not None:
            return value, tx.text
    return None, None


def _participants_after(ctx: SourceContext, tok: Token) -> list[str]:
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


def _kind_title(kind: str) -> str:
    return {
        "call": "Phone call",
        "talks": "Talks",
        "meeting": "Meeting",
        "summit": "Summit",
        "vote": "Vote",
        "conference": "Conference",
        "hearing": "Hearing",
        "visit": "Visit",
    }.get(kind, kind.capitalize())


def build_talks(
    contexts: Sequence[SourceContext],
    entity_label: Mapping[str, str],
    entity_name: Mapping[str, str],
    claim_of_sentence: Mapping[str, str],
) -> list[Talk]:
    """Find event mentions in every source and merge those that report the same event.

    Mentions merge when they have the same kind and date, or the same date and a shared
    participant, or (across sources) sit in aligned sentences with the same kind: then
    different dates or places are a conflict worth showing.
    """
    mentions: list[_EventMention] = []
    for ctx in contexts:
        mentions.extend(extract_mentions(ctx, entity_label, start_order=len(mentions)))
    dated = [m for m in mentions if m.date is not None]
    undated = [m for m in mentions if m.date is None]

    # Pass 1: the same date and kind (or a shared party) is the same event.
    events: list[list[_EventMention]] = []
    for m in dated:
        target = next((ev for ev in events if _same_dated_event(ev, m)), None)
        if target is None:
            events.append([m])
        else:
            target.append(m)
    # Pass 2: events reported by different sources in aligned sentences, with the same kind,
    # are one event even if the dates differ: that disagreement is the conflict to show.
    merged = True
    while merged:
        merged = False
        for a in range(len(events)):
            for b in range(a + 1, len(events)):
                if _aligned_events(events[a], events[b], claim_of_sentence):
                    events[a].extend(events.pop(b))
                    merged = True
                    break
            if merged:
                break
    # Undated mentions: "these discussions" refers back to the last event of its kind in the
    # same source; otherwise it needs a shared party (or an aligned sentence) to attach.
    for m in undated:
        best: tuple[tuple[int, int, int], list[_EventMention]] | None = None
        for ev in events:
            if m.kind != ev[0].kind:
                continue
            same_source = [x for x in ev if x.source == m.source and x.order < m.order]
            shared = set(m.participants) & {p for x in ev for p in x.participants}
            aligned = any(
                claim_of_sentence.get(m.sentence) is not None
                and claim_of_sentence.get(m.sentence) == claim_of_sentence.get(x.sentence)
                for x in ev
            )
            if not (aligned or shared or (m.anaphoric and same_source)):
                continue
            recency = max((x.order for x in same_source), default=-1)
            score = (int(aligned), len(shared), recency)
            if best is None or score > best[0]:
                best = (score, ev)
        if best is not None:
            best[1].append(m)
    by_name = {name.lower(): eid for eid, name in entity_name.items()}
    for m in mentions:
        m.participants = _split_compound_parties(m.participants, entity_name, by_name)
    source_order = [c.source_id for c in contexts]
    talks = [_make_talk(ev, entity_name, entity_label, source_order) for ev in events]
    talks.sort(key=lambda t: (t.date or "9999", t.title))
    return [replace(t, id=f"t{i}") for i, t in enumerate(talks, start=1)]


def _split_compound_parties(
    participants: Sequence[str], entity_name: Mapping[str, str], by_name: Mapping[str, str]
) -> list[str]:
    """ "Russian-American talks" are talks between Russia and the United States."""
    out: list[str] = []
    for eid in participants:
        parts = entity_name.get(eid, "").split("-")
        resolved: list[str] = []
        if len(parts) > 1:
            for part in parts:
                country = demonym_country(part) or part
                found = by_name.get(country.lower())
                if found is None:
                    resolved = []
                    break
                resolved.append(found)
        for r in resolved or [eid]:
            if r not in out:
                out.append(r)
    return out


def _compatible(a: str, b: str) -> bool:
    return a == b or {a, b} <= {"talks", "meeting"}


def _same_dated_event(ev: Sequence[_EventMention], m: _EventMention) -> bool:
    for x in ev:
        if x.date != m.date:
            continue
        shared = set(x.participants) & set(m.participants)
        if x.kind == m.kind or (_compatible(x.kind, m.kind) and (shared or x.source != m.source)):
            return True
        if shared and x.source != m.source:
            return True
    return False


def _aligned_events(
    a: Sequence[_EventMention], b: Sequence[_EventMention], claim_of_sentence: Mapping[str, str]
) -> bool:
    if {x.source for x in a} & {y.source for y in b}:
        return False
    for x in a:
        for y in b:
            cx, cy = claim_of_sentence.get(x.sentence), claim_of_sentence.get(y.sentence)
            if cx is not None and cx == cy and _reported_alike(x.kind, y.kind):
                return True
    return False


def _reported_alike(a: str, b: str) -> bool:
    """Kinds one outlet may call what another calls differently (met vs spoke by phone)."""
    contact = {"meeting", "call", "talks"}
    return a == b or {a, b} <= contact


def _make_talk(
    ev: Sequence[_EventMention],
    entity_name: Mapping[str, str],
    entity_label: Mapping[str, str],
    source_order: Sequence[str],
) -> Talk:
    kinds = [m.kind for m in ev]
    kind = max(set(kinds), key=lambda k: (kinds.count(k), k != "meeting"))
    dates = [m.date for m in ev if m.date]
    by_source_date: dict[str, set[str]] = defaultdict(set)
    for m in ev:
        if m.date:
            by_source_date[m.source].add(m.date)
    best_date = max(set(dates), key=lambda d: (dates.count(d), len(d))) if dates else None
    date_text: dict[str, str] = {}
    for m in ev:
        if m.date_text and m.source not in date_text:
            date_text[m.source] = m.date_text
    places = [m.where for m in ev if m.where]
    where_id = max(set(places), key=places.count) if places else None
    where_text = next((m.place_text for m in ev if m.where == where_id and m.place_text), None)
    participants: list[str] = []
    for m in ev:
        for p in m.participants:
            if p not in participants and p != where_id:
                participants.append(p)
    topic = next((m.topic for m in ev if m.topic), None)
    sources = tuple(s for s in source_order if any(m.source == s for m in ev))
    evidence = tuple(
        dict.fromkeys(
            m.sentence for m in sorted(ev, key=lambda m: (source_order.index(m.source), m.order))
        )
    )
    conflict_reasons = []
    kind_by_source = {m.source: m.kind for m in ev if m.date == best_date}
    if len(set(kind_by_source.values())) > 1:
        per_kind = "; ".join(f"{s}: {k}" for s, k in sorted(kind_by_source.items()))
        conflict_reasons.append(f"reported as different kinds ({per_kind})")
    if len(set(dates)) > 1 and any(
        not (a.startswith(b) or b.startswith(a)) for a in dates for b in dates
    ):
        per = "; ".join(f"{s}: {', '.join(sorted(v))}" for s, v in sorted(by_source_date.items()))
        conflict_reasons.append(f"dates differ ({per})")
    place_by_source = {m.source: m.where for m in ev if m.where}
    if len(set(place_by_source.values())) > 1:
        place_names = "; ".join(
            f"{s}: {entity_name.get(p, p)}" for s, p in sorted(place_by_source.items())
        )
        conflict_reasons.append(f"places differ ({place_names})")
    published = next((m.published for m in ev if m.published), None)
    # Title by the parties at the table: states and organisations if named, else people.
    parties = [p for p in participants if entity_label.get(p) != "PERSON"] or participants
    names = [entity_name.get(p, p) for p in parties[:3]]
    title = _kind_title(kind)
    if len(names) >= 2:
        title += " between " + ", ".join(names[:-1]) + " and " + names[-1]
    elif names:
        title += " with " + names[0]
    elif where_id or where_text:
        title += " in " + ((entity_name.get(where_id) if where_id else None) or where_text or "")
    tenses = [m.tense for m in ev if m.date == best_date and m.tense]
    return Talk(
        id="",
        title=title,
        date=best_date,
        date_text=date_text,
        status=_status(best_date, published, tenses[0] if tenses else None),
        where=(entity_name.get(where_id) if where_id else None) or where_text,
        participants=tuple(participants),
        topic=topic,
        sources=sources,
        evidence=evidence,
        conflict=bool(conflict_reasons),
        conflict_reason="; ".join(conflict_reasons) or None,
        kind=kind,
    )

"""Meetings, talks, calls, summits, hearings and votes merged across sources into one entry.

``mentions`` reads what each sentence says about an event; this module decides which mentions
are one real event (same kind, compatible parties, place and dates) and builds the entry a
reader sees, with its status and the conflicts between sources.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from newsdiff.mentions import EventMention, extract_mentions
from newsdiff.model import Talk, TalkStatus
from newsdiff.names import demonym_country

if TYPE_CHECKING:
    from newsdiff.document import SourceDoc

__all__ = ["build_talks"]


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
    of December 30) is decided by the verb's tense. Without a date, the tense alone decides.
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
        "election": "Election",
        "trial": "Trial",
        "arraignment": "Arraignment",
        "sentencing": "Sentencing",
        "speech": "Speech",
        "deadline": "Deadline",
    }.get(kind, kind.capitalize())


def build_talks(
    contexts: Sequence[SourceDoc],
    entity_label: Mapping[str, str],
    entity_name: Mapping[str, str],
    claim_of_sentence: Mapping[str, str],
) -> list[Talk]:
    """Find event mentions in every source and merge those that report the same event.

    Mentions merge when they have the same kind and date and parties that do not exclude each
    other, or (across sources) sit in aligned sentences with the same kind: then different
    dates or places are a conflict worth showing.
    """
    mentions: list[EventMention] = []
    for ctx in contexts:
        mentions.extend(extract_mentions(ctx, entity_label, start_order=len(mentions)))
    by_name = {name.lower(): eid for eid, name in entity_name.items()}
    for m in mentions:
        m.participants = _split_compound_parties(m.participants, entity_name, by_name)
    events = _merge_dated([m for m in mentions if m.date is not None], claim_of_sentence)
    _attach_undated([m for m in mentions if m.date is None], events, claim_of_sentence)
    source_order = [c.source_id for c in contexts]
    talks = [_make_talk(ev, entity_name, entity_label, source_order) for ev in events]
    talks.sort(key=lambda t: (t.date or "9999", t.title))
    return [replace(t, id=f"t{i}") for i, t in enumerate(talks, start=1)]


def _merge_dated(
    dated: Sequence[EventMention], claim_of_sentence: Mapping[str, str]
) -> list[list[EventMention]]:
    """Group dated mentions into events.

    Pass 1: the same date and kind with parties that do not differ is the same event.
    Pass 2: events reported by different sources in aligned sentences, with the same kind,
    are one event even if the dates differ: that disagreement is the conflict to show. So
    are events of different sources with the same kind and parties, days apart, when neither
    source reports another such event.
    """
    events: list[list[EventMention]] = []
    for m in dated:
        target = next((ev for ev in events if _same_dated_event(ev, m)), None)
        if target is None:
            events.append([m])
        else:
            target.append(m)
    merged = True
    while merged:
        merged = False
        for a in range(len(events)):
            for b in range(a + 1, len(events)):
                if _aligned_events(events[a], events[b], claim_of_sentence) or _same_parties_nearby(
                    events[a], events[b], events
                ):
                    events[a].extend(events.pop(b))
                    merged = True
                    break
            if merged:
                break
    return events


def _attach_undated(
    undated: Sequence[EventMention],
    events: list[list[EventMention]],
    claim_of_sentence: Mapping[str, str],
) -> None:
    """Give undated mentions to the event they refer to, or drop them.

    "these discussions" refers back to the last event of its kind in the same source;
    otherwise a mention needs a shared party or an aligned sentence to attach.
    """
    for m in undated:
        best: tuple[tuple[int, int, int, int, int], list[EventMention]] | None = None
        for ev in events:
            if m.kind != ev[0].kind and not _compatible(m.kind, ev[0].kind):
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
            if m.kind != ev[0].kind and not shared and not _bare_anaphor(m, same_source):
                continue  # "talks" may join a meeting of the same people, nothing else
            if not (aligned or m.anaphoric) and _parties_differ(m, ev):
                continue
            recency = max((x.order for x in same_source), default=-1)
            # A bare definite ("the talks") names the most salient such event: the one its
            # source has mentioned most, then the latest.
            salience = len(same_source) if m.anaphoric and not m.participants else 0
            score = (int(aligned), len(shared), int(m.kind == ev[0].kind), salience, recency)
            if best is None or score > best[0]:
                best = (score, ev)
        if best is not None:
            best[1].append(m)
        elif _planned_alone(m):
            same = next((ev for ev in events if _same_undated_plan(ev, m)), None)
            if same is None:
                events.append([m])
            else:
                same.append(m)
        elif m.context_date is not None:
            m.date, m.date_text = m.context_date
            same = next((ev for ev in events if _same_dated_event(ev, m)), None)
            if same is None:
                events.append([m])
            else:
                same.append(m)


def _bare_anaphor(m: EventMention, same_source: Sequence[EventMention]) -> bool:
    """ "Arafat met Albright on Monday. The talks focused on ...": a definite event noun that
    names no parties of its own refers back to an event its source reported in an earlier
    sentence, whichever word named it (a meeting, talks, a summit). Within one sentence it is
    another event: "met with Burhan on Wednesday to prepare the talks"."""
    return m.anaphoric and not m.participants and any(x.sentence != m.sentence for x in same_source)


def _planned_alone(m: EventMention) -> bool:
    """ "plans to meet soon with Clinton": a planned event with named parties, no day yet.

    Anaphors ("the meeting") and events without parties are left out: they name nothing a
    reader could follow on their own.
    """
    return m.planned and not m.anaphoric and bool(m.participants) and m.tense != "past"


def _same_undated_plan(ev: Sequence[EventMention], m: EventMention) -> bool:
    return all(x.date is None for x in ev) and any(
        x.kind == m.kind and set(x.participants) == set(m.participants) for x in ev
    )


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
    return a == b or {a, b} <= {"talks", "meeting", "summit"}  # a summit is a meeting of leaders


def _parties_differ(m: EventMention, ev: Sequence[EventMention]) -> bool:
    """Both name parties and share none: two meetings, not one ("Biden met X", "Biden met Y"
    have a shared party and may be one; "X met Y" and "Z met W" are two)."""
    theirs = {p for x in ev for p in x.participants}
    return bool(m.participants) and bool(theirs) and not set(m.participants) & theirs


def _same_dated_event(ev: Sequence[EventMention], m: EventMention) -> bool:
    if _parties_differ(m, ev):
        return False
    for x in ev:
        if x.date != m.date:
            continue
        shared = set(x.participants) & set(m.participants)
        if x.kind == m.kind or (_compatible(x.kind, m.kind) and (shared or x.source != m.source)):
            return True
        if shared and x.source != m.source and _reported_alike(x.kind, m.kind):
            return True  # "met" in one outlet, "spoke by phone" in another
    return False


def _aligned_events(
    a: Sequence[EventMention], b: Sequence[EventMention], claim_of_sentence: Mapping[str, str]
) -> bool:
    if {x.source for x in a} & {y.source for y in b}:
        return False
    for x in a:
        for y in b:
            cx, cy = claim_of_sentence.get(x.sentence), claim_of_sentence.get(y.sentence)
            if cx is not None and cx == cy and _reported_alike(x.kind, y.kind):
                return True
    return False


def _parties(ev: Sequence[EventMention]) -> set[str]:
    return {p for m in ev for p in m.participants}


def _same_parties_nearby(
    a: Sequence[EventMention], b: Sequence[EventMention], events: Sequence[Sequence[EventMention]]
) -> bool:
    """One hearing of Hale's motion on March 12 in A, on March 14 in B: one event, two dates.

    Sources are disjoint, the kind is the same, one side's parties include the other's, the
    days are at most a week apart, and neither source has a second such event to choose from.
    """
    sa, sb = {m.source for m in a}, {m.source for m in b}
    pa, pb = _parties(a), _parties(b)
    if sa & sb or a[0].kind != b[0].kind or not pa or not pb or not (pa <= pb or pb <= pa):
        return False
    days = [_day(m.date) for m in (*a, *b)]
    known = [d for d in days if d is not None]
    if len(known) < len(days) or (max(known) - min(known)).days > 7:
        return False
    for other in events:
        if other is a or other is b or other[0].kind != a[0].kind:
            continue
        if {m.source for m in other} & (sa | sb) and _parties(other) & (pa | pb):
            return False
    return True


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value and len(value) == 10 else None
    except ValueError:
        return None


def _reported_alike(a: str, b: str) -> bool:
    """Kinds one outlet may call what another calls differently (met vs spoke by phone)."""
    contact = {"meeting", "call", "talks", "summit"}
    return a == b or {a, b} <= contact


def _make_talk(
    ev: Sequence[EventMention],
    entity_name: Mapping[str, str],
    entity_label: Mapping[str, str],
    source_order: Sequence[str],
) -> Talk:
    # Candidates in mention order (dict.fromkeys, not set): max() keeps the first of equals, so
    # a tie goes to the earliest source's reading, the same on every run (a set's order
    # changes with PYTHONHASHSEED, and so did the talk's date).
    kinds = [m.kind for m in ev]
    kind = max(dict.fromkeys(kinds), key=lambda k: (kinds.count(k), k != "meeting"))
    dates = [m.date for m in ev if m.date]
    best_date = max(dict.fromkeys(dates), key=lambda d: (dates.count(d), len(d))) if dates else None
    date_text: dict[str, str] = {}
    for m in ev:
        if m.date_text and m.source not in date_text:
            date_text[m.source] = m.date_text
    places = [m.where for m in ev if m.where]
    where_id = max(dict.fromkeys(places), key=places.count) if places else None
    where_text = next((m.place_text for m in ev if m.where == where_id and m.place_text), None)
    participants: list[str] = []
    for m in ev:
        for p in m.participants:
            if p not in participants and p != where_id:
                participants.append(p)
    sources = tuple(s for s in source_order if any(m.source == s for m in ev))
    evidence = tuple(
        dict.fromkeys(
            m.sentence for m in sorted(ev, key=lambda m: (source_order.index(m.source), m.order))
        )
    )
    conflicts = _conflicts(ev, best_date, entity_name)
    published = next((m.published for m in ev if m.published), None)
    tenses = [m.tense for m in ev if m.date == best_date and m.tense]
    status = _event_status(ev) or _status(best_date, published, tenses[0] if tenses else None)
    where = (entity_name.get(where_id) if where_id else None) or where_text
    return Talk(
        id="",
        title=_title(kind, participants, where, entity_name, entity_label),
        date=best_date,
        date_text=date_text,
        status=status,
        where=where,
        participants=tuple(participants),
        topic=next((m.topic for m in ev if m.topic), None),
        sources=sources,
        evidence=evidence,
        conflict=bool(conflicts),
        conflict_reason="; ".join(conflicts) or None,
        kind=kind,
    )


def _event_status(ev: Sequence[EventMention]) -> TalkStatus | None:
    """Cancelled or postponed when a source says so (the latest news about the event wins)."""
    said = Counter(m.status for m in ev if m.status)
    if said["cancelled"]:
        return "cancelled"
    if said["postponed"]:
        return "postponed"
    return None


def _conflicts(
    ev: Sequence[EventMention], best_date: str | None, entity_name: Mapping[str, str]
) -> list[str]:
    """What the sources disagree on: the kind, the date, the place, whether it still holds."""
    reasons = []
    kind_by_source = {m.source: m.kind for m in ev if m.date == best_date}
    kinds = set(kind_by_source.values())
    if len(kinds) > 1 and not kinds <= {"meeting", "talks", "summit"}:  # words for one thing
        per_kind = "; ".join(f"{s}: {k}" for s, k in sorted(kind_by_source.items()))
        reasons.append(f"reported as different kinds ({per_kind})")
    by_source_date: dict[str, set[str]] = defaultdict(set)
    for m in ev:
        if m.date:
            by_source_date[m.source].add(m.date)
    dates = {d for v in by_source_date.values() for d in v}
    if any(not (a.startswith(b) or b.startswith(a)) for a in dates for b in dates):
        per = "; ".join(f"{s}: {', '.join(sorted(v))}" for s, v in sorted(by_source_date.items()))
        reasons.append(f"dates differ ({per})")
    place_by_source = {m.source: m.where for m in ev if m.where}
    if len(set(place_by_source.values())) > 1:
        place_names = "; ".join(
            f"{s}: {entity_name.get(p, p)}" for s, p in sorted(place_by_source.items())
        )
        reasons.append(f"places differ ({place_names})")
    status_by_source: dict[str, str] = {}
    for m in ev:
        if m.status or m.source not in status_by_source:
            status_by_source[m.source] = m.status or status_by_source.get(m.source) or "on"
    if len(set(status_by_source.values())) > 1 and len({m.source for m in ev}) > 1:
        per = "; ".join(
            f"{s}: {v if v != 'on' else 'goes ahead'}" for s, v in sorted(status_by_source.items())
        )
        reasons.append(f"status differs ({per})")
    return reasons


#: Kinds that bring parties together, titled "between X and Y"; the others name whose event.
_CONTACT = frozenset({"meeting", "talks", "call", "summit", "visit", "conference"})


def _title(
    kind: str,
    participants: Sequence[str],
    where: str | None,
    entity_name: Mapping[str, str],
    entity_label: Mapping[str, str],
) -> str:
    """Title by the parties at the table: states and organisations if named, else people."""
    parties = [p for p in participants if entity_label.get(p) != "PERSON"] or list(participants)
    names = [entity_name.get(p, p) for p in parties[:3]]
    title = _kind_title(kind)
    if kind == "visit" and names:
        return f"{title} by {', '.join(names)}" + (f" to {where}" if where else "")
    if names and kind not in _CONTACT:
        return f"{title} — {', '.join(names)}"  # "Trial — Brian Nichols", not "with"
    if len(names) >= 2:
        return title + " between " + ", ".join(names[:-1]) + " and " + names[-1]
    if names:
        return title + " with " + names[0]
    if where:
        return title + " in " + where
    return title

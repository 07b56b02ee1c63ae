"""What the claim comparison reads about one sentence, from its dependency parse.

Numbers as value, qualifier and unit; the main event past its reporting verb (verb, polarity,
modality, subject and object slots); the dates that hang off that event; the content words
of quotes. :mod:`newsdiff.claims` compares these slot by slot.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsdiff.actors import Speaker, speakers
from newsdiff.claim_numbers import (
    NumberFact,
    is_qualifier,
    number_fact,
    pronoun_one,
    untagged_figures,
)
from newsdiff.lexicon.people import SPEECH_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from newsdiff.model import TimeExpr

#: Reporting verbs whose complement is the claim: "X said / denied that ...". Evidentials
#: report too: "court records show (that) a hearing was set" is "according to court records".
REPORTING_VERBS = SPEECH_VERBS | {
    "deny", "report", "reveal", "suggest", "believe", "think", "show", "indicate",
}  # fmt: skip
_DENIAL = frozenset({"deny", "dismiss", "refute", "reject"})
#: Heads that put a planned event in their complement: "is expected to vote", "plans to meet".
_PLANNING = frozenset(
    {"expect", "plan", "set", "due", "schedule", "intend", "hope", "aim", "likely", "go"}
)
#: Verbs too light to name an event on their own ("have", "make"): never an event conflict.
LIGHT_VERBS = frozenset({"be", "have", "do", "make", "get", "take", "give", "go", "come"})
#: Verbs of talking to someone ("spoke with", "talked to", "phoned"): a conversation, which
#: the news sets apart from a meeting ("met with" / "spoke with": in person or at a distance).
_TALK_VERBS = frozenset({"speak", "talk", "phone", "telephone"})
#: Steps of a deal or proposal, each an act of its own: putting it forward, agreeing to it,
#: signing it, ratifying it, turning it down. "signed" / "agreed the terms", "signed" /
#: "rejected": another step, not another word for it.
_DEAL_STEPS: Mapping[str, str] = {
    **dict.fromkeys(("propose", "offer", "table"), "proposal"),
    **dict.fromkeys(("agree", "accept", "approve", "endorse"), "assent"),
    **dict.fromkeys(("sign", "ink", "initial"), "signature"),
    **dict.fromkeys(("ratify",), "ratification"),
    **dict.fromkeys(("reject", "refuse", "rebuff", "decline", "veto", "turn_down"), "refusal"),
}
#: Phases of a measure or state a verb can put it in: bringing it in, keeping it, ending it.
#: "continues ban" / "lifts ban" are opposite facts about one thing. Verbs that also name a
#: market's move or a day's end ("close", "end", "open", "drop", "finish") are left out, as are
#: light ones ("keep"): "closed at 654 pence" / "ended at 654 pence" is one fact.
_PHASES: Mapping[str, str] = {
    **dict.fromkeys(("impose", "introduce", "institute", "launch", "start", "begin"), "onset"),
    **dict.fromkeys(("continue", "maintain", "extend", "uphold", "renew", "prolong"), "keeping"),
    **dict.fromkeys(
        ("lift", "halt", "scrap", "abolish", "repeal", "suspend", "stop", "cancel", "revoke"),
        "ending",
    ),
}
#: Event kinds that can be one gathering seen from two sides: a visit, a meeting, a summit and
#: a conference are all face to face; talks can be held any way.
_GATHERINGS = frozenset({"meeting", "summit", "conference", "visit", "talks"})
_MODAL = {
    "will": "future",
    "shall": "future",
    "'ll": "future",
    "wo": "future",
    "would": "future",
    "may": "possible",
    "might": "possible",
    "could": "possible",
    "can": "possible",
    "must": "necessary",
    "should": "necessary",
}
_UNTIL = frozenset({"until", "till"})
_IF = frozenset({"if", "unless"})
_SUBJECT_DEPS = frozenset({"nsubj", "csubj", "expl"})
_OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "dative", "attr", "oprd"})
#: Dependencies of the main event's arguments, subject or object.
ARGUMENT_DEPS = _SUBJECT_DEPS | _OBJECT_DEPS
_OBJECT_PREPS = frozenset({"with", "to", "against", "for", "on", "by"})

_MARKS = '“”"«»'
_QUOTE_MARK = re.compile(f"[{_MARKS}]")
#: A date or time with unknown parts but a known day, month or weekday: "XXXX-09-27",
#: "XXXX-WXX-1", "XXXX-XX-XXT14:30" (not "PRESENT_REF" or "XXXX").
_VAGUE = re.compile(r"^X{4}-(\d\d|W(\d\d|XX)|XX)(-(\d{1,2}|X{1,2}))?(T\d\d(:\d\d)?)?$")
_INSERTION = re.compile(r"\[[^\]]*\]")
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


@dataclass(frozen=True, slots=True)
class EventFact:
    """The main event of a sentence, past its reporting verb: who did what to whom, how sure."""

    verb: str
    """Lemma, with a particle ("turn_down") and a governed preposition ("meet with")."""
    surface: str
    negated: bool
    modality: str
    """fact, future, possible, necessary, denied, or conditional (under an "if" clause)."""
    present: bool = False
    """The verb is in the simple present ("goes", "faces"), which can speak of a scheduled event."""
    subjects: frozenset[str] = frozenset()
    """Entity ids ("e3") and head-noun lemmas ("n:delegation") of the subject; no pronouns."""
    objects: frozenset[str] = frozenset()


@dataclass(slots=True)
class SentenceDetail:
    """Per-sentence facts the claim comparison reads (built from the parse)."""

    predicate: tuple[str, str] | None = None
    """(comparison key, surface text) of the main predicate: ("meet with", "met with")."""
    speakers: tuple[Speaker, ...] = ()
    quote: str | None = None
    entity_names: Mapping[str, str] = field(default_factory=dict)
    number_text: Mapping[str, str] = field(default_factory=dict)
    """Normalised value -> surface text."""
    date_text: Mapping[str, str] = field(default_factory=dict)
    time_text: Mapping[str, str] = field(default_factory=dict)
    event: EventFact | None = None
    numbers: tuple[NumberFact, ...] = ()
    event_dates: frozenset[str] = frozenset()
    """TIMEX3 values of the dates and times that modify the main event itself."""
    quote_words: tuple[tuple[str, ...], ...] = ()
    """Content-word lemmas of each quoted fragment."""
    quote_texts: tuple[str, ...] = ()
    """The text of each fragment in ``quote_words``, in step with it: the evidence shown. A
    fragment with no content word ("No,") is in ``quote`` but in neither of these."""
    entity_labels: Mapping[str, str] = field(default_factory=dict)
    vague_dates: Mapping[str, str] = field(default_factory=dict)
    """Dates and times with unknown parts ("Monday" -> XXXX-WXX-1, "Sept 27" -> XXXX-09-27):
    kept apart from ``date_text``, which alignment reads, and compared part by part."""
    word_roles: Mapping[str, str] = field(default_factory=dict)
    """Content lemma or entity id -> what it does in the sentence: ``core`` (the event, its
    participants, places and circumstances, another clause), ``mod:<key>`` (a word that says
    which one or how: an adjective, an adverb, a noun modifier, an apposition, with the key of
    the word it modifies) or ``frame`` (the attribution around a reported statement: who said
    it, to whom, how)."""
    clauses: tuple[tuple[str, ...], ...] = ()
    """Content keys of each clause that hangs off the main one (its verb first): "and
    firefighters sealed off the warehouse", "as the troops pushed into the valley"."""
    participants: tuple[frozenset[str], ...] = ()
    """Named actors in each argument slot of the main event that names more than one, with
    the conjuncts ("Zelensky and his counterparts from France and Germany")."""


def _vague(value: str) -> bool:
    """A value with a known weekday, day, month or clock time but no known year."""
    return bool(_VAGUE.match(value)) and any(c.isdigit() for c in value)


# --- events --------------------------------------------------------------------------------


def _event_root(sent: Span) -> tuple[Token | None, str]:
    """The verb of the reported event and the modality its framing gives it."""
    root = sent.root
    framing = "fact"
    if root.lemma_.lower() in REPORTING_VERBS:
        comp = next(
            (
                c
                for c in root.children
                if c.dep_ == "ccomp"
                and c.pos_ in {"VERB", "AUX"}
                and not any(
                    m.dep_ == "mark" and m.lower_ not in {"that", "whether"} for m in c.children
                )
            ),
            None,
        )
        if comp is not None:
            if root.lemma_.lower() in _DENIAL:
                framing = "denied"
            root = comp
    planned = root.lemma_.lower() in _PLANNING or any(
        c.dep_ == "acomp" and c.lemma_.lower() in _PLANNING for c in root.children
    )
    if planned:
        comp = next((c for c in root.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if comp is None:
            acomp = next((c for c in root.children if c.dep_ == "acomp"), None)
            if acomp is not None:
                comp = next((c for c in acomp.children if c.dep_ == "xcomp"), None)
        if comp is not None:
            root = comp
            framing = "future" if framing == "fact" else framing
    if root.pos_ not in {"VERB", "AUX"}:
        return None, framing
    return root, framing


def _slot_keys(tok: Token, token_entity: Mapping[int, str]) -> set[str]:
    """What a noun phrase names: entity ids in it, its head noun and the nouns that say which
    one ("a binding merger agreement" -> agreement, merger; "the terms of a merger" -> term,
    merger). A pronoun names nothing here: it may be the named actor, so it never conflicts."""
    if tok.pos_ == "PRON":
        return set()
    keys: set[str] = set()
    heads = [tok, *tok.conjuncts]
    for head in heads:
        if head.i in token_entity:
            keys.add(token_entity[head.i])
            continue
        keys.add("n:" + head.lemma_.lower())
        for child in head.children:
            if child.i in token_entity and child.dep_ in {"compound", "poss", "amod", "nmod"}:
                keys.add(token_entity[child.i])
            elif child.dep_ == "compound" and child.pos_ == "NOUN":
                keys.add("n:" + child.lemma_.lower())
            elif child.dep_ == "prep" and child.lower_ == "of":
                for g in child.children:
                    if g.dep_ == "pobj":
                        keys.add(token_entity.get(g.i, "n:" + g.lemma_.lower()))
    return keys


def event_of(sent: Span, token_entity: Mapping[int, str]) -> EventFact | None:
    """Who did what to whom in the sentence's main clause, read from the dependency parse."""
    from newsdiff.align import canonical_lemma

    root, framing = _event_root(sent)
    if root is None:
        return None
    aux = [c for c in root.children if c.dep_ in {"aux", "auxpass"}]
    modality = framing
    for a in aux:
        if a.lower_ in _MODAL and modality == "fact":
            modality = _MODAL[a.lower_]
        elif a.lower_ == "going" and modality == "fact":
            modality = "future"
    negated = any(c.dep_ == "neg" for c in root.children) or any(
        c.dep_ in ARGUMENT_DEPS and _no_determiner(c) for c in root.children
    )
    # "The vote isn't until June 14" says when (June 14, no earlier), not that it is not.
    negated = negated and not any(c.dep_ == "prep" and c.lower_ in _UNTIL for c in root.children)
    # "Mendoza, if convicted, could face / faces 12 years": under a condition the modal and
    # the plain verb say the same thing, what follows if it holds.
    if any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _IF for m in c.children)
        for c in root.children
    ) and modality in {"fact", "future", "possible"}:
        modality = "conditional"
    lemma = root.lemma_.lower()
    particle = next((c.lower_ for c in root.children if c.dep_ == "prt"), None)
    verb = canonical_lemma(f"{lemma}_{particle}" if particle else lemma)
    subjects: set[str] = set()
    objects: set[str] = set()
    prep_word = ""
    for child in root.children:
        if child.dep_ in _SUBJECT_DEPS:
            subjects |= _slot_keys(child, token_entity)
        elif child.dep_ in _OBJECT_DEPS:
            objects |= _slot_keys(child, token_entity)
        elif child.dep_ == "agent":
            for g in child.children:
                if g.dep_ == "pobj":
                    subjects |= _slot_keys(g, token_entity)
        elif child.dep_ in {"prep", "dative"} and child.lower_ in _OBJECT_PREPS:
            for g in child.children:
                if g.dep_ == "pobj" and g.ent_type_ not in {"DATE", "TIME"}:
                    objects |= _slot_keys(g, token_entity)
                    if not prep_word and child.lower_ in {"with", "to", "against"}:
                        prep_word = child.lower_
    if prep_word:
        verb = f"{verb} {prep_word}"
    shown = sorted(
        [*aux, *(c for c in root.children if c.dep_ in {"neg", "prt"}), root], key=lambda t: t.i
    )
    surface = " ".join(t.text for t in shown) + (f" {prep_word}" if prep_word else "")
    present = root.tag_ in {"VBZ", "VBP"} and not aux
    return EventFact(
        verb, surface, negated, modality, present, frozenset(subjects), frozenset(objects)
    )


def _no_determiner(tok: Token) -> bool:
    """ "has no comment" = "does not have a comment": the determiner "no", or a negative
    pronoun in a main slot, negates the clause as "not" does."""
    if tok.lower_ in {"none", "nobody", "nothing", "neither"}:
        return True  # "None of the victims was Canadian"
    return any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children)


def predicate_of(sent: Span) -> tuple[str, str] | None:
    """Main predicate with modal, negation and preposition: "will speak", "met with"."""
    event = event_of(sent, {})
    if event is None:
        return None
    flags = [f for f, on in (("FUT", event.modality == "future"), ("NOT", event.negated)) if on]
    return " ".join([*flags, event.verb.replace("_", " ")]), event.surface


def _event_dates(sent: Span, root: Token | None, times: Sequence[TimeExpr]) -> frozenset[str]:
    """Values of the time expressions that hang off the event verb (not off a noun, not off the
    reporting verb): only those can conflict; the others are extra detail."""
    if root is None:
        return frozenset()
    doc = sent.doc
    values: set[str] = set()
    for tx in times:
        if not (tx.value[:1].isdigit() or _vague(tx.value)) or tx.type not in {"DATE", "TIME"}:
            continue
        span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
        if span is None:
            continue
        tok = span.root
        for _ in range(3):
            if tok.head == root:
                values.add(tx.value)
                break
            if tok.head == tok or tok.head.pos_ in {"VERB", "AUX"}:
                break
            tok = tok.head
    return frozenset(values)


def quote_spans(sent: Span) -> list[tuple[int, int]]:
    """Character spans (in the Doc) of the quoted fragments of a sentence."""
    return [(sent.start_char + a, sent.start_char + b) for a, b in text_quote_spans(sent.text)]


def text_quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the quoted fragments of one sentence's text.

    A straight mark opens after a space and before a word, and closes after a word and before
    a space or punctuation. A quote can cross the sentence splitter's cuts: a mark left open
    ('... this decision."' split after the full stop) runs to the end of the sentence, and a
    closing mark with no opening one ('right," said X' after a quote that began a sentence
    earlier) closes a quote that runs from the start. A mark with spaces on both sides
    quotes nothing.
    """
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for m in _QUOTE_MARK.finditer(text):
        i, mark = m.start(), m.group()
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if mark in "“«":
            role = "open"
        elif mark in "”»":
            role = "close"
        elif before.isspace() or before in "([—–-":
            role = "open" if not after.isspace() else "none"
        elif after.isspace() or after in ".,;:!?)—–-":
            role = "close"
        else:
            role = "close" if opened is not None else "open"
        if role == "open" and opened is None:
            opened = i + 1
        elif role == "close" and opened is not None:
            spans.append((opened, i))
            opened = None
        elif role == "close" and not spans:
            spans.append((0, i))
    if opened is not None:
        spans.append((opened, len(text.rstrip())))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and (text[b - 1].isspace() or text[b - 1] in _MARKS):
            b -= 1
        if b - a >= 3:
            out.append((a, b))
    return out


def quote_words(
    sent: Span, spans: Sequence[tuple[int, int]] | None = None
) -> tuple[tuple[str, ...], ...]:
    """Content-word lemmas of each quoted fragment of the sentence (see
    :func:`quoted_fragments`, which keeps each fragment's place too)."""
    return tuple(words for _, words in quoted_fragments(sent, spans))


def quoted_fragments(
    sent: Span, spans: Sequence[tuple[int, int]] | None = None
) -> list[tuple[tuple[int, int], tuple[str, ...]]]:
    """Each quoted fragment with a content word: its character span and its content-word
    lemmas. A fragment of stop words only ("No,") says nothing to compare, and is left out of
    both so that the shown text stays the text compared.

    Args:
        sent: The sentence.
        spans: Its :func:`quote_spans`, when the caller has them already (they read the text).
    """
    out: list[tuple[tuple[int, int], tuple[str, ...]]] = []
    text, offset = sent.text, sent.start_char
    for start, end in quote_spans(sent) if spans is None else spans:
        # "[the minister]" inside a quote is the editor's insertion, not the speaker's words.
        inserted = [
            (offset + m.start(), offset + m.end())
            for m in _INSERTION.finditer(text, start - offset, end - offset)
        ]
        words = tuple(
            t.lemma_.lower()
            for t in sent
            if start <= t.idx < end
            and t.is_alpha
            and not t.is_stop
            and not any(a <= t.idx < b for a, b in inserted)
        )
        if words:
            out.append(((start, end), words))
    return out


def sentence_detail(
    sent: Span,
    token_entity: Mapping[int, str],
    entity_label: Mapping[str, str],
    entity_name: Mapping[str, str],
    times: Sequence[TimeExpr],
    number_ents: Sequence[Span],
) -> SentenceDetail:
    """Everything the comparison reads about one sentence."""
    from newsdiff.claim_roles import clauses, participants, word_roles

    ents = sorted({token_entity[t.i] for t in sent if t.i in token_entity})
    date_text: dict[str, str] = {}
    time_text: dict[str, str] = {}
    vague: dict[str, str] = {}
    covered: list[tuple[int, int]] = []
    for tx in times:
        if tx.start >= sent.start_char and tx.end <= sent.end_char:
            covered.append((tx.start, tx.end))
            if tx.type == "DATE" and tx.value[:1].isdigit():
                date_text.setdefault(tx.value, f"{tx.text} ({tx.value})")
            elif tx.type == "TIME" and tx.value[:1].isdigit():
                time_text.setdefault(tx.value, f"{tx.text} ({tx.value})")
            elif tx.type in {"DATE", "TIME"} and _vague(tx.value):
                vague.setdefault(tx.value, f"{tx.text} ({tx.value})")
    text = sent.text  # Span.text joins the sentence's tokens on every access: once here
    offset = sent.start_char
    numbers: list[NumberFact] = []
    for ent in number_ents:
        if any(s <= ent.start_char and ent.end_char <= e for s, e in covered):
            continue
        before = text[max(0, ent.start_char - 2 - offset) : ent.start_char - offset]
        if "(" in before and ent.label_ == "CARDINAL":
            continue  # "Wednesday (29)": a day of the month in a dateline style, not a count
        if pronoun_one(ent) or is_qualifier(ent.text):
            continue  # "less than" tagged alone: a bound with no figure
        numbers.append(number_fact(ent))
    numbers.extend(untagged_figures(sent, number_ents, covered, token_entity))
    quotes = quote_spans(sent)
    fragments = quoted_fragments(sent, quotes)
    root, _ = _event_root(sent)
    event = event_of(sent, token_entity)
    predicate = None
    if event is not None:
        flags = [f for f, on in (("FUT", event.modality == "future"), ("NOT", event.negated)) if on]
        predicate = (" ".join([*flags, event.verb.replace("_", " ")]), event.surface)
    return SentenceDetail(
        predicate=predicate,
        speakers=tuple(speakers(sent.doc, sent, token_entity, entity_label)),
        quote=" … ".join(text[a - offset : b - offset].strip() for a, b in quotes).strip() or None,
        entity_names={e: entity_name[e] for e in ents},
        entity_labels={e: entity_label.get(e, "") for e in ents},
        number_text={n.value: n.text for n in numbers},
        date_text=date_text,
        time_text=time_text,
        event=event,
        numbers=tuple(numbers),
        event_dates=_event_dates(sent, root, times),
        quote_words=tuple(words for _, words in fragments),
        quote_texts=tuple(text[a - offset : b - offset].strip() for (a, b), _ in fragments),
        vague_dates=vague,
        word_roles=word_roles(sent, root, token_entity),
        participants=participants(root, token_entity, entity_label),
        clauses=tuple(clauses(sent, root, token_entity)),
    )


def event_kind(verb: str) -> str | None:
    """The kind of event a main verb names ("meet with" -> meeting, "speak with" -> call,
    "signed" -> signature), or None for a verb of no known kind: only known kinds can be told
    apart."""
    from newsdiff.events import EVENT_VERBS

    words = verb.split()
    if words[0] in _DEAL_STEPS:
        return _DEAL_STEPS[words[0]]
    if words[0] in _PHASES:
        return f"phase:{_PHASES[words[0]]}"
    base = words[0].split("_")[0]
    if base in EVENT_VERBS:
        return EVENT_VERBS[base]
    if base in {"phone", "telephone"} or (base in _TALK_VERBS and len(words) > 1):
        return "call"  # talking *with* or *to* someone
    return None


def other_event(verb_a: str, verb_b: str) -> bool:
    """Two verbs name events that exclude each other for the same participants: both of known
    kinds that cannot be one event ("met with" / "spoke by phone with", "was arraigned" / "was
    sentenced"). Two gatherings (a visit and a meeting) or talks can be one event; a verb of no
    known kind ("surrendered" / "presented himself") is a paraphrase for all the engine knows.
    """
    ka, kb = event_kind(verb_a), event_kind(verb_b)
    if ka is None or kb is None or ka == kb:
        return False
    if ka.startswith("phase:") != kb.startswith("phase:"):
        return False  # "continued talks" / "met": a phase of something vs an event
    return not (ka in _GATHERINGS and kb in _GATHERINGS) and "talks" not in (ka, kb)

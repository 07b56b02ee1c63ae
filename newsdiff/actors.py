"""What the sources say about each actor: roles and titles, who said what, who is speaking."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsdiff.lexicon.people import ROLE_NOUNS, SPEECH_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


_QUOTE_SPANS = re.compile(r"[“\"«]([^”\"»]{3,}?)[”\"»]")
_ROLE_STOP_POS = frozenset({"VERB", "AUX", "DET", "PRON", "PUNCT", "NUM", "CCONJ", "SCONJ", "PART"})


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a sentence attributes its content to, and the verb that does it."""

    phrase: str
    entity: str | None
    verb: str


def role_before(doc: Doc, token_start: int, entity_tokens: set[int]) -> str | None:
    """A title compound right before a name: "Kremlin spokesman", "US Secretary of State".

    Names of places and organisations are part of a title ("Kremlin spokesman"); a person's
    name, a date, a verb or any other preposition than "of" ends it.
    """
    del entity_tokens  # titles may contain organisation and place names; only people stop them
    i = token_start - 1
    collected: list[Token] = []
    while i >= 0 and len(collected) < 7:
        tok = doc[i]
        if tok.ent_type_ in {"PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL"}:
            break
        joined_hyphen = (
            tok.text == "-" and not tok.whitespace_ and i > 0 and not doc[i - 1].whitespace_
        )
        if tok.lower_ == "of" or joined_hyphen:  # "Secretary of State", "Secretary-General"
            if not collected:
                break
        elif (
            tok.is_punct
            or tok.is_space
            or tok.pos_ in _ROLE_STOP_POS
            or tok.pos_ == "ADP"
            or tok.pos_ not in {"PROPN", "NOUN", "ADJ"}
        ):
            break
        collected.append(tok)
        i -= 1
    collected.reverse()
    while collected and collected[0].lower_ == "of":
        collected = collected[1:]
    words = set(_tidy(" ".join(t.text for t in collected)).lower().replace(" - ", "-").split())
    if not words & ROLE_NOUNS and not any(w.split("-")[-1] in ROLE_NOUNS for w in words):
        return None
    return _tidy(doc[collected[0].i : collected[-1].i + 1].text)


def role_appositive(doc: Doc, root: Token) -> str | None:
    """A role linked to a name by apposition: "his spokesman, Ned Price" / "Price, the envoy"."""
    candidates: list[Token] = []
    if root.dep_ == "appos" and root.head.pos_ in {"NOUN", "PROPN"}:
        candidates.append(root.head)
    candidates.extend(c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN")
    for head in candidates:
        if head.lower_ not in ROLE_NOUNS and head.lemma_.lower() not in ROLE_NOUNS:
            continue
        if head.ent_type_ == "PERSON":
            continue
        tokens = [head]
        for child in head.lefts:
            if child.dep_ in {"compound", "amod", "nmod"}:
                tokens.extend(child.subtree)
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                tokens.extend(child.subtree)
        # The name's own words (its compound tokens up to the root) are not part of the role.
        name = range(root.left_edge.i, root.i + 1)
        tokens = [t for t in tokens if t.i not in name]
        if not tokens:
            continue
        lo = min(t.i for t in tokens)
        hi = max(t.i for t in tokens)
        span = doc[lo : hi + 1]
        if "," in span.text or len(span) > 8:
            span = doc[head.i : head.i + 1]
        return _tidy(span.text)
    return None


def _tidy(text: str) -> str:
    text = " ".join(text.split()).strip(" ,;:")
    words = text.split()
    while words and words[0].lower() in {"the", "a", "an", "his", "her", "their", "its"}:
        words = words[1:]
    return " ".join(words)


def merge_roles(roles: Sequence[str]) -> tuple[str, ...]:
    """Drop duplicates and roles inside a longer one ("Secretary of State" in "US ...")."""
    unique: dict[str, str] = {}
    for role in roles:
        unique.setdefault(role.lower(), role)
    keep = [
        r
        for key, r in unique.items()
        if not any(key != other and f" {key} " in f" {other} " for other in unique)
    ]
    return tuple(sorted(keep, key=lambda r: (-roles.count(r), r.lower())))


def _speaker_root(verb: Token) -> Token | None:
    """The subject of an active speech verb, or the agent of a passive one ("announced by X")."""
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    for child in verb.children:
        if child.dep_ == "nsubj" and not passive:
            return child
        if child.dep_ == "agent":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


def _speaker_entity(
    root: Token, token_entity: Mapping[int, str], entity_label: Mapping[str, str]
) -> str | None:
    """The named speaker: the subject's own name, then a name in apposition ("his spokesman,
    Ned Price"), then a person, then an organisation inside the phrase ("a White House
    official" speaks for the White House)."""
    if root.i in token_entity:
        return token_entity[root.i]
    for child in root.children:
        if child.dep_ == "appos" and child.i in token_entity:
            return token_entity[child.i]
    inside = [token_entity[t.i] for t in root.subtree if t.i in token_entity]
    people = [e for e in inside if entity_label.get(e) == "PERSON"]
    if people:
        return people[0]
    return inside[0] if inside else None


def speakers(
    doc: Doc, sent: Span, token_entity: Mapping[int, str], entity_label: Mapping[str, str]
) -> list[Speaker]:
    """Who the sentence quotes or paraphrases: subjects of speech verbs and "according to" X."""
    found: list[Speaker] = []
    for tok in sent:
        root: Token | None = None
        verb = ""
        if tok.pos_ in {"VERB", "AUX"} and tok.lemma_.lower() in SPEECH_VERBS:
            root = _speaker_root(tok)
            verb = tok.lemma_.lower()
        elif tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            for grand in doc[tok.i + 1].children:
                if grand.dep_ == "pobj":
                    root = grand
            verb = "according to"
        if root is None or (root.pos_ == "PRON" and root.lower_ in {"it", "this", "that"}):
            continue
        entity = _speaker_entity(root, token_entity, entity_label)
        phrase = _tidy(doc[root.left_edge.i : root.right_edge.i + 1].text)
        if len(phrase) > 80:
            phrase = root.text
        found.append(Speaker(phrase, entity, verb))
    return found


def quoted_text(sent: Span) -> str | None:
    """Quoted words in a sentence, joined with an ellipsis when there are several quotes."""
    parts = [m.group(1).strip() for m in _QUOTE_SPANS.finditer(sent.text)]
    parts = [p for p in parts if p]
    return " … ".join(parts) if parts else None

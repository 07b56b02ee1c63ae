"""What each word of a sentence does for the claim comparison: core, modifier or frame.

What one source adds is a fact of its own when it is part of what happened (a participant, a
place, another clause); a word that only describes something both sources name, or the
attribution around a reported statement, is how the story is told. Read by
:mod:`newsdiff.claims` to weigh additions.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from newsdiff.align import canonical_lemma
from newsdiff.claim_facts import ARGUMENT_DEPS, REPORTING_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


#: Arcs that make a word a modifier of its head: it says which one or how ("large-scale",
#: "counterterrorism exercise", "the nation's", "actually", "Hubbard, a member of the board"),
#: not what happened, to whom or where.
_MODIFIER_DEPS = frozenset(
    {
        "amod",
        "advmod",
        "npadvmod",
        "compound",
        "poss",
        "nmod",
        "det",
        "predet",
        "quantmod",
        "nummod",
        "appos",
        "hmod",
        "case",
    }
)
#: Arcs a modifier's own words hang by ("a member *of* the board" inside an apposition).
_INSIDE_DEPS = frozenset({"prep", "pobj", "conj", "cc", "pcomp", "punct"}) | _MODIFIER_DEPS


def role_rank(role: str) -> int:
    """How much a role says: a word that is core somewhere in a sentence is core there."""
    return 2 if role == "core" else 1 if role.startswith("mod:") else 0


def _role(tok: Token, frame: set[int], keys: Mapping[int, str]) -> str:
    """``core``, ``frame`` or ``mod:<key>`` with the key of the word it modifies."""
    if tok.i in frame:
        return "frame"
    x = tok
    while x.head != x:
        if x.dep_ in _MODIFIER_DEPS:
            return "mod:" + keys[x.head.i]
        if x.dep_ not in _INSIDE_DEPS:
            return "core"
        x = x.head
    return "core"


def _key(tok: Token, token_entity: Mapping[int, str]) -> str:
    """A token as the claim comparison knows it: its entity id or its content lemma."""
    if tok.i in token_entity:
        return token_entity[tok.i]
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB":
        prt = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
        lemma = f"{lemma}_{prt}" if prt else lemma
    return canonical_lemma(lemma)


def word_roles(
    sent: Span, event_root: Token | None, token_entity: Mapping[int, str]
) -> dict[str, str]:
    """What each content lemma and entity of the sentence does: core, modifier or frame.

    What one source adds is a fact of its own when it is part of what happened (a participant,
    a place, another clause); a word that only describes something both sources name, or the
    attribution around a quoted statement, is how the story is told.
    """
    frame: set[int] = set()
    root = sent.root
    if event_root is not None and event_root != root and root.lemma_.lower() in REPORTING_VERBS:
        inside = {t.i for t in event_root.subtree}
        frame = {t.i for t in sent if t.i not in inside}
    roles: dict[str, str] = {}
    keys = {t.i: _key(t, token_entity) for t in sent}
    for t in sent:
        if t.is_punct or t.is_space:
            continue
        role = _role(t, frame, keys)
        key = keys[t.i]
        if key not in roles or role_rank(role) > role_rank(roles[key]):
            roles[key] = role
    return roles


#: Arcs by which a clause of its own hangs off another: coordinated, adverbial, relative,
#: complement and loosely joined clauses.
_CLAUSE_DEPS = frozenset({"conj", "advcl", "relcl", "acl", "ccomp", "xcomp", "parataxis"})


def clauses(
    sent: Span, event_root: Token | None, token_entity: Mapping[int, str]
) -> list[tuple[str, ...]]:
    """The secondary clauses of the sentence that have a subject of their own or share the one
    of the verb they are coordinated with, each as its verb's key and its content keys (nested
    clauses are their own). The attribution around a reported statement is none."""
    frame: set[int] = set()
    root = sent.root
    if event_root is not None and event_root != root and root.lemma_.lower() in REPORTING_VERBS:
        # Every clause the reporting verb reports is content ("X talked ..., and officers
        # surrounded ..., police said" parses as two complements of "said").
        reported = {
            x.i
            for c in root.children
            if c.dep_ == "ccomp" and c.pos_ in {"VERB", "AUX"}
            for x in c.subtree
        }
        frame = {t.i for t in sent if t.i not in reported}
    heads = [
        t
        for t in sent
        if t.pos_ in {"VERB", "AUX"}
        and t.dep_ in _CLAUSE_DEPS
        and t.i not in frame
        and t != event_root
        and (any(c.dep_ in {"nsubj", "nsubjpass"} for c in t.children) or _coordinated(t))
    ]
    head_ids = {t.i for t in heads}
    out = []
    for head in heads:
        keys = [_key(head, token_entity)]
        stack = [c for c in head.children if c.i not in head_ids]
        while stack:
            t = stack.pop()
            if (t.is_alpha and not t.is_stop) or t.i in token_entity:
                key = _key(t, token_entity)
                if key not in keys:
                    keys.append(key)
            stack.extend(c for c in t.children if c.i not in head_ids)
        out.append(tuple(keys))
    return out


def _coordinated(verb: Token) -> bool:
    """A second predicate of the same subject ("... would skip the election and urged
    supporters to stay home"): it says another thing about the same actor, a clause of its
    own though its subject is not repeated. A reporting verb with a reported clause ("said the
    talks failed and added that ...") is more attribution: what it reports is the clause. One
    with an object ("and urged shoppers to stock up", "warned voters") did something itself."""
    if verb.dep_ != "conj" or verb.head.pos_ not in {"VERB", "AUX"}:
        return False
    return verb.lemma_.lower() not in REPORTING_VERBS or not any(
        c.dep_ == "ccomp" for c in verb.children
    )


#: Prepositions that bring in a partner of the event ("met with", "spoke to", "fought
#: against"), unlike those of place, time or purpose.
_PARTNER_PREPS = frozenset({"with", "to", "against", "between"})
_ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def participants(
    root: Token | None, token_entity: Mapping[int, str], entity_label: Mapping[str, str]
) -> tuple[frozenset[str], ...]:
    """The named actors of each argument of the main event that names several: the argument
    with its conjuncts, a common noun among them named by its "from"/"of" phrase ("his
    counterparts from France, Germany and the UK"). Coordination adds participants."""
    if root is None:
        return ()
    heads = []
    for c in root.children:
        if c.dep_ in ARGUMENT_DEPS:
            heads.append(c)
        elif c.dep_ in {"prep", "agent"} and (c.dep_ == "agent" or c.lower_ in _PARTNER_PREPS):
            heads.extend(g for g in c.children if g.dep_ == "pobj")
    groups = []
    for head in heads:
        group: set[str] = set()
        for tok in (head, *head.conjuncts):
            if tok.i in token_entity:
                group.add(token_entity[tok.i])
                continue
            for prep in tok.children:
                if prep.dep_ == "prep" and prep.lower_ in {"from", "of"}:
                    for obj in prep.children:
                        if obj.dep_ == "pobj":
                            group |= {
                                token_entity[t.i]
                                for t in (obj, *obj.conjuncts)
                                if t.i in token_entity
                            }
        actors = {e for e in group if entity_label.get(e) in _ACTOR_LABELS}
        if len(actors) > 1:
            groups.append(frozenset(actors))
    return tuple(groups)

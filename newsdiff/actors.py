"""What the sources say about each actor: roles and titles, who said what, who is speaking."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from newsdiff.lexicon.people import ROLE_NOUNS, SPEECH_VERBS
from newsdiff.names import PERSON_TITLES

if TYPE_CHECKING:
    from spacy.matcher import DependencyMatcher
    from spacy.tokens import Doc, Span, Token
    from spacy.vocab import Vocab


_QUOTE_SPANS = re.compile(r"[“\"«]([^”\"»]{3,}?)[”\"»]")
_ROLE_STOP_POS = frozenset({"VERB", "AUX", "DET", "PRON", "PUNCT", "NUM", "CCONJ", "SCONJ", "PART"})


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a sentence attributes its content to, and the verb that does it."""

    phrase: str
    entity: str | None
    verb: str


#: Relatives, friends and victims: nouns for a person that are not a position they hold.
_NOT_ROLES = frozenset(
    {
        "father",
        "mother",
        "son",
        "daughter",
        "brother",
        "sister",
        "wife",
        "husband",
        "uncle",
        "aunt",
        "cousin",
        "nephew",
        "niece",
        "grandfather",
        "grandmother",
        "grandson",
        "granddaughter",
        "friend",
        "partner",
        "girlfriend",
        "boyfriend",
        "victim",
        "critic",
        "family",
        "man",
        "woman",
        "boy",
        "girl",
        "child",
        "member",
        "resident",
        "fan",
    }
)
#: Endings of agent nouns ("analyst", "promoter", "trainer", "spokesman"): a person's job
#: when the syntax attaches the noun to the person, whether or not a list names it.
_AGENT_ENDINGS = ("ist", "er", "or", "man", "woman", "person", "ian")
#: Dependencies that keep a modifier inside a role ("former Florida governor").
_ROLE_MODIFIERS = frozenset({"compound", "amod", "nmod", "nummod", "npadvmod"})
#: Prepositions whose phrase belongs to a role: the complement of a relational noun ("governor
#: of the Bank of Mexico", "analyst at Skagen Securities", "spokeswoman for the ministry",
#: "ambassador to Turkey"); "in Denver" says where, not what.
_ROLE_PREPOSITIONS = frozenset({"of", "at", "for", "to"})
_MAX_ROLE_TOKENS = 9
#: Words a tagger may leave inside a person's name ("Sen. Ruth Calloway"): built once, not per
#: word of every person mention.
_LEADING_TITLES = PERSON_TITLES | ROLE_NOUNS


#: Courtesy titles: nameparser lists them with the titles, but they are no position.
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "messrs", "mme", "mlle"})


def _is_role_word(tok: Token) -> bool:
    """A job or title word: listed (ours and nameparser's titles), or an agent noun."""
    word = tok.lower_.rstrip(".")
    lemma = tok.lemma_.lower()
    if word in _NOT_ROLES or lemma in _NOT_ROLES or word in _HONORIFICS:
        return False
    if word in ROLE_NOUNS or lemma in ROLE_NOUNS or word in PERSON_TITLES:
        return True
    return tok.pos_ == "NOUN" and len(word) > 4 and word.isalpha() and word.endswith(_AGENT_ENDINGS)


def _child(parent: str, node: str, attrs: dict[str, Any]) -> dict[str, Any]:
    """A DependencyMatcher node that is a syntactic child of ``parent``."""
    return {"LEFT_ID": parent, "REL_OP": ">", "RIGHT_ID": node, "RIGHT_ATTRS": attrs}


_ROLE = {"POS": {"IN": ["NOUN", "PROPN"]}}
#: A name the tagger may call a common noun ("Olsen is a federal judge"): only the heads of
#: person mentions are ever looked up, so a noun that is no name matches harmlessly.
_NAME = {"POS": {"IN": ["PROPN", "NOUN"]}}

#: Apposition either way, and the copula (also through a subject's appositive name): the ways
#: a sentence gives a person a role noun. Every pattern has a "name" and a "role" node.
_PATTERNS: dict[str, list[dict[str, Any]]] = {
    # "Ned Halvorsen, the chief executive of Nordhavn Bank"
    "appos_after": [
        {"RIGHT_ID": "name", "RIGHT_ATTRS": _NAME},
        _child("name", "role", {"DEP": "appos", **_ROLE}),
    ],
    # "his spokesman, Ned Price"
    "appos_before": [
        {"RIGHT_ID": "role", "RIGHT_ATTRS": _ROLE},
        _child("role", "name", {"DEP": "appos", **_NAME}),
    ],
    # "A spokesman for Lakeside Airlines, Paul Meyer, said": the parser hangs the name on the
    # nearest noun, the body the role is of; a body has no person in apposition, so the name
    # is the role noun's.
    "appos_of_complement": [
        {"RIGHT_ID": "role", "RIGHT_ATTRS": {"POS": "NOUN"}},
        _child("role", "prep", {"DEP": "prep", "LOWER": {"IN": sorted(_ROLE_PREPOSITIONS)}}),
        _child("prep", "body", {"DEP": "pobj", "ENT_TYPE": {"IN": ["ORG", "GPE", "FAC"]}}),
        _child("body", "name", {"DEP": "appos", "POS": "PROPN"}),
    ],
    # "Jonas Berg is an analyst at Skagen Securities"
    "copula": [
        {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": "be"}},
        _child("verb", "name", {"DEP": "nsubj", **_NAME}),
        _child("verb", "role", {"DEP": "attr", **_ROLE}),
    ],
    # "His brother, Vitali Klitschko, is the mayor of Kyiv"
    "copula_appos": [
        {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": "be"}},
        _child("verb", "subject", {"DEP": "nsubj"}),
        _child("subject", "name", {"DEP": "appos", "POS": "PROPN"}),
        _child("verb", "role", {"DEP": "attr", **_ROLE}),
    ],
}


@lru_cache(maxsize=4)
def _matcher(vocab: Vocab) -> DependencyMatcher:
    """The role patterns (`_PATTERNS`), compiled once per vocabulary."""
    from spacy.matcher import DependencyMatcher

    matcher = DependencyMatcher(vocab)
    for key, pattern in _PATTERNS.items():
        matcher.add(key, [pattern])
    return matcher


def _role_heads(doc: Doc) -> dict[int, list[int]]:
    """Name token -> role-noun tokens the dependency patterns attach to it (once per doc)."""
    cached: dict[int, list[int]] | None = doc.user_data.get("newsdiff_role_heads")
    if cached is not None:
        return cached
    matcher = _matcher(doc.vocab)
    heads: dict[int, list[int]] = {}
    for match_id, tokens in matcher(doc):
        names = matcher.get(match_id)[1][0]
        ids = [node["RIGHT_ID"] for node in names]
        found = dict(zip(ids, tokens, strict=True))
        heads.setdefault(found["name"], []).append(found["role"])
    doc.user_data["newsdiff_role_heads"] = heads
    return heads


def named_with_a_job(doc: Doc, start: int, end: int) -> bool:
    """Whether an appositive or the copula gives the name ``start:end`` a listed job.

    "Marcus Hale, the chief executive of Brightline Energy", "Olsen is a federal judge": only
    people hold such a position, so the name is a person's whatever the tagger called it.
    Listed nouns only (not agent nouns such as "lender" or "carmaker", which firms are too).
    """
    root = doc[start:end].root
    return any(
        doc[h].lower_ in ROLE_NOUNS or doc[h].lemma_.lower() in ROLE_NOUNS
        for h in _role_heads(doc).get(root.i, [])
    )


def _hangs_on(tok: Token, lo: int, start: int, end: int) -> bool:
    """Whether the token's chain of heads reaches the name ``start:end`` inside ``lo:end``."""
    if tok.text == "-":
        return True  # "Secretary-General": the hyphen has no head of its own in the title
    for _ in range(_MAX_ROLE_TOKENS + 2):
        if start <= tok.i < end:
            return True
        if not lo <= tok.i < end or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _title_before(doc: Doc, start: int, end: int) -> str | None:
    """A title compound right before a name: "Kremlin spokesman", "US Secretary of State".

    The words must hang on the name itself in the parse (compounds, modifiers, an "of"
    phrase), so "frequent critic of President X" gives X "President", and a coordination
    ("President X and Foreign Minister Y") gives each name its own title.
    """
    # The words before the name that could be a title: no article, possessive, verb or clause.
    k = start
    while k > 0 and start - k < _MAX_ROLE_TOKENS:
        tok = doc[k - 1]
        hyphen = tok.text == "-" and not tok.whitespace_ and k > 1 and not doc[k - 2].whitespace_
        if tok.is_space or "\n" in tok.whitespace_ or tok.ent_type_ in {"DATE", "TIME"}:
            break
        if not hyphen and (
            tok.dep_ in {"det", "poss", "case", "punct"}
            or tok.pos_ in {"VERB", "AUX", "PRON", "DET", "CCONJ", "SCONJ", "PART", "NUM"}
        ):
            break
        k -= 1
    # The longest run ending at the name whose words all hang on the name within the run.
    best = start
    for j in range(start - 1, k - 1, -1):
        if all(_hangs_on(doc[i], j, start, end) for i in range(j, start)):
            best = j
    run = list(doc[best:start])
    while run and (run[0].pos_ == "ADP" or run[0].text == "-"):
        run = run[1:]
    if not run or not any(_is_role_word(t) for t in run if t.pos_ != "ADP"):
        return _capitalised_title_before(doc, k, start)
    return _tidy(doc[run[0].i : run[-1].i + 1].text)


def _capitalised_title_before(doc: Doc, k: int, start: int) -> str | None:
    """A title-case title right before a name, when the parse hangs it elsewhere.

    "... Owen Pryce and Defence Minister Hana Sato": the parser may attach "Defence Minister"
    to the first name's coordination, but capitalised words that end in a title and stand
    right before a name are that name's title ("of" may join them: "Secretary of State"). A
    lower-case word ends the run, so "critic of President X" still gives only "President".
    """
    j = start
    while j > k and (doc[j - 1].text[:1].isupper() or (doc[j - 1].lower_ == "of" and j - 1 > k)):
        j -= 1
    while j < start and doc[j].lower_ == "of":
        j += 1
    run = doc[j:start]
    if not run or not _is_role_word(run[-1]) or not run[-1].text[:1].isupper():
        return None
    return _tidy(run.text)


def _role_phrase(doc: Doc, head: Token, name: range) -> str | None:
    """The role noun with its modifiers and its "of"/"at" phrase, without the name's words."""
    if not _is_role_word(head) or head.i in name:
        return None
    tokens = [head]
    for child in head.lefts:
        if child.dep_ in _ROLE_MODIFIERS:
            tokens.extend(child.subtree)
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in _ROLE_PREPOSITIONS:
            tokens.extend(child.subtree)
    tokens = [t for t in tokens if t.i not in name]
    if name.start > head.i:  # the role before its name: the name's apposition ends it
        tokens = sorted((t for t in tokens if t.i < name.start), key=lambda t: t.i)
        while len(tokens) > 1 and tokens[-1].is_punct:
            tokens.pop()
    lo = min(t.i for t in tokens)
    hi = max(t.i for t in tokens)
    span = doc[lo : hi + 1]
    if (
        len(span) > _MAX_ROLE_TOKENS
        or any(t.is_punct and t.text not in {"-", ".", "'s", "’s"} for t in span)
        or any(t.ent_type_ == "PERSON" for t in span)
    ):
        span = doc[lo : head.i + 1] if lo <= head.i else doc[head.i : head.i + 1]
        if any(t.ent_type_ == "PERSON" or t.is_punct for t in span):
            span = doc[head.i : head.i + 1]
    return _tidy(span.text) or None


def roles_of(doc: Doc, start: int, end: int) -> list[str]:
    """Roles the parse attaches to the person named by tokens ``start:end``.

    A title before the name, an appositive on either side ("X, the Y of Z"), and the copula
    ("X is Y"); each role is the noun phrase of a job or title word, attached to this name's
    own head token, so never to another name in a coordination, nor to the head of a larger
    phrase the name sits in ("the removal of Democratic boss X" gives "Democratic boss").
    """
    span = doc[start:end]
    root = span.root
    name = range(start, end)
    found: list[str] = []
    lead = start  # a title the tagger put inside the name ("Sen. Ruth Calloway")
    while lead < end - 1 and doc[lead].lower_.rstrip(".") in _LEADING_TITLES:
        lead += 1
    if (title := _title_before(doc, lead, end)) is not None:
        found.append(title)
    for head_i in _role_heads(doc).get(root.i, []):
        if (role := _role_phrase(doc, doc[head_i], name)) is not None:
            found.append(role)
    return found


def _tidy(text: str) -> str:
    text = " ".join(text.split()).strip(" ,;:")
    words = text.split()
    while words and words[0].lower() in {"the", "a", "an", "his", "her", "their", "its"}:
        words = words[1:]
    return " ".join(words)


#: Words that only join a role's parts: "Secretary of State" is "State Secretary".
_ROLE_GLUE = frozenset({"of", "the", "for", "to", "at"})


def _role_words(role: str) -> frozenset[str]:
    """A role's content words, order and dots aside ("U.S." = "US")."""
    words = (w.replace(".", "").strip(",'’").lower() for w in role.split())
    return frozenset(w for w in words if w and w not in _ROLE_GLUE)


#: Roles shown per actor: the best supported, so one odd parse does not crowd the sidebar.
MAX_ROLES = 3


def merge_roles(roles: Sequence[str]) -> tuple[str, ...]:
    """The best-supported roles: duplicates and roles inside a longer one dropped.

    "Secretary of State" goes inside "US Secretary of State"; roles stated more often come
    first, and at most `MAX_ROLES` are kept.
    """
    by_words: dict[frozenset[str], list[str]] = {}
    for role in roles:
        by_words.setdefault(_role_words(role), []).append(role)
    # One role in two word orders ("president of U.S" / "US President"): the form stated most
    # often stands for it, and the compound (no "of") on a tie, as headlines and bylines write it.
    stated = Counter(roles)
    spelling = {
        words: min(forms, key=lambda f: (-stated[f], " of " in f" {f.lower()} ", len(f)))
        for words, forms in by_words.items()
    }
    roles = [spelling[_role_words(r)] for r in roles]
    unique: dict[str, str] = {}
    for role in roles:
        unique.setdefault(role.lower(), role)
    keep = [
        r
        for key, r in unique.items()
        if not any(key != other and f" {key} " in f" {other} " for other in unique)
    ]

    def support(role: str) -> int:  # mentions of the role, its shorter forms included
        return sum(1 for r in roles if f" {r.lower()} " in f" {role.lower()} ")

    ranked = sorted(keep, key=lambda r: (-support(r), r.lower()))
    return tuple(ranked[:MAX_ROLES])


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

"""Group mentions into entities; pick each entity's label and name."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence, Set
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process, utils

from newsdiff.entities.bodies import BODY_TAILS, LED_BODIES, PLACE_BODIES
from newsdiff.entities.epithets import link_epithets, person_epithets
from newsdiff.entities.linking import link_across_labels
from newsdiff.entities.metonyms import takes_org_words
from newsdiff.entities.people import cluster_people
from newsdiff.entities.places import link_place_names
from newsdiff.entities.recall import ORG_ENDINGS, acronym_windows, expands
from newsdiff.entities.records import (
    NAME_CUTOFF,
    Cluster,
    Form,
    RawMention,
    fold_spaces,
    majority_label,
)
from newsdiff.lexicon.people import ROLE_NOUNS, SPEECH_VERBS
from newsdiff.names import (
    GENERIC_ORG_HEADS,
    acronym_variants,
    compact,
    compass_expansions,
    demonym_country,
    is_acronym,
    is_city,
    is_known_place,
    name_words,
    org_core,
    parse_person,
    strip_determiner,
    strip_titles,
    translit_key,
)
from newsdiff.unionfind import UnionFind

if TYPE_CHECKING:
    from spacy.tokens import Doc


def _form_key(m: RawMention) -> tuple[bool, str]:
    person = m.label == "PERSON"
    text = m.demonym_of or m.abbreviates or strip_determiner(m.text)[1]
    return person, " ".join(name_words(text))


def _link_parenthetical_acronyms(
    texts: Sequence[str], mentions: Sequence[RawMention], uf: UnionFind
) -> None:
    """Join "Organization for ... in Europe (OSCE)" even when the expansion is garbled.

    The acronym's letters must appear, in order and starting with the first, among the initials
    of the words between an organisation mention and the parenthesis.
    """
    by_doc: dict[int, list[RawMention]] = defaultdict(list)
    for m in mentions:
        by_doc[m.doc_index].append(m)
    index = {id(m): i for i, m in enumerate(mentions)}
    for doc_index, own in by_doc.items():
        text = texts[doc_index]
        for win in acronym_windows(own, text):
            for m in win.before:
                if expands(text[m.start : win.match.start()], win.acronym):
                    for inner in win.inside:
                        uf.union(index[id(m)], index[id(inner)])
                    break


#: Words that make a sentence about relatives, where one name may belong to two people.
_FAMILY = frozenset(
    {
        "father",
        "son",
        "dad",
        "elder",
        "younger",
        "senior",
        "junior",
        "namesake",
        "grandson",
        "grandfather",
        "mother",
        "daughter",
        "brother",
        "sister",
    }
)


def _about_family(doc: Doc, token: int) -> bool:
    """Whether the sentence of a token speaks of relatives ("his father, the Rev. X")."""
    return any(t.lower_ in _FAMILY for t in doc[token].sent)


def cluster_mentions(docs: Sequence[Doc], mentions: Sequence[RawMention]) -> list[Cluster]:
    """Group mentions into entities by name structure, transliteration and acronyms."""
    n = len(mentions)
    uf = UnionFind(n)
    forms: dict[tuple[bool, str, int], Form] = {}
    # "the 40-year-old American": a person, placed once the people are known.
    epithets = person_epithets(docs, mentions)
    for i, m in enumerate(mentions):
        if i in epithets:
            continue
        is_person, key = _form_key(m)
        # A namesake ("his father, also named ...") is a form of its own; a generic head
        # alone ("the Committee") is one per article: it means the body that article names.
        own = i if m.namesake else -1
        if not is_person and key.lower() in GENERIC_ORG_HEADS:
            own = len(mentions) + m.doc_index
        form = forms.setdefault((is_person, key, own), Form(key, is_person, m.namesake))
        form.mentions.append(i)
        form.label_votes[m.label] = form.label_votes.get(m.label, 0) + 1
        if is_person and not form.family:
            form.family = _about_family(docs[m.doc_index], m.token_start)
    form_list = list(forms.values())
    for form in form_list:  # identical forms: one entity
        for i in form.mentions[1:]:
            uf.union(form.mentions[0], i)

    # Namesakes join nothing by their name: the story itself said they are someone else.
    persons = [f for f in form_list if f.is_person and not f.namesake]
    others = [f for f in form_list if not f.is_person]
    cluster_people(persons, uf)
    cluster_others(others, uf, _acting_forms(docs, mentions, others))
    for i in link_epithets(docs, mentions, epithets, uf):  # unplaced: the country, as before
        key = _form_key(mentions[i])[1]
        if (False, key, -1) not in forms:
            others.append(forms.setdefault((False, key, -1), Form(key, False)))
        form = forms[(False, key, -1)]
        if form.mentions:
            uf.union(form.mentions[0], i)
        form.mentions.append(i)
        form.label_votes[mentions[i].label] = form.label_votes.get(mentions[i].label, 0) + 1
    # Doc.text joins every token on each access: the text-reading rules share one join per Doc.
    texts = [doc.text for doc in docs]
    _link_parenthetical_acronyms(texts, mentions, uf)
    _link_stated_aliases(texts, mentions, uf)
    # A place that names a team ("Kansas City beat Indianapolis") is grouped with the team
    # for those uses only; "in Kansas City" stays the city.
    team_uses = link_across_labels(docs, mentions, persons, others, uf)
    link_place_names(persons, others, uf)  # Britain / UK / United Kingdom, N Korea / North Korea

    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[uf.find(team_uses.get(i, i))].append(i)
    lent = set(team_uses)
    return [_make_cluster(sorted(idx), mentions, docs, lent) for idx in groups.values()]


#: Words that give a second name for the same thing ("the Islamic State, also known as ISIS").
_ALIAS_GAP = re.compile(
    r"^\s*,?\s*(?:also|better|formerly|widely)?\s*(?:known|referred to) as\s+(?:the\s+)?$"
    r"|^\s*,?\s*(?:a\.k\.a\.?|aka)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _link_stated_aliases(
    texts: Sequence[str], mentions: Sequence[RawMention], uf: UnionFind
) -> None:
    """A name the text itself gives as another name: "the Islamic State, also known as ISIS"."""
    for i in range(len(mentions) - 1):
        a, b = mentions[i], mentions[i + 1]
        if a.doc_index != b.doc_index or (a.label == "PERSON") != (b.label == "PERSON"):
            continue
        if _ALIAS_GAP.match(texts[a.doc_index][a.end : b.start]):
            uf.union(i, i + 1)


def _spelled_out(name: str) -> bool:
    """A name of two or more words, none an initial or an acronym ("United States", not "U S")."""
    words = name.split()
    return len(words) >= 2 and all(len(w) > 1 and not w.isupper() for w in words)


def _head_word(name: str) -> str:
    """The kind of body a name says: its last word before a preposition ("Commission")."""
    words = name_words(name)
    for k, w in enumerate(words):
        if k and w.lower() in {"of", "for", "in", "on", "and", "to"}:
            words = words[:k]
            break
    return words[-1].lower() if words else ""


def _acts(doc: Doc, m: RawMention) -> bool:
    """A mention used as a body that acts: "DNC chair", "the Committee's spokesman", "the
    Committee said" (an event such as a convention is held, it has no chair and says nothing)."""
    nxt = m.token_end
    if nxt < len(doc) and doc[nxt].tag_ == "POS":
        nxt += 1
    if nxt < len(doc) and doc[nxt].lower_ in ROLE_NOUNS and doc[nxt].text.islower():
        return True
    root = doc[m.token_start : m.token_end].root
    return root.dep_ == "nsubj" and root.head.lemma_ in SPEECH_VERBS


def _acting_forms(
    docs: Sequence[Doc], mentions: Sequence[RawMention], forms: Sequence[Form]
) -> set[int]:
    """Ids of the forms some mention of which acts (see ``_acts``)."""
    return {
        id(f)
        for f in forms
        if any(_acts(docs[mentions[i].doc_index], mentions[i]) for i in f.mentions)
    }


def cluster_others(forms: Sequence[Form], uf: UnionFind, acting: set[int] | None = None) -> None:
    """Organisations and places: compact spelling, acronym/expansion and fuzzy spelling.

    ``acting`` holds the ids of forms used as a body that acts: an acronym two kinds of name
    expand ("DNC": the Democratic National Committee and Convention) joins the one expansion
    that acts when the acronym acts too ("DNC chair" / "the Committee said").
    """
    acting = acting or set()
    by_compact: dict[str, list[Form]] = defaultdict(list)
    for f in forms:
        by_compact[org_core(f.text)].append(f)
    for core, group in by_compact.items():  # U.S. / US / u.s.
        if core in GENERIC_ORG_HEADS:
            continue  # "the Committee" of one article is not that of another by its name
        for f in group[1:]:
            uf.union(group[0].mentions[0], f.mentions[0])
    acronyms: dict[str, list[Form]] = defaultdict(list)
    for f in forms:
        if is_acronym(f.text) or (len(f.text) <= 5 and f.text.isupper()):
            acronyms[compact(f.text)].append(f)
    # An acronym joins its expansion, unless names of two kinds of body expand it ("DNC":
    # the Democratic National Committee and the Democratic National Convention).
    expansions: dict[str, list[Form]] = defaultdict(list)
    for f in forms:
        variants = acronym_variants(f.text)
        if len(f.text.split()) >= 2 and majority_label(f) == "ORG":
            variants |= {"t" + acr for acr in variants}  # THR: The Hollywood Reporter
        for acr in variants:
            if acr in acronyms:
                expansions[acr].append(f)
    for acr, longs in expansions.items():
        spelled = [f.text for f in longs if _spelled_out(f.text)]
        if len({_head_word(text) for text in spelled}) > 1:
            doers = [f for f in longs if id(f) in acting and _spelled_out(f.text)]
            if len(doers) == 1:
                for g in acronyms[acr]:
                    if id(g) in acting:
                        uf.union(doers[0].mentions[0], g.mentions[0])
            continue
        for f in longs:
            for g in acronyms[acr]:
                uf.union(f.mentions[0], g.mentions[0])
    multi = [f for f in forms if len(f.text.split()) > 1]
    if len(multi) > 1:
        keys = [" ".join(translit_key(w) for w in f.text.split()) for f in multi]
        scores = process.cdist(
            keys,
            keys,
            scorer=fuzz.ratio,
            processor=utils.default_process,
            score_cutoff=NAME_CUTOFF,
            workers=-1,
        )
        digits = [re.sub(r"\D+", " ", f.text).split() for f in multi]
        for a in range(len(multi)):
            for b in range(a + 1, len(multi)):
                # "Internet Explorer 8" / "Internet Explorer 9", "G7" / "G20": other things.
                if scores[a][b] and digits[a] == digits[b]:
                    uf.union(multi[a].mentions[0], multi[b].mentions[0])


def _well_formed(text: str) -> bool:
    words = text.split()
    return bool(words) and all(
        w[0].isupper() or w.lower() in {"of", "for", "and", "in", "on", "the", "de"} for w in words
    )


_PLACE_CUES = frozenset({"in", "near", "outside", "across", "around", "into"})


def _label_votes(
    idx: Sequence[int],
    mentions: Sequence[RawMention],
    docs: Sequence[Doc],
    lent: Set[int] = frozenset(),
) -> Counter[str]:
    """Weighted label votes: the tagger's labels, corrected by cues the story itself gives.

    A full personal name outweighs surname-only mentions tagged otherwise; a name ending in
    "Bank" or "League", or followed by "'s board", is an organisation; "in X" is a place. A
    use lent to what is named after it (``lent``: "left Betty Ford" for the Betty Ford Center)
    keeps the tagger's label for the name, so it does not vote.
    """
    votes: Counter[str] = Counter()
    # Short forms of an organisation's name ("Dortmund" for "Borussia Dortmund") vote with it.
    org_words = {
        w
        for i in idx
        if mentions[i].label == "ORG" and len(words := mentions[i].text.split()) >= 2
        for w in (words[0], words[-1])
    }
    surnames = {
        words[-1]
        for i in idx
        if mentions[i].label == "PERSON" and len(words := mentions[i].text.split()) >= 2
    }
    for i in idx:
        m = mentions[i]
        if m.demonym_of is not None or i in lent:
            continue
        doc = docs[m.doc_index]
        words = m.text.split()
        weight = 1
        label = m.label
        if m.label == "PERSON" and len(words) >= 2:
            parsed = parse_person(m.text)
            weight = 3 if parsed is not None and parsed.given else 1
        elif len(words) == 1 and words[0] in surnames:
            label = "PERSON"  # "Teixeira" after "Mark Teixeira", whatever the tagger said
        elif len(words) == 1 and words[0] in org_words:
            label = "ORG"
        votes[label] += weight
        if len(words) >= 2 and words[-1].lower() in ORG_ENDINGS:
            votes["ORG"] += 7  # "Nordhavn Bank" settles what "Nordhavn" is
        # A country or US state the data knows: "New York officials" are the place's.
        known = m.label != "PERSON" and is_known_place(m.text)
        if known or ((m.label != "PERSON" or len(words) == 1) and is_city(m.text)):
            votes["GPE"] += 3
        nxt = m.token_end
        possessive = nxt < len(doc) and doc[nxt].tag_ == "POS"
        if possessive:
            nxt += 1
        if takes_org_words(docs, m):
            votes["ORG"] += 2  # "Dortmund's supervisory board"
        elif (
            not known
            and not possessive
            and any(t.lower_ in ROLE_NOUNS and t.text.islower() for t in doc[nxt : nxt + 2])
        ):
            votes["ORG"] += 2  # "Dortmund sporting director", "Galatasaray midfielder"
        if m.token_start > 0 and doc[m.token_start - 1].lower_ in _PLACE_CUES:
            votes["LOC" if m.label == "LOC" else "GPE"] += 2
    return votes


def _make_cluster(
    idx: Sequence[int],
    mentions: Sequence[RawMention],
    docs: Sequence[Doc],
    lent: Set[int] = frozenset(),
) -> Cluster:
    votes = _label_votes(idx, mentions, docs, lent)
    # Only demonyms: the entity is the country they refer to.
    label = votes.most_common(1)[0][0] if votes else "GPE"
    surface = Counter(strip_determiner(mentions[i].text)[1] for i in idx)
    candidates: list[str] = [
        strip_determiner(mentions[i].text)[1] for i in idx if mentions[i].demonym_of is None
    ]
    demonyms = [mentions[i].demonym_of for i in idx if mentions[i].demonym_of]
    if not candidates:
        candidates = [d for d in demonyms if d]
    if label == "PERSON":  # "Deputy Ortiz" must not beat "Jerry Ortiz" and then lose its title
        candidates = [strip_titles(c) for c in candidates]
    counts = Counter(candidates)
    name = max(
        candidates,
        key=lambda t: (
            _well_formed(t),
            not t.isupper() or label == "PERSON",
            not compass_expansions(t),  # "North Korea" names the entity, not "N Korea"
            len(t.split()),
            counts[t],
            len(t),
        ),
    )
    if label == "PERSON":
        name = strip_titles(name)
    aliases = tuple(sorted(surface, key=lambda t: (-surface[t], t)))
    return Cluster(tuple(idx), fold_spaces(name), label, aliases)


def entity_sort_key(cluster: Cluster, mentions: Sequence[RawMention]) -> tuple[int, int, int]:
    """Most-mentioned first, then first appearance: stable ids for the same input."""
    first = min((mentions[i].doc_index, mentions[i].start) for i in cluster.mentions)
    return (-len(cluster.mentions), first[0], first[1])


def sources_of(
    cluster: Cluster, mentions: Sequence[RawMention], order: Iterable[str]
) -> tuple[str, ...]:
    """Source ids the cluster appears in, in argument order."""
    present = {mentions[i].source for i in cluster.mentions}
    return tuple(s for s in order if s in present)


def led_by(clusters: Sequence[Cluster]) -> dict[int, int]:
    """Bodies named after who leads them or where they govern: "the Obama administration" ->
    Obama, "Los Angeles police" -> Los Angeles, "the Indian government" -> India.

    The body is an organisation of its own (never merged with the person or place); this
    links it to the one person of the comparison whose name ends with the words before
    "administration", "campaign" or another such noun, or to the one place named by the
    words before "police", "government" or another such noun (or by the country of their
    adjective).
    """
    people = [(k, c.name.split()) for k, c in enumerate(clusters) if c.label == "PERSON"]
    places: dict[str, set[int]] = defaultdict(set)
    for k, c in enumerate(clusters):
        if c.label in {"GPE", "LOC"}:
            for form in (c.name, *c.aliases):
                places[strip_determiner(form)[1].lower()].add(k)
    links: dict[int, int] = {}
    for k, c in enumerate(clusters):
        if c.label == "PERSON":
            continue
        words = c.name.split()
        if len(words) >= 2 and words[-1].lower() in LED_BODIES:
            leader = [w.lower() for w in words[:-1]]
            found = {j for j, name in people if [w.lower() for w in name[-len(leader) :]] == leader}
            if len(found) == 1:
                links[k] = found.pop()
                continue
        found = set()
        for form in (c.name, *c.aliases):
            place = _governed_place(strip_determiner(form)[1])
            if place is not None:
                found |= places.get(place.lower(), set())
                country = demonym_country(place)
                if country is not None:
                    found |= places.get(country.lower(), set())
        found.discard(k)
        if len(found) == 1:
            links[k] = found.pop()
    return links


def _governed_place(name: str) -> str | None:
    """ "Los Angeles" of "Los Angeles police department": the words before a body noun."""
    words = name.split()
    # "The Israeli Army", "Los Angeles Police Department": the tagger's own name capitalises
    # the body's noun, which is then the same noun as in "Israeli army".
    if len(words) >= 3 and words[-1].lower() in BODY_TAILS:
        words = words[:-1]
    if len(words) >= 2 and words[-1].lower() in PLACE_BODIES:
        return " ".join(words[:-1])
    return None

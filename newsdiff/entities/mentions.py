"""Named-entity mentions of each source, trimmed and repaired to the name itself."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

from newsdiff.actors import named_with_a_job
from newsdiff.entities.bodies import (
    group_led_bodies,
    named_institutions,
    person_led_bodies,
    place_led_bodies,
    place_led_teams,
)
from newsdiff.entities.fitting import extend_to_acronyms, fit_to_known_names
from newsdiff.entities.headlines import is_headline
from newsdiff.entities.recall import (
    add_parenthetical_acronyms,
    missed_mentions,
    organisation_chunks,
)
from newsdiff.entities.records import RawMention, respan
from newsdiff.lexicon.people import NAME_TITLES, ROLE_NOUNS
from newsdiff.model import ENTITY_LABELS
from newsdiff.names import (
    GENERIC_ORG_HEADS,
    KIND_WORDS,
    NAME_SUFFIXES,
    ORG_SUFFIXES,
    PERSON_TITLES,
    compact,
    demonym_country,
    is_given_name,
    place_abbreviated,
    strip_possessive,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

#: Words after which a capitalised word is part of a title, not an organisation
#: ("Secretary of State").
_TITLE_HEADS = frozenset({"secretary", "minister", "ministers", "secretaries"})


def clean_span(span: Span, common: frozenset[str] = frozenset()) -> tuple[int, int] | None:
    """Token range of the name inside an entity span, without determiners or possessives.

    ``common`` holds words the comparison writes in lower case: capitalised only by its
    place at the start of a sentence, such a word says what the name is, not which
    ("Retailer Brightwell Stores Inc." beside "US retailer Brightwell").
    """
    start, end = span.start, span.end
    doc = span.doc
    for i in range(start, end):  # "the World Health Organization (WHO": the name ends at "("
        if doc[i].text == "(":
            end = i
            break
    while start < end and (
        doc[start].lower_ in {"the", "a", "an"} or doc[start].is_punct or doc[start].is_space
    ):
        start += 1
    # "Retailer Brightwell Stores Inc." at the start of a sentence: the common noun is
    # capitalised only by its place, and says what the name is, not which.
    if (
        end - start >= 2
        and doc[start].is_sent_start
        and doc[start].lower_ in common
        and doc[start + 1].pos_ == "PROPN"
    ):
        start += 1
    # "Joining Ferris at the briefing was ...": a verb whose object is the name opens
    # a participle clause; a name's own words are nouns, so the verb is not part of it.
    if end - start >= 2 and doc[start].pos_ == "VERB" and doc[start + 1 : end].root.head.i == start:
        start += 1
    while end > start and (
        doc[end - 1].is_punct or doc[end - 1].tag_ == "POS" or doc[end - 1].is_space
    ):
        end -= 1
    # "American Hasim Rahman": a nationality before a person's name is not part of it.
    if span.label_ == "PERSON" and end - start >= 3 and demonym_country(doc[start].text):
        start += 1
    if start >= end:
        return None
    if not any(ch.isalpha() for ch in doc[start:end].text):
        return None
    return start, end


#: Portfolio words that make a job title ("Defence Minister", "Army chief"), not a name.
_PORTFOLIOS = frozenset(
    {
        "defence",
        "defense",
        "foreign",
        "interior",
        "finance",
        "justice",
        "health",
        "education",
        "trade",
        "energy",
        "army",
        "navy",
        "air",
        "force",
        "treasury",
        "home",
        "economy",
        "agriculture",
        "labour",
        "labor",
        "transport",
        "culture",
        "environment",
        "intelligence",
        "police",
        "military",
        "security",
        "state",
        "commerce",
        "industry",
        "information",
        "development",
        "immigration",
        "economic",
        "national",
        "deputy",
        "prime",
    }
)


def _is_title_part(span: Span) -> bool:
    """ "State" in "Secretary of State", "Defence" in "Defence Minister": a job, not a name."""
    doc = span.doc
    i = span.start
    if i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in _TITLE_HEADS:
        return True
    if not all(t.lower_ in _PORTFOLIOS for t in span):
        return False
    return span.end < len(doc) and doc[span.end].lower_ in ROLE_NOUNS


#: Nouns for kinds of place that English names with "of" ("the city of Port Aven", "the
#: island of Kessa"), with the label of the place they introduce.
_PLACE_CLASSES = {
    **dict.fromkeys(
        ("city", "town", "village", "port", "resort", "province", "state", "county"), "GPE"
    ),
    **dict.fromkeys(("island", "region"), "LOC"),
}


#: Labels the words before a name never overturn: "a village of Yazidis" is a people, and
#: an event or a law is not a place whatever introduces it.
_KEEP_BEFORE_PLACE_CLASS = frozenset({"NORP", "EVENT", "LAW"})


def _named_place_class(doc: Doc, start: int, label: str) -> str | None:
    """The label a name takes from the words right before it, when they say it is a place.

    "The (northern) city of Port Aven", "the northern Greek island of Kessa": a
    determiner, adjectives, a lower-case place-class noun and "of"; the name is never a person
    or a company, but a people ("a village of Yazidis") stays a people. "Tomas Ferreira,
    31, of Albany": news style gives a person's age and then the home town, so a name
    there that the tagger read as a person is a place; an employer ("John Smith, 45, of
    Goldman Sachs") keeps its label.
    """
    if start < 3 or doc[start - 1].lower_ != "of" or label in _KEEP_BEFORE_PLACE_CLASS:
        return None
    if start >= 4 and doc[start - 2].text == "," and doc[start - 4].text == ",":
        age = doc[start - 3].text
        if age.isdigit() and len(age) <= 3:
            return "GPE" if label == "PERSON" else None
    noun = doc[start - 2]
    k = start - 3
    while k > 0 and (doc[k].pos_ == "ADJ" or doc[k].ent_type_ == "NORP"):
        k -= 1  # "the northern Greek island of"
    if not noun.text.islower() or doc[k].lower_ not in {"the", "a", "an"}:
        return None
    return _PLACE_CLASSES.get(noun.lower_)


def _after_person_title(doc: Doc, start: int, end: int) -> bool:
    """A short run of capitalised words right after a person's title is a person's name."""
    if start == 0 or end - start > 3:
        return False
    before = doc[start - 1]
    if before.lower_.rstrip(".") not in NAME_TITLES and before.lower_ not in ROLE_NOUNS:
        return False
    return _name_cased(doc[start:end])


def _name_cased(words: Span) -> bool:
    """Proper nouns written as names are: capitalised, not all capitals (not an acronym)."""
    return all(t.pos_ == "PROPN" and t.text[:1].isupper() and not t.is_upper for t in words)


def _person_by_job(doc: Doc, start: int, end: int) -> bool:
    """A given name and a surname that an appositive or the copula gives a job ("Marcus Hale,
    the chief executive of Brightline Energy", tagged ORG) name a person."""
    words = doc[start:end]
    return (
        2 <= len(words) <= 3
        and _name_cased(words)
        and is_given_name(words[0].text)
        and named_with_a_job(doc, start, end)
    )


def collect_mentions(docs: Sequence[Doc], source_ids: Sequence[str]) -> list[RawMention]:
    """Named-entity mentions of every source, trimmed to the name itself."""
    mentions: list[RawMention] = []
    # Doc.text and Doc.ents rebuild their result on every access: read each once per document.
    texts = [doc.text for doc in docs]
    common = frozenset(t.text for doc in docs for t in doc if t.is_alpha and t.text.islower())
    for doc_index, (doc, sid) in enumerate(zip(docs, source_ids, strict=True)):
        for span in doc.ents:
            if span.label_ not in ENTITY_LABELS or _is_title_part(span):
                continue
            bounds = clean_span(span, common)
            if bounds is None:
                continue
            ts, te = bounds
            sub = doc[ts:te]
            start, end = sub.start_char, sub.end_char
            text = texts[doc_index][start:end]
            bare = strip_possessive(text)
            end -= len(text) - len(bare)
            text = bare
            if not text.strip():
                continue
            label = span.label_
            if label != "PERSON" and (
                _after_person_title(doc, ts, te) or _person_by_job(doc, ts, te)
            ):
                label = "PERSON"  # "Chancellor Olaf Scholz", "Marcus Hale, the CEO" tagged ORG
            demonym = demonym_country(text) if label in {"NORP", "GPE"} else None
            if label == "GPE" and demonym is not None and text[0].isupper():
                label = "NORP"  # spaCy sometimes tags an adjective such as "Ukrainian" as GPE
            if label == "PERSON" and text.split()[-1].isdigit():
                label = "ORG"  # "Korvik Nova 7": no person's name ends in a number; a model's does
            place = _named_place_class(doc, ts, label)
            if place is not None:
                label = place  # "the city of Port Aven": never a person or a company
            abbreviates = place_abbreviated(text)
            if abbreviates is not None:
                label = "GPE"  # "Calif." after a name is the state, whatever the tagger said
            mentions.append(
                RawMention(sid, start, end, text, label, doc_index, ts, te, demonym, abbreviates)
            )
    mentions = _trust_headlines_less(docs, mentions, common)
    mentions = _trim_to_known_names(docs, mentions)
    mentions = _mark_namesakes(docs, mentions)
    mentions = split_at_known_names(docs, mentions)
    mentions = fit_to_known_names(docs, mentions)
    mentions = _include_nicknames(docs, mentions)
    mentions = person_led_bodies(docs, mentions)
    mentions = named_institutions(docs, mentions)
    mentions = group_led_bodies(docs, mentions)
    mentions = place_led_bodies(docs, mentions)
    mentions = place_led_teams(docs, mentions)
    mentions.extend(add_parenthetical_acronyms(docs, texts, source_ids, mentions))
    mentions.sort(key=lambda m: (m.doc_index, m.start))
    mentions = extend_to_acronyms(texts, mentions)
    mentions.extend(missed_mentions(docs, source_ids, mentions))
    mentions.extend(organisation_chunks(docs, source_ids, mentions))
    mentions.sort(key=lambda m: (m.doc_index, m.start))
    # again, for the names recall added
    mentions = named_institutions(docs, mentions)
    mentions = place_led_bodies(docs, mentions)
    mentions = place_led_teams(docs, mentions)
    return _join_makers_to_models(docs, _include_versions(docs, mentions), common)


def _join_makers_to_models(
    docs: Sequence[Doc], mentions: list[RawMention], common: frozenset[str]
) -> list[RawMention]:
    """ "Korvik Nova 7", "Toyota Camry": a maker's name right before a model names the product.

    The product is not its maker: the two become one mention, which the clustering keeps
    apart from the company (a model never joins a name by its first word). A numbered model
    is a mention of its own; an unnumbered one is found by ``_model_after_maker``.
    """
    taken = {(m.doc_index, k) for m in mentions for k in range(m.token_start, m.token_end)}
    in_names = _company_name_pairs(docs, mentions)
    out: list[RawMention] = []
    for m in mentions:
        doc = docs[m.doc_index]
        model = _model_after_maker(doc, m, common, in_names)
        if model is not None and not any(
            (m.doc_index, k) in taken for k in range(m.token_end, model)
        ):
            m = respan(doc, m, m.token_start, model, "ORG")
            m.product = True
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.doc_index == m.doc_index
            and prev.token_end == m.token_start
            and prev.label in {"ORG", "PERSON", "PRODUCT"}
            and prev.token_end - prev.token_start <= 2
            and m.label not in {"PERSON", "GPE", "NORP", "DATE"}
            and m.text.split()[-1].isdigit()
            and len(m.text.split()) >= 2
            and docs[m.doc_index][prev.token_end - 1].whitespace_ == " "
        ):
            out[-1] = respan(docs[m.doc_index], prev, prev.token_start, m.token_end, "ORG")
            continue
        out.append(m)
    return out


#: Words that, after a company's name, name a part or a kind of that company, not a product
#: ("Disney Channel", "Walmart Store").
_NOT_MODELS = ORG_SUFFIXES | GENERIC_ORG_HEADS | KIND_WORDS


def _company_name_pairs(
    docs: Sequence[Doc], mentions: Sequence[RawMention]
) -> frozenset[tuple[str, str]]:
    """Pairs of words that follow each other inside the comparison's organisation names.

    "Toyota Motor Corp." written anywhere says that "Motor" after "Toyota" goes on the
    company's name, so "Toyota Motor" is the company, not a model of it.
    """
    pairs: set[tuple[str, str]] = set()
    for m in mentions:
        if m.label == "ORG" and not m.product:
            words = docs[m.doc_index][m.token_start : m.token_end]
            pairs.update((a.lower_, b.lower_) for a, b in pairwise(words))
    return frozenset(pairs)


def _model_after_maker(
    doc: Doc, m: RawMention, common: frozenset[str], in_names: frozenset[tuple[str, str]]
) -> int | None:
    """The end of a model's name right after a one-word maker ("Toyota Camry"), or None.

    English names a product by its maker and the model's own name: a span the tagger calls a
    product, or else one singular, name-cased proper noun that ends the name (no capitalised
    word follows) and is neither a word companies use for their parts or kinds ("Disney
    Channel"), nor a word that follows this maker inside an organisation's name elsewhere in
    the comparison (``in_names``: "Toyota Motor" beside "Toyota Motor Corp."), nor a title or
    a job ("U.N. Secretary-General"), nor a word the comparison writes in lower case
    (``common``: "a Walmart Store" is a store). Title-case headlines capitalise every word
    and say nothing.
    """
    k = m.token_end
    if m.label != "ORG" or k - m.token_start != 1 or k >= len(doc):
        return None
    maker = doc[k - 1]
    if not maker.text.replace(".", "").isalpha() or maker.whitespace_ != " ":
        return None  # "203rd Ave": a maker's name is a word or an acronym
    if is_headline(doc[k].sent, common):
        return None
    product = next((e for e in doc.ents if e.start == k and e.label_ == "PRODUCT"), None)
    if product is not None:
        # "Boeing 747", "Chevrolet Cavalier"; not a date the tagger misread ("GMT 4 Mar 2021")
        return product.end if len(product) == 1 or product[0].is_alpha else None
    word = doc[k]
    after = doc[k + 1] if k + 1 < len(doc) else None
    if (
        word.ent_type_
        or (after is not None and after.lower_ in {"of", "for"})  # "US Chamber of Commerce"
        or word.tag_ != "NNP"
        or not word.is_alpha
        or not word.text[:1].isupper()
        or word.is_upper
        or word.lower_ in _NOT_MODELS
        or (maker.lower_, word.lower_) in in_names
        or word.lower_ in common
        or word.lower_ in PERSON_TITLES
        or word.lower_ in ROLE_NOUNS
        or (after is not None and after.text in {"-", "\u2013"})  # "U.N. Secretary-General"
        or demonym_country(word.text) is not None
        or (after is not None and after.text[:1].isupper() and after.is_alpha)
    ):
        return None
    return k + 1


def _trust_headlines_less(
    docs: Sequence[Doc], mentions: list[RawMention], common: frozenset[str] = frozenset()
) -> list[RawMention]:
    """In a headline keep only names the prose of the story also uses.

    The prose names are then found again in the headline by the document-level pass, with
    clean boundaries.
    """
    headline_tokens: list[set[int]] = []
    for doc in docs:
        tokens: set[int] = set()
        for sent in doc.sents:
            if is_headline(sent, common):
                tokens.update(range(sent.start, sent.end))
        headline_tokens.append(tokens)
    if not any(headline_tokens):
        return mentions
    # "Comeaux Jr" in a headline is the prose's "Comeaux Jr.": a full stop does not count.
    prose_forms = {
        m.text.rstrip(".") for m in mentions if m.token_start not in headline_tokens[m.doc_index]
    }
    return [
        m
        for m in mentions
        if m.token_start not in headline_tokens[m.doc_index] or m.text.rstrip(".") in prose_forms
    ]


def _trim_to_known_names(docs: Sequence[Doc], mentions: list[RawMention]) -> list[RawMention]:
    """Cut headline run-ons back to a name the story uses elsewhere.

    In title-case headlines the tagger reads "Nora Vance Checks Into Hospital" as one name;
    when "Nora Vance" is a name elsewhere in the comparison, the mention is that name.
    Verbs and function words after the first two words of a name end it too.
    """
    out: list[RawMention] = []
    person_forms = {
        tuple(t.lower_ for t in docs[m.doc_index][m.token_start : m.token_end])
        for m in mentions
        if m.label == "PERSON" and 2 <= m.token_end - m.token_start <= 3
    }
    # Words that go on a person's name, so never a run-on: a suffix ("Tobias Whitfield Jr."),
    # or a surname the story uses ("Tomás Herrera Quintana" beside "Lucía Quintana").
    name_ends = {
        m.text.split()[-1].lower() for m in mentions if m.label == "PERSON" and m.text.split()
    }
    for m in mentions:
        doc = docs[m.doc_index]
        te = m.token_end
        if m.label == "PERSON" and te - m.token_start > 2:
            for j in range(m.token_start + 2, te):
                tok = doc[j]
                if tok.pos_ in {"VERB", "AUX", "ADP", "CCONJ"} or tok.is_stop:
                    te = j
                    break
            words = tuple(t.lower_ for t in doc[m.token_start : te])
            for n in range(len(words) - 1, 1, -1):
                after = words[n].rstrip(".")
                if after in NAME_SUFFIXES or words[n] in name_ends:
                    break
                if words[:n] in person_forms:
                    te = m.token_start + n
                    break
        if te != m.token_end:
            m = respan(doc, m, m.token_start, te)
        out.append(m)
    return out


def _mark_namesakes(docs: Sequence[Doc], mentions: list[RawMention]) -> list[RawMention]:
    """ "His father, also named Marcus Dunmore": a second person who bears the name.

    The words "also named" / "also called" right before a person's name say that the name
    belongs to someone else in the story too.
    """
    for m in mentions:
        doc = docs[m.doc_index]
        ts = m.token_start
        if (
            m.label == "PERSON"
            and ts >= 2
            and doc[ts - 1].lower_ in {"named", "called"}
            and doc[ts - 2].lower_ == "also"
        ):
            m.namesake = True
    return mentions


_NICKNAME_MARKS = {"(": ")", '"': '"', "'": "'", "\u201c": "\u201d", "\u2018": "\u2019"}


def split_at_known_names(docs: Sequence[Doc], mentions: list[RawMention]) -> list[RawMention]:
    """ "Lopez and Carrasquillo", "Bluejays' Valley": one tagged span, known names inside.

    A span joined by "and" is two mentions when both sides are names the comparison uses
    alone, or one is a person's name or surname; so is one joined by "at"/"in"/"vs" after
    such a name ("Harriers at Portland Civic Stadium"); a plural possessive inside a
    span ends the name when the part before it is such a name.
    """
    known = {compact(m.text) for m in mentions}
    people: set[str] = set()  # people's names and surnames
    for m in mentions:
        if m.label == "PERSON":
            people.add(compact(m.text))
            if len(words := m.text.split()) >= 2:
                people.add(compact(words[-1]))
    known |= people

    def piece(m: RawMention, start: int, end: int) -> RawMention:
        return respan(docs[m.doc_index], m, start, end)

    out: list[RawMention] = []
    for m in mentions:
        doc = docs[m.doc_index]
        inner = range(m.token_start + 1, m.token_end - 1)
        split = False
        for k in inner:
            tok = doc[k]
            left = doc[m.token_start : k]
            if tok.text == "," and compact(left.text) in known:
                right = doc[k + 1 : m.token_end]
                if compact(right.text) in known:  # "People, Reid": both names used alone
                    out.extend((piece(m, m.token_start, k), piece(m, k + 1, m.token_end)))
                    split = True
                    break
            if tok.text in {"at", "in", "vs", "vs."} and compact(left.text) in known:
                right = doc[k + 1 : m.token_end]
                if right.text[:1].isupper():  # "Harriers at Portland Civic Stadium"
                    out.extend((piece(m, m.token_start, k), piece(m, k + 1, m.token_end)))
                    split = True
                    break
            if tok.lower_ == "and" and left.text[:1].isupper():
                right = doc[k + 1 : m.token_end]
                sides = {compact(left.text), compact(right.text)}
                # Both sides names, or one a person ("Philly and Cheeks"); "Bosnia and
                # Herzegovina" stays one name.
                if right.text[:1].isupper() and (sides <= known or sides & people):
                    out.extend((piece(m, m.token_start, k), piece(m, k + 1, m.token_end)))
                    split = True
                    break
            if (
                tok.text in {"'", "\u2019"}
                and doc[k - 1].text.endswith("s")
                and (compact(left.text) in known)
            ):
                out.append(piece(m, m.token_start, k))
                split = True
                break
        if not split:
            out.append(m)
    return out


def _include_nicknames(docs: Sequence[Doc], mentions: list[RawMention]) -> list[RawMention]:
    """ "Luis Gerardo (Jerry) Ortiz": the tagger stops at the bracket; the name goes on.

    The nickname then counts as one of the person's given names, so "Jerry Ortiz" elsewhere
    is the same person.
    """
    out: list[RawMention] = []
    for m in mentions:
        doc = docs[m.doc_index]
        te = m.token_end
        if m.label == "PERSON" and te + 3 < len(doc):
            open_, nick, close, surname = doc[te], doc[te + 1], doc[te + 2], doc[te + 3]
            if (
                _NICKNAME_MARKS.get(open_.text) == close.text
                and nick.text[:1].isupper()
                and nick.is_alpha
                and surname.text[:1].isupper()
                and surname.pos_ == "PROPN"
                and "\n" not in doc[m.token_start : te + 4].text
            ):
                m = respan(doc, m, m.token_start, te + 4)
        out.append(m)
    return out


def _include_versions(docs: Sequence[Doc], mentions: list[RawMention]) -> list[RawMention]:
    """ "Internet Explorer 8" and "Internet Explorer 9" are two products, not one.

    A name followed by a small number is a numbered version when the comparison follows the
    same name with two or more different numbers; a score ("Colts 31, Jaguars 24") is kept out
    by the punctuation after it.
    """

    def version(m: RawMention) -> str | None:
        doc = docs[m.doc_index]
        if m.label in {"PERSON", "GPE", "NORP", "LOC"} or m.token_end >= len(doc):
            return None
        num = doc[m.token_end]
        after = doc[m.token_end + 1].text if m.token_end + 1 < len(doc) else ""
        if not (num.text.isdigit() and len(num.text) <= 2) or after in {",", "-", "–", ":"}:
            return None
        return num.text

    numbers: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if (v := version(m)) is not None:
            numbers[compact(m.text)].add(v)
    out: list[RawMention] = []
    for m in mentions:
        if version(m) is not None and len(numbers[compact(m.text)]) >= 2:
            m = respan(docs[m.doc_index], m, m.token_start, m.token_end + 1)
        out.append(m)
    return out

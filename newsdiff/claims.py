"""Decide how aligned sentences compare: agree, adds (one says more) or differ (they conflict).

Every difference carries a class a fact-checker can act on:

- ``conflict``: the sources give incompatible values for the same slot: a number for the same
  quantity, a date of the same event, another actor in the same role, the opposite polarity,
  another modality (will / may / did / denied), another event with the same participants
  ("met with" vs "spoke with"), or other content words inside a quote.
- ``addition``: one source states something the other omits (a name, a number, a date, a
  qualifier, more of a quote, a speaker).
- ``wording``: the same fact said in other words (a reworded quote, another main verb).

Slots come from the dependency parse (:mod:`newsdiff.claim_facts`), values are compared
normalised: entities by entity id, numbers by value, dates by resolved TIMEX3 value. Only
conflicts make a claim ``differ``; additions make it ``adds``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from itertools import combinations

from newsdiff.align import AlignedGroup, SentenceFeatures, lexical_similarity
from newsdiff.claim_facts import (
    LIGHT_VERBS,
    REPORTING_VERBS,
    WORD,
    EventFact,
    SentenceDetail,
    event_of,
    other_event,
    predicate_of,
    quote_words,
    sentence_detail,
)
from newsdiff.claim_numbers import (
    NumberFact,
    compatible_numbers,
    normalise_number,
    number_fact,
    split_qualifier,
)
from newsdiff.claim_quotes import compare_quotes
from newsdiff.claim_roles import role_rank
from newsdiff.claim_values import (
    Found,
    compare_dates,
    compare_numbers,
    compatible_dates,
    other_moment,
    with_vague,
)
from newsdiff.claim_words import WORD_SYNONYM, ngram_overlap, soft_overlap, synonyms
from newsdiff.model import Claim, ClaimStatus

__all__ = [
    "EventFact",
    "NumberFact",
    "SentenceDetail",
    "compare_group",
    "compatible_numbers",
    "event_of",
    "normalise_number",
    "number_fact",
    "predicate_of",
    "quote_words",
    "sentence_detail",
    "soft_overlap",
    "split_qualifier",
]

#: A sentence whose uncovered content (IDF-weighted share of its words and names that the
#: other sentence lacks) reaches this share adds facts; below it, the rest is wording.
ADDITION_SHARE = 0.3
#: Claim similarity (0-1) = a linear blend of :func:`similarity_features` and whether a figure,
#: date or time is added, minus a penalty per conflict, clipped. Fitted by least squares on the
#: STS-B news train part: ``bench/accuracy_claims.py --fit`` prints them (the check parts are
#: only read as a figure).
SCORE_WEIGHTS = (
    -0.073,
    0.564,
    -0.058,
    -0.098,
    0.323,
    0.228,
    0.103,
    -0.052,
    0.128,
    0.170,
    -0.205,
    -0.158,
    0.119,
    0.0,
    0.034,
    -0.081,
)
CONFLICT_PENALTY = 0.109
#: How close two statements are for the agree / adds boundary: the first blend of cosine,
#: lexical score, shared content and soft overlap fitted on STS-B news train, kept with the
#: threshold below that was tuned with it on the tune parts.
CLOSENESS_WEIGHTS = (-0.099, 0.741, 0.011, -0.011, 0.307)
#: Aligned statements at least this similar (0-1, about 4 of STS's 5: "mostly equivalent,
#: unimportant details differ") say the same thing: what one adds is a detail of wording.
#: Tuned on the tune parts of bench/accuracy_claims.py.
AGREE_SIMILARITY = 0.65
#: A secondary clause that one source alone has, with its own subject ("..., and SWAT officers
#: surrounded the classroom") or a second predicate of the same one ("... and charged him
#: with fraud"; see :func:`newsdiff.claim_roles.clauses`), is a fact of its own when it has at
#: least this many keys (its verb, content words and names) and this share of them is
#: uncovered (its verb always). Chosen on the tune parts (share 1.0 / 0.7 / 0.8 and 3 / 4
#: words tried).
CLAUSE_WORDS = 3
CLAUSE_SHARE = 0.7
_FORMS = re.compile(r"\w+")
#: Additions that are always facts of their own, however small: a figure, a qualifier on
#: it ("more than 10,000"), a date or a time.
_FACT_KINDS = frozenset({"number", "date", "time"})


def _overlap(xa: frozenset[str], xb: frozenset[str], names: Mapping[str, str]) -> bool:
    """Two slots name the same thing: a shared entity id or noun, or a bare noun that is a word
    of the other side's entity name ("Zelenskyy" left untagged by NER / the entity)."""
    if xa & xb:
        return True

    def spread(keys: frozenset[str]) -> set[str]:
        out = set(keys)
        for k in keys:
            if not k.startswith("n:") and k in names:
                out |= {"n:" + w.lower() for w in names[k].split()}
        return out

    return bool(spread(xa) & spread(xb))


def _different_entities(xa: frozenset[str], xb: frozenset[str]) -> bool:
    ids_a = {k for k in xa if not k.startswith("n:")}
    ids_b = {k for k in xb if not k.startswith("n:")}
    return bool(ids_a and ids_b and not ids_a & ids_b)


# --- comparison ----------------------------------------------------------------------------


def missing_words(a: SentenceFeatures, b: SentenceFeatures) -> tuple[list[str], list[str]]:
    """Content words of each side that the other lacks (no equal or synonymous word): one
    word matrix serves both ways, the relation being symmetric."""
    words_a = list(dict.fromkeys(a.lemmas))
    words_b = list(dict.fromkeys(b.lemmas))
    if not words_a or not words_b:
        return words_a, words_b
    same = synonyms(words_a, words_b)
    return (
        [w for w, c in zip(words_a, same.any(axis=1), strict=True) if not c],
        [w for w, c in zip(words_b, same.any(axis=0), strict=True) if not c],
    )


def _uncovered(
    a: SentenceFeatures,
    b: SentenceFeatures,
    missing: list[str],
    roles: Mapping[str, str] | None = None,
    contested: frozenset[str] = frozenset(),
) -> tuple[float, float]:
    """The IDF-weighted share of ``a`` that ``b`` lacks (``missing`` words, names, figures,
    dates), and the share of it that is core to what ``a`` states (not a modifier of
    something both name)."""
    missing_ents = [e for e in a.entities if e not in b.entities]
    missing_nums = [n for n in a.numbers if n not in b.numbers]
    missing_dates = [d for d in a.dates if not any(compatible_dates(d, x) for x in b.dates)]
    total = sum(a.features.values()) or 1.0
    weight = sum(a.features.get(w, 1.0) for w in missing)
    weight += sum(a.features.get(f"ent:{e}", 1.0) for e in missing_ents)
    facts = sum(a.features.get(f"num:{n}", 1.0) for n in missing_nums)
    facts += sum(a.features.get(f"date:{d}", 1.0) for d in missing_dates)
    gone = set(missing) | set(missing_ents) | contested
    core = sum(a.features.get(w, 1.0) for w in missing if _material(w, roles, gone))
    core += sum(a.features.get(f"ent:{e}", 1.0) for e in missing_ents if _material(e, roles, gone))
    return (weight + facts) / total, (core + facts) / total


def _modified(
    a: SentenceFeatures, b: SentenceFeatures, missing: list[str], roles: Mapping[str, str]
) -> set[str]:
    """Words of ``a`` that one of its uncovered modifiers describes."""
    keys = [*missing, *(e for e in a.entities if e not in b.entities)]
    return {roles[k][4:] for k in keys if roles.get(k, "").startswith("mod:")}


def _material(key: str, roles: Mapping[str, str] | None, gone: set[str]) -> bool:
    """An uncovered word is part of a fact of its own unless it only describes something the
    other source names too and the other source does not describe it another way ("the
    county's first full-scale flood exercise" / "the first drill", but "Venezuelan president" /
    "Senegalese president")."""
    role = (roles or {}).get(key, "core")
    # The attribution stays material, its descriptors included: who said it, and in what
    # capacity, is what STS annotators score as important (treating a restated attribution
    # as wording gained MSRP but cost the STS check part 0.844 -> 0.824).
    if role.startswith("mod:"):
        return role[4:] in gone
    return True


def _compare_events(
    found: Found,
    a: str,
    b: str,
    ea: EventFact,
    eb: EventFact,
    names: Mapping[str, str],
    labels: Mapping[str, str],
) -> None:
    """Polarity, modality, actors and event type of the two main events.

    The same verb (or a synonym) with a shared participant: another negation or modality is
    a conflict, and so is another named actor in the same role. Different verbs with the same
    participants ("Blinken met with / spoke with Zelensky") are another event: a conflict
    when both verbs take an object, one role is shared while the other is not a different
    named actor, and the verbs name known event kinds that exclude each other; otherwise
    ("surrendered to" / "presented himself to") the verbs are only wording.
    """
    from newsdiff.semantic import word_similarity

    base_a, base_b = ea.verb.split()[0], eb.verb.split()[0]
    same_verb = ea.verb == eb.verb or base_a == base_b
    if not same_verb:
        same_verb = (
            word_similarity(base_a.replace("_", " "), base_b.replace("_", " ")) >= WORD_SYNONYM
        )
    shared_subject = _overlap(ea.subjects, eb.subjects, names)
    shared_object = _overlap(ea.objects, eb.objects, names)
    shared_argument = shared_subject or shared_object
    if same_verb:
        # Negation contradicts only the same predicate: "was the biggest rally since 1998" /
        # "has not seen such a rally since 1998" say one thing with two verbs.
        if ea.negated != eb.negated and shared_argument:
            found.add("polarity", "conflict", {a: [ea.surface], b: [eb.surface]})
            return
        if ea.modality != eb.modality and shared_argument and not _scheduled(ea, eb):
            found.add("modality", "conflict", {a: [ea.surface], b: [eb.surface]})
        for xa, xb in ((ea.subjects, eb.subjects), (ea.objects, eb.objects)):
            if _different_entities(xa, xb) and not _overlap(xa, xb, names):
                ids_a = sorted(k for k in xa if not k.startswith("n:"))
                ids_b = sorted(k for k in xb if not k.startswith("n:"))
                # "The White House said" / "Bush said": an office and its head are one voice;
                # two people, or two organisations, in one role are two actors.
                same_kind = {labels.get(k) for k in ids_a} & {labels.get(k) for k in ids_b}
                # "Al Qaeda" / "al-Qaida": one name spelled two ways is one actor.
                spelled = _same_voice(
                    [names.get(k, k) for k in ids_a], [names.get(k, k) for k in ids_b]
                )
                if same_kind and not spelled:
                    found.add("actor", "conflict", {a: ids_a, b: ids_b})
        return
    light = base_a in LIGHT_VERBS or base_b in LIGHT_VERBS
    reporting = base_a in REPORTING_VERBS and base_b in REPORTING_VERBS
    # "The company said ..." / "The company is adding ...": one source reports a statement,
    # the other states its content; that is the frame of reporting, not another event.
    one_reports = base_a in REPORTING_VERBS or base_b in REPORTING_VERBS
    transitive = bool(ea.objects) and bool(eb.objects)
    contradicting = (not shared_subject and _different_entities(ea.subjects, eb.subjects)) or (
        not shared_object and _different_entities(ea.objects, eb.objects)
    )
    # Another event needs the same doer and the same undergoer, both said: "Blinken met with /
    # spoke with Zelensky". A passive ("X is accused / suspected") names no doer to compare.
    both_doers = bool(ea.subjects) and bool(eb.subjects)
    if (
        transitive
        and both_doers
        and shared_object
        and not contradicting
        and not light
        and not one_reports
        and other_event(ea.verb, eb.verb)
    ):
        found.add("predicate", "conflict", {a: [ea.surface], b: [eb.surface]})
    elif ea.surface.lower() != eb.surface.lower() and not reporting:
        found.add("predicate", "wording", {a: [ea.surface], b: [eb.surface]})


def _reworded_clause(
    pair: Found,
    ea: EventFact,
    eb: EventFact,
    missing: tuple[list[str], list[str]],
    names: tuple[list[str], list[str]],
) -> None:
    """Another verb is another event only in a minimal pair: "Blinken met with / spoke with
    Zelensky", where one clause says at most two things besides its verb that the other lacks
    ("The two banks signed" / "The two lenders agreed the terms"; "spoke by phone with" /
    "met with ... in Ankara"). When both clauses are
    reworded around it ("the index dipped to 48.2" / "the gauge eased to
    48.2 in March"), the verb is one more word choice of the paraphrase."""
    slot = pair.items.get(("predicate", "conflict"))
    if slot is None:
        return
    verbs = {ea.verb.split()[0], eb.verb.split()[0]}
    verbs |= {v.split("_")[0] for v in verbs}
    rest = [
        [w for w in words if w not in verbs] + own
        for words, own in zip(missing, names, strict=True)
    ]
    if min(len(r) for r in rest) >= 3:
        del pair.items[("predicate", "conflict")]
        pair.add("predicate", "wording", slot)


def _scheduled(ea: EventFact, eb: EventFact) -> bool:
    """ "The bill goes to the Senate next week" / "will go": the simple present of a scheduled
    or generic event says what the future says; under a condition ("if convicted, faces /
    could face") any modal says what follows if it holds."""
    pair = {ea.modality, eb.modality}
    if "conditional" in pair:
        return True
    fact = ea if ea.modality == "fact" else eb
    return pair == {"fact", "future"} and fact.present


def _compare_speakers(found: Found, a: str, b: str, da: SentenceDetail, db: SentenceDetail) -> None:
    sa = {s.entity for s in da.speakers if s.entity}
    sb = {s.entity for s in db.speakers if s.entity}
    pa = [s.phrase for s in da.speakers]
    pb = [s.phrase for s in db.speakers]
    labels_a = {da.entity_labels.get(e, "") for e in sa}
    labels_b = {db.entity_labels.get(e, "") for e in sb}
    # A spokeswoman speaks for her government: only two speakers of one kind (two people, two
    # organisations) are two different sources.
    if sa and sb and not sa & sb and labels_a & labels_b:
        names_a = [da.entity_names.get(e, e) for e in sorted(sa)] + pa
        names_b = [db.entity_names.get(e, e) for e in sorted(sb)] + pb
        if not _same_voice(names_a, names_b):
            found.add("attribution", "conflict", {a: pa, b: pb})
    elif bool(da.speakers) != bool(db.speakers):
        found.add("attribution", "addition", {a: pa, b: pb})


def _same_voice(names_a: Sequence[str], names_b: Sequence[str]) -> bool:
    """Two speakers are one when they are described alike ("a Treasury official" twice) or
    their names are spellings of one name (Muqtada al Sadr / Moqtada al-Sadr, Jeffrey /
    Jeffery): transliteration and typos, not another person."""
    from rapidfuzz import fuzz

    def last(name: str) -> str:
        words = WORD.findall(name.split(",")[0])
        return words[-1].casefold() if words else ""

    for x in names_a:
        for y in names_b:
            if x.casefold() == y.casefold():
                return True
            fx, fy = x.split(",")[0].casefold(), y.split(",")[0].casefold()
            if min(len(fx), len(fy)) >= 6 and fuzz.ratio(fx, fy) >= 85:
                return True
            lx, ly = last(x), last(y)
            if min(len(lx), len(ly)) >= 4 and fuzz.ratio(lx, ly) >= 80:
                return True
    return False


def _merged(feats: Sequence[SentenceFeatures]) -> SentenceFeatures:
    """One source's sentences of a claim as one bag (a main sentence and its one-to-many
    extras say together what the other source says)."""
    if len(feats) == 1:
        return feats[0]
    first = feats[0]
    weights: dict[str, float] = {}
    for f in feats:
        weights.update(f.features)
    return SentenceFeatures(
        id=first.id,
        source=first.source,
        index=first.index,
        start=first.start,
        end=feats[-1].end,
        text=" ".join(f.text for f in feats),
        lemmas=tuple(w for f in feats for w in f.lemmas),
        entities=frozenset().union(*(f.entities for f in feats)),
        numbers=frozenset().union(*(f.numbers for f in feats)),
        dates=frozenset().union(*(f.dates for f in feats)),
        features=weights,
        norm=first.norm,
        lemma_text=" ".join(f.lemma_text for f in feats),
        vector=first.vector,
        plain=first.plain,
    )


def _merged_detail(details: Sequence[SentenceDetail]) -> SentenceDetail:
    if len(details) == 1:
        return details[0]
    first = details[0]
    return SentenceDetail(
        predicate=first.predicate,
        speakers=tuple(s for d in details for s in d.speakers),
        quote=" … ".join(d.quote for d in details if d.quote) or None,
        entity_names={k: v for d in details for k, v in d.entity_names.items()},
        entity_labels={k: v for d in details for k, v in d.entity_labels.items()},
        number_text={k: v for d in details for k, v in d.number_text.items()},
        date_text={k: v for d in details for k, v in d.date_text.items()},
        time_text={k: v for d in details for k, v in d.time_text.items()},
        vague_dates={k: v for d in details for k, v in d.vague_dates.items()},
        event=first.event,
        numbers=tuple(n for d in details for n in d.numbers),
        event_dates=frozenset().union(*(d.event_dates for d in details)),
        quote_words=tuple(q for d in details for q in d.quote_words),
        quote_texts=tuple(q for d in details for q in d.quote_texts),
        word_roles=_merged_roles(details),
        participants=tuple(g for d in details for g in d.participants),
        clauses=tuple(c for d in details for c in d.clauses),
    )


def _joined(
    fa: SentenceFeatures, fb: SentenceFeatures, da: SentenceDetail, db: SentenceDetail
) -> dict[str, list[str]]:
    """Actors one source coordinates with a participant both name ("spoke with Zelensky and
    his counterparts from France, Germany and the UK" / "met with Zelensky"): more people
    took part, a fact however close the sentences are."""
    out: dict[str, list[str]] = {}
    for src, d, other in ((fa.source, da, fb), (fb.source, db, fa)):
        # "VisualBasic" / "Visual Basic": a name the other source writes spaced or
        # hyphenated, though untagged there, is nobody new.
        squeezed = _squeezed(other.text)
        for group in d.participants:
            if group & other.entities:
                extra = sorted(group - other.entities)
                if not extra:
                    continue
                names = [d.entity_names.get(e, e) for e in extra]
                names = [n for n in names if _squeezed(n) not in squeezed]
                out.setdefault(src, []).extend(n for n in names if n not in out.get(src, []))
    return {k: v for k, v in out.items() if v}


def _own_clauses(
    d: SentenceDetail, missing: Sequence[str], own: SentenceFeatures, other: SentenceFeatures
) -> list[tuple[str, ...]]:
    gone = set(missing) | (own.entities - other.entities)
    out = []
    for clause in d.clauses:
        if clause[0] not in gone or len(clause) < CLAUSE_WORDS:
            continue
        if sum(k in gone for k in clause) / len(clause) >= CLAUSE_SHARE:
            out.append(clause)
    return out


def _squeezed(text: str) -> str:
    return "".join(WORD.findall(text)).casefold()


def _merged_roles(details: Sequence[SentenceDetail]) -> dict[str, str]:
    out: dict[str, str] = {}
    for d in details:
        for key, role in d.word_roles.items():
            if key not in out or role_rank(role) > role_rank(out[key]):
                out[key] = role
    return out


def claim_similarity(
    a: SentenceFeatures,
    b: SentenceFeatures,
    shares: tuple[float, float],
    conflicts: int,
    added_fact: bool,
) -> float:
    """How similar two aligned statements are, 0-1, in the way people judge it (STS)."""
    features = (*similarity_features(a, b, shares), float(added_fact))
    score = SCORE_WEIGHTS[0] + sum(w * x for w, x in zip(SCORE_WEIGHTS[1:], features, strict=True))
    score -= CONFLICT_PENALTY * conflicts
    return round(min(1.0, max(0.0, score)), 4)


def _closeness(a: SentenceFeatures, b: SentenceFeatures, shares: tuple[float, float]) -> float:
    features = closeness_features(a, b, shares)
    w = CLOSENESS_WEIGHTS
    score = w[0] + sum(x * y for x, y in zip(w[1:], features, strict=True))
    return round(min(1.0, max(0.0, score)), 4)


def closeness_features(
    a: SentenceFeatures, b: SentenceFeatures, shares: tuple[float, float]
) -> tuple[float, float, float, float]:
    """Sentence cosine, lexical score, shared-content share and soft word overlap: what
    :data:`CLOSENESS_WEIGHTS` blends for every pair, kept apart from the rest of
    :func:`similarity_features` so that the agree / adds boundary does not pay for the
    n-grams it does not read."""
    cosine = 0.0
    if a.plain is not None and b.plain is not None:
        cosine = max(float(a.plain @ b.plain), 0.0)
    coverage = 1.0 - (shares[0] + shares[1]) / 2
    return cosine, lexical_similarity(a, b), coverage, soft_overlap(a, b)


def similarity_features(
    a: SentenceFeatures, b: SentenceFeatures, shares: tuple[float, float]
) -> tuple[float, ...]:
    """The :func:`closeness_features`, then the Jaccard of the word forms (function words keep
    "has no" apart from "has"), the larger and smaller share of content one side leaves
    uncovered (one side saying more vs both saying other things), and the shared phrasing
    (:func:`newsdiff.claim_words.ngram_overlap`)."""
    forms_a = {w.casefold() for w in _FORMS.findall(a.text)}
    forms_b = {w.casefold() for w in _FORMS.findall(b.text)}
    union = forms_a | forms_b
    jaccard = len(forms_a & forms_b) / len(union) if union else 0.0
    return (
        *closeness_features(a, b, shares),
        jaccard,
        max(shares),
        min(shares),
        *ngram_overlap(a.text, b.text),
    )


def compare_group(
    group: AlignedGroup, details: Mapping[str, SentenceDetail], claim_id: str
) -> Claim:
    """A claim for one aligned group: agree, adds, differ (with classed differences) or only."""
    sentences = {src: s.id for src, s in group.main.items()}
    extra = {src: tuple(x.id for x in xs) for src, xs in group.extra.items() if xs}
    if len(group.main) < 2:
        return Claim(claim_id, "only", sentences, 1.0, (), extra, similarity=0.0)
    sources = list(group.main)
    feats = {src: _merged([s, *group.extra.get(src, [])]) for src, s in group.main.items()}
    merged = {
        src: _merged_detail(
            [details.get(x.id, SentenceDetail()) for x in [s, *group.extra.get(src, [])]]
        )
        for src, s in group.main.items()
    }
    main = {src: details.get(s.id, SentenceDetail()) for src, s in group.main.items()}
    found = Found()
    shares: list[tuple[float, float]] = []
    for a, b in combinations(sources, 2):
        da, db = merged[a], merged[b]
        pair = _compare_slots(a, b, da, db, (main[a], main[b]))
        ev_a, ev_b = main[a].event, main[b].event
        # A word both describe, each in words the other lacks, is a slot they fill differently.
        missing_a, missing_b = missing_words(feats[a], feats[b])
        contested = frozenset(
            _modified(feats[a], feats[b], missing_a, da.word_roles)
            & _modified(feats[b], feats[a], missing_b, db.word_roles)
        )
        other_moment(pair, a, b, contested)
        share_a, core_a = _uncovered(feats[a], feats[b], missing_a, da.word_roles, contested)
        share_b, core_b = _uncovered(feats[b], feats[a], missing_b, db.word_roles, contested)
        shares.append((share_a, share_b))
        own_names = {
            src: [
                merged[src].entity_names.get(e, e)
                for e in sorted(feats[src].entities - feats[other].entities)
            ]
            for src, other in ((a, b), (b, a))
        }
        if ev_a is not None and ev_b is not None:
            _reworded_clause(pair, ev_a, ev_b, (missing_a, missing_b), (own_names[a], own_names[b]))
        if own_names[a] or own_names[b]:
            pair.add("entity", "addition", own_names)
        if missing_a or missing_b:
            pair.add("detail", "addition", {a: missing_a, b: missing_b})
        # What one source adds is a fact of its own only when it weighs: a few extra words,
        # a title or a "said" around the same statement are the same claim in other words.
        close = _closeness(feats[a], feats[b], (share_a, share_b)) >= AGREE_SIMILARITY
        significant = max(core_a, core_b) >= ADDITION_SHARE and not close
        joined = _joined(feats[a], feats[b], da, db)
        # A clause with its own predicate that only one source has is another fact told,
        # however close the rest is ("..., and urged residents to stay indoors").
        clause_a = _own_clauses(da, missing_a, feats[a], feats[b])
        clause_b = _own_clauses(db, missing_b, feats[b], feats[a])
        if clause_a or clause_b:
            significant = True
        _weigh(found, pair, significant, joined)
    _name_actors(found, merged)
    diffs = found.differences(sources)
    classes = {d.cls for d in diffs}
    status: ClaimStatus = (
        "differ" if "conflict" in classes else "adds" if "addition" in classes else "agree"
    )
    conflicts = sum(1 for d in diffs if d.cls == "conflict")
    first, second = feats[sources[0]], feats[sources[1]]
    added = any(d.cls == "addition" and d.kind in _FACT_KINDS for d in diffs)
    similarity = claim_similarity(first, second, shares[0], conflicts, added)
    return Claim(
        claim_id, status, sentences, round(group.score, 4), diffs, extra, similarity=similarity
    )


def _compare_slots(
    a: str,
    b: str,
    da: SentenceDetail,
    db: SentenceDetail,
    main: tuple[SentenceDetail, SentenceDetail],
) -> Found:
    """Slot by slot: figures, dates, times, the main events, quotes and speakers."""
    pair = Found()
    compare_numbers(pair, a, b, da, db)
    dates = (with_vague(da, time=False), with_vague(db, time=False))
    compare_dates(pair, "date", a, b, da, db, dates)
    compare_dates(pair, "time", a, b, da, db, (with_vague(da, True), with_vague(db, True)))
    ev_a, ev_b = main[0].event, main[1].event
    if ev_a is not None and ev_b is not None:
        names = {**da.entity_names, **db.entity_names}
        labels = {**da.entity_labels, **db.entity_labels}
        _compare_events(pair, a, b, ev_a, ev_b, names, labels)
    compare_quotes(pair, a, b, da, db)
    _compare_speakers(pair, a, b, da, db)
    return pair


def _weigh(found: Found, pair: Found, significant: bool, joined: Mapping[str, list[str]]) -> None:
    """Add one pair's differences to the claim's: an addition that does not weigh is wording,
    except a figure, date or time; joined participants are additions however close."""
    for (kind, cls), values in pair.items.items():
        if kind == "entity" and joined:
            values = {
                src: [v for v in vs if v not in joined.get(src, ())] for src, vs in values.items()
            }
            if not any(values.values()):
                continue
        if cls == "soft":
            cls = "addition" if significant else "wording"
        elif cls == "addition" and not significant and kind not in _FACT_KINDS:
            cls = "wording"
        found.add(kind, cls, values)
    if joined:
        found.add("entity", "addition", joined)


def _name_actors(found: Found, merged: Mapping[str, SentenceDetail]) -> None:
    """Actor conflicts carry entity ids while comparing; show the names."""
    slot = found.items.get(("actor", "conflict"))
    if not slot:
        return
    for src, ids in slot.items():
        names = merged[src].entity_names
        slot[src] = [names.get(i, i) for i in ids]

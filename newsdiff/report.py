"""A readable, deterministic Markdown report of a comparison (``newsdiff --report md``)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from newsdiff.model import Claim, Comparison, Entity, Source, Talk
from newsdiff.textsafe import visible

#: Order of difference kinds in a claim's table: what changes the story most comes first.
_KIND_ORDER = (
    "actor",
    "attribution",
    "quote",
    "number",
    "date",
    "time",
    "polarity",
    "modality",
    "predicate",
    "entity",
    "detail",
)
#: Conflicts before additions before rewordings, in the report as in the UI.
_CLASS_ORDER = ("conflict", "addition", "wording")


def render_markdown(comparison: Comparison) -> str:
    """Render the whole comparison as Markdown.

    The output depends only on the comparison (no clock, no paths of the machine), so reports
    of the same articles can be diffed and kept as golden files.
    """
    parts = [
        _header(comparison),
        _entities(comparison),
        _claims_of(comparison, "differ"),
        _claims_of(comparison, "adds"),
        _only(comparison),
        _talks(comparison),
    ]
    return "\n\n".join(p.rstrip("\n") for p in parts if p) + "\n"


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


#: What a Markdown renderer would act on inside a line: HTML (``<script>``, ``<img onerror>``,
#: entities), emphasis, code, links and images (``[x](javascript:...)``), table pipes.
_MD_ACTIVE = re.compile(r"[\\`*_\[\]|~<>&]")
_HTML_ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}


def _cell(text: str | None) -> str:
    """Make text safe for one table cell: one line, pipes and everything active escaped."""
    if not text:
        return ""
    return _one_line(text)


def _one_line(text: str) -> str:
    """Article text or a name as one line of literal Markdown.

    Reports are opened in renderers that run HTML and follow links, and the text is quoted from
    articles nobody vetted: every character a renderer would act on is escaped, so a quoted
    ``<script>`` or ``[click](javascript:...)`` shows as written and does nothing.
    """
    line = visible(re.sub(r"\s+", " ", text).strip())
    return _MD_ACTIVE.sub(lambda m: _HTML_ENTITIES.get(m.group(0), "\\" + m.group(0)), line)


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    lines = [
        "| " + " | ".join(header) + " |",
        "|" + "|".join("---" for _ in header) + "|",
    ]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return "\n".join(lines)


def _sentence(comparison: Comparison, sentence_id: str) -> str:
    source_id = re.match(r"[A-Z]+", sentence_id)
    if source_id is None:
        return ""
    try:
        return _one_line(comparison.source(source_id.group(0)).sentence_text(sentence_id))
    except KeyError:
        return ""


def _claim_text(comparison: Comparison, claim: Claim, source_id: str) -> str:
    ids = [claim.sentences[source_id], *claim.extra.get(source_id, ())]
    return " ".join(t for t in (_sentence(comparison, i) for i in ids) if t)


def _entity_name(comparison: Comparison, ref: str) -> str:
    """Participants and places may be entity ids or plain names; show a name either way."""
    try:
        return comparison.entity(ref).name
    except KeyError:
        return ref


def _date_of(source: Source) -> str:
    if source.published is None:
        return "unknown"
    return f"{source.published} (inferred)" if source.published_inferred else source.published


# --------------------------------------------------------------------------------------------
# Sections
# --------------------------------------------------------------------------------------------


def _header(comparison: Comparison) -> str:
    lines = [
        "# newsdiff report",
        "",
        f"{len(comparison.sources)} source{'s' if len(comparison.sources) != 1 else ''} "
        f"compared with the spaCy pipeline {comparison.model} (newsdiff {comparison.version}).",
        "",
        _table(
            ("Id", "Source", "Title", "Published"),
            (
                (s.id, _cell(s.label), _cell(s.title), _cell(_date_of(s)))
                for s in comparison.sources
            ),
        ),
    ]
    inferred = [s.id for s in comparison.sources if s.published_inferred]
    if inferred:
        lines += [
            "",
            f"Inferred dates were borrowed from the other sources because "
            f"{', '.join(inferred)} {'has' if len(inferred) == 1 else 'have'} no date of "
            f"{'its' if len(inferred) == 1 else 'their'} own.",
        ]
    warnings = [w for s in comparison.sources for w in s.warnings]
    if warnings:
        lines += ["", "**Warnings**", ""]
        lines += [f"- {_one_line(w)}" for w in warnings]
    counts = {status: 0 for status in ("agree", "adds", "differ", "only")}
    for claim in comparison.claims:
        counts[claim.status] = counts.get(claim.status, 0) + 1
    lines += [
        "",
        f"Claims: {counts['differ']} conflict, {counts['adds']} with additions, "
        f"{counts['agree']} agree, {counts['only']} only in one source. "
        f"Entities: {len(comparison.entities)}. "
        f"Talks and meetings: {len(comparison.talks)}.",
    ]
    return "\n".join(lines)


def _entity_sort_key(entity: Entity) -> tuple[int, str, str]:
    return (-len(entity.mentions), entity.name.casefold(), entity.id)


def _entities(comparison: Comparison) -> str:
    if not comparison.entities:
        return "## Entities\n\nNo people, organisations or places were found."
    ids = [s.id for s in comparison.sources]
    rows = []
    for entity in sorted(comparison.entities, key=_entity_sort_key):
        counts = [entity.mention_count(sid) for sid in ids]
        present = [sid for sid, n in zip(ids, counts, strict=True) if n]
        note = ""
        if len(ids) > 1 and len(present) == 1:
            note = f"only in {present[0]}"
        elif len(ids) > 2 and len(present) < len(ids):
            missing = [sid for sid in ids if sid not in present]
            note = f"not in {', '.join(missing)}"
        name = _cell(entity.name)
        others = [a for a in entity.aliases if a != entity.name]
        if others:
            name += f" ({_cell(', '.join(others))})"
        rows.append(
            (
                name,
                entity.kind,
                _cell(", ".join(entity.roles)),
                *(str(n) if n else "–" for n in counts),
                note,
            )
        )
    return "## Entities\n\n" + _table(("Entity", "Kind", "Roles", *ids, "Note"), rows)


_SECTIONS = {
    "differ": (
        "Conflicting claims",
        "No aligned sentences give incompatible values for the same fact.",
    ),
    "adds": (
        "Claims one source adds to",
        "No aligned sentence states a fact its counterpart omits.",
    ),
}


def _claims_of(comparison: Comparison, status: str) -> str:
    """Conflicts first, then additions: each claim with its sentences and classed differences."""
    claims = [c for c in comparison.claims if c.status == status]
    heading, empty = _SECTIONS[status]
    title = f"## {heading} ({len(claims)})"
    if not claims:
        return f"{title}\n\n{empty}"
    blocks = [title]
    for number, claim in enumerate(claims, start=1):
        sources = list(claim.sentences)
        lines = [
            f"### {number}. Claim {claim.id} (similarity {claim.similarity:.2f})",
            "",
        ]
        for sid in sources:
            lines.append(
                f"> **{sid}** ({claim.sentences[sid]}): {_claim_text(comparison, claim, sid)}"
            )
            lines.append(">")
        lines.pop()
        if claim.differences:
            kinds = {kind: i for i, kind in enumerate(_KIND_ORDER)}
            classes = {cls: i for i, cls in enumerate(_CLASS_ORDER)}
            diffs = sorted(
                enumerate(claim.differences),
                key=lambda item: (
                    classes.get(item[1].cls, len(classes)),
                    kinds.get(item[1].kind, len(kinds)),
                    item[0],
                ),
            )
            columns = list(dict.fromkeys([*sources, *(k for _, d in diffs for k in d.values)]))
            lines += [
                "",
                _table(
                    ("Class", "Difference", *columns),
                    (
                        (d.cls, d.kind, *(_cell(d.values.get(c)) or "–" for c in columns))
                        for _, d in diffs
                    ),
                ),
            ]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def _only(comparison: Comparison) -> str:
    claims = [c for c in comparison.claims if c.status == "only"]
    title = f"## Claims only in one source ({len(claims)})"
    if not claims:
        return f"{title}\n\nEvery claim is reported by more than one source."
    by_source: dict[str, list[Claim]] = {}
    for claim in claims:
        for sid in claim.sentences:
            by_source.setdefault(sid, []).append(claim)
    blocks = [title]
    for source in comparison.sources:
        own = by_source.get(source.id)
        if not own:
            continue
        lines = [f"### Only in {source.id} ({_cell(source.label)})", ""]
        for claim in own:
            sentence_id = claim.sentences[source.id]
            lines.append(f"- **{sentence_id}**: {_claim_text(comparison, claim, source.id)}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def _talk_when(talk: Talk) -> str:
    if talk.date:
        return talk.date
    texts = sorted(set(talk.date_text.values()))
    return f"undated ({', '.join(texts)})" if texts else "undated"


def _talks(comparison: Comparison) -> str:
    title = "## Talks timeline"
    if not comparison.talks:
        return f"{title}\n\nNo meetings, calls, talks or votes were found."
    # Dated first in date order, undated after, each in the engine's order.
    ordered = sorted(
        enumerate(comparison.talks),
        key=lambda item: (item[1].date is None, item[1].date or "", item[0]),
    )
    rows = []
    for _, talk in ordered:
        what = talk.title
        if talk.topic and talk.topic not in talk.title:
            what += f" — {talk.topic}"
        conflict = ""
        if talk.conflict:
            conflict = talk.conflict_reason or "the sources disagree"
        rows.append(
            (
                _cell(_talk_when(talk)),
                talk.status,
                _cell(f"{what} ({talk.kind})"),
                _cell(_entity_name(comparison, talk.where) if talk.where else ""),
                _cell(", ".join(_entity_name(comparison, p) for p in talk.participants)),
                ", ".join(talk.sources),
                _cell(conflict) or "–",
            )
        )
    header = ("Date", "Status", "What", "Where", "Participants", "Sources", "Conflicts")
    return f"{title}\n\n" + _table(header, rows)

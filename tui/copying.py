"""What `y` and `Y` put on the clipboard: a sentence, or a claim as Markdown."""

from __future__ import annotations

import re

from newsdiff.model import Claim, Comparison

#: Characters that start Markdown syntax inside quoted text; escaped so a quote stays a quote.
_MARKDOWN_ACTIVE = re.compile(r"([\\`*_{}\[\]<>#|!~])")


def plain(text: str) -> str:
    """One line of article text as it reads: whitespace runs (line breaks too) become one space."""
    return " ".join(text.split())


def _md(text: str) -> str:
    return _MARKDOWN_ACTIVE.sub(r"\\\1", plain(text))


def claim_markdown(
    comparison: Comparison, claim: Claim | None, source_id: str, sentence_id: str
) -> str:
    """A claim as Markdown: every source's sentence, then the differences, value by value.

    A sentence with no claim (the analysis aligned nothing to it) is quoted on its own, so `Y`
    always copies something the reader can paste into notes.
    """
    labels = {s.id: s.label for s in comparison.sources}
    if claim is None:
        text = comparison.source(source_id).sentence_text(sentence_id)
        return f"**{_md(labels[source_id])}** ({sentence_id}):\n\n> {_md(text)}\n"
    lines = [f"### Claim {claim.id}: {claim.status} (similarity {claim.score:.2f})", ""]
    for src, main in claim.sentences.items():
        ids = (main, *claim.extra.get(src, ()))
        text = " ".join(comparison.source(src).sentence_text(sid) for sid in ids)
        lines.append(f"**{_md(labels.get(src, src))}** ({', '.join(ids)}):")
        lines.append("")
        lines.append(f"> {_md(text)}")
        lines.append("")
    if claim.differences:
        lines.append("Differences:")
        lines.append("")
        for difference in claim.differences:
            values = "; ".join(
                f"{src}: {_md(value)}" if value else f"{src}: —"
                for src, value in difference.values.items()
            )
            lines.append(f"- {difference.cls} {difference.kind}: {values}")
        lines.append("")
    return "\n".join(lines)

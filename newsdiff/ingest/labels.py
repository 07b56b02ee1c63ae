"""Titles, column labels, duplicate inputs and the language check."""

from __future__ import annotations

import os
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsdiff.ingest.raw import _Raw


#: Words whose full stop ends an abbreviation, not the sentence: initialisms (U.S., U.N.) and
#: the titles and months written before a name or number.
_ABBREVIATION = re.compile(
    r"(?:^|[^\w.])(?:(?:[A-Za-z]\.){2,}|[A-Z]\.|(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Sen|Rep|Gov|Lt|Col|"
    r"Sgt|Capt|Adm|Rev|Jr|Sr|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)$"
)


def _title_of(text: str) -> str | None:
    body = text[:8000]  # the title comes from the opening; no need to copy a long article
    body = re.sub(r"^[\s\-–—:|]+", "", body)
    first_line = body.split("\n", 1)[0].strip()
    rest = body[len(first_line) :].strip() if "\n" in body else ""
    if first_line and rest and len(first_line) <= 150 and not re.search(r"[.!?:]$", first_line):
        candidate = first_line  # a headline on its own line
    else:
        candidate = first_line
        for match in re.finditer(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(A-Z0-9])", first_line):
            word = first_line[: match.start()].rsplit(None, 1)[-1]
            if not _ABBREVIATION.search(word):  # "U.S. Secretary", "Mr. Biden" go on
                candidate = first_line[: match.start() + 1]
                break
        candidate = candidate.rstrip()
    candidate = re.sub(r"\s+", " ", candidate).strip()
    if not candidate:
        return None
    if len(candidate) > 100:
        cut = candidate[:100].rsplit(" ", 1)[0].rstrip(",;:-–— ")
        candidate = cut + "…"
    return candidate


def _assign_labels(raws: Sequence[_Raw]) -> None:
    groups: dict[str, list[_Raw]] = {}
    for raw in raws:
        groups.setdefault(raw.label, []).append(raw)
    for label, group in groups.items():
        if len(group) < 2:
            continue
        parts = {
            id(r): Path(os.path.abspath(r.path)).parts if r.path != "-" else ("stdin",)
            for r in group
        }
        longest = max(len(p) for p in parts.values())
        for depth in range(2, longest + 1):
            candidates = {id(r): "/".join(parts[id(r)][-depth:]) for r in group}
            if len(set(candidates.values())) == len(group):
                for r in group:
                    r.label = candidates[id(r)]
                break
        else:  # the same path twice: only the id tells them apart
            for r in group:
                r.label = f"{label} ({r.id})"


def _flag_duplicates(raws: Sequence[_Raw]) -> None:
    for i, raw in enumerate(raws):
        for earlier in raws[:i]:
            if raw.real_path is not None and raw.real_path == earlier.real_path:
                raw.notes.append(
                    f"is the same file as {earlier.id} ({earlier.label}); comparing an article "
                    f"with itself shows no differences"
                )
                break
            if raw.digest == earlier.digest:
                raw.notes.append(
                    f"has exactly the same content as {earlier.id} ({earlier.label}); "
                    f"comparing an article with itself shows no differences"
                )
                break


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_STOPWORDS: Mapping[str, frozenset[str]] = {
    "English": _words(
        "the of and to a in is that for it was on with as he be at by this had not are but "
        "from or have an they which you were her she his their has been will would its we "
        "said who more after than when what all about also there"
    ),
    "Spanish": _words(
        "de la que el en y los del se las por un para con una su al lo como más pero sus le "
        "ya fue este ha porque esta son entre cuando muy sin sobre también hasta hay donde "
        "desde durante todos les ni contra ante ellos esto"
    ),
    "French": _words(
        "de la le et les des en un du une que est pour qui dans par plus pas au sur ne se ce "
        "il sont avec ou son mais nous comme elle aux leur cette ses ont fait aussi été"
    ),
    "German": _words(
        "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch "
        "es an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über "
        "einen zum war haben nur oder aber vor zur bis durch"
    ),
    "Italian": _words(
        "di e il la che in per un è del non una le si da sono con come al della gli anche più "
        "alla ma dei ha nel lo ci questo delle degli nella"
    ),
    "Portuguese": _words(
        "de o que e do da em um para é com não uma os no se na por mais as dos como mas foi ao "
        "ele das tem à seu sua ou ser quando muito há nos já está também pelo pela até isso "
        "ela entre depois sem"
    ),
    "Dutch": _words(
        "de en van het een is dat die in te op niet zijn met voor als er maar om aan ook dan "
        "bij nog door naar over zo uit heeft hebben werd deze wordt kan hun worden"
    ),
}

_SCRIPTS = {
    "CYRILLIC": "Cyrillic",
    "GREEK": "Greek",
    "ARABIC": "Arabic",
    "HEBREW": "Hebrew",
    "CJK": "Chinese or Japanese",
    "HIRAGANA": "Japanese",
    "KATAKANA": "Japanese",
    "HANGUL": "Korean",
    "DEVANAGARI": "Devanagari",
    "THAI": "Thai",
}


def language_warning(text: str) -> str | None:
    """A warning when the text does not look like English (the pipelines are English-only).

    Cheap on purpose: counts the script of the letters, then the share of each language's most
    common function words. Texts under 30 words are not judged.
    """
    sample = text[:20000]
    letters = [ch for ch in sample if ch.isalpha()]
    if not letters:
        return None
    scripts: Counter[str] = Counter()
    for ch in letters[:5000]:
        if ch.isascii():
            continue
        first = unicodedata.name(ch, "").split(" ", 1)[0]
        if first in _SCRIPTS:
            scripts[_SCRIPTS[first]] += 1
    if scripts:
        script, count = scripts.most_common(1)[0]
        if count / min(len(letters), 5000) > 0.3:
            return f"looks like {script} text, not English; results will be poor"
    words = re.findall(r"[^\W\d_]+", sample.lower())
    if len(words) < 30:
        return None
    shares = {
        lang: sum(1 for w in words if w in stop) / len(words) for lang, stop in _STOPWORDS.items()
    }
    english = shares.pop("English")
    if english >= 0.2:
        return None
    lang, share = max(shares.items(), key=lambda item: item[1])
    if share >= 0.15 and share > english * 1.5:
        return f"looks like {lang}, not English; results will be poor"
    if english < 0.1:
        return "does not look like English; results will be poor"
    return None

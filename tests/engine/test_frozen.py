"""The start-up values (Config, PipelineInfo, ...) are immutable, comparable and picklable."""

from __future__ import annotations

import copy
import pickle

import pytest

from newsdiff.config import Config, UiPrefs


def test_equal_by_fields_and_hashable() -> None:
    assert Config(model="x") == Config("x")
    assert Config(model="x") != Config(model="y")
    assert Config() != UiPrefs()
    assert len({Config(), Config(), Config(theme="nord")}) == 2


def test_immutable_and_replaced_by_copy() -> None:
    config = Config()
    with pytest.raises(AttributeError):
        config.model = "x"
    changed = config.replace(model="x", cache=False)
    assert (config.model, changed.model, changed.cache) == (None, "x", False)


def test_fields_in_declaration_order() -> None:
    assert Config.fields() == (
        "model", "max_file_mb", "theme", "sidebar", "detail", "cache", "keymap",
    )  # fmt: skip
    assert UiPrefs(theme="nord").as_dict() == {"theme": "nord", "sidebar": True, "detail": True}
    assert repr(UiPrefs()) == "UiPrefs(theme=None, sidebar=True, detail=True)"


def test_pickle_and_copy_round_trip() -> None:
    config = Config(model="x", max_file_mb=2.0)
    assert pickle.loads(pickle.dumps(config)) == config
    assert copy.deepcopy(config) == config

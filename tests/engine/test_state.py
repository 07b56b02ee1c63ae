"""Reading positions: keyed by the set of articles, saved atomically, forgiving on load."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from newsdiff import state
from newsdiff.model import Source


def sources() -> tuple[Source, Source]:
    return (
        Source("A", "a.txt", "a.txt", None, None, False, "First article."),
        Source("B", "b.txt", "b.txt", None, None, False, "Second article."),
    )


class TestKey:
    def test_stable_and_short(self) -> None:
        key = state.position_key(sources())
        assert key == state.position_key(sources())
        assert len(key) == 32

    def test_moving_files_keeps_the_key(self) -> None:
        a, b = sources()
        moved = (dataclasses.replace(a, path="x/a.txt", label="x/a.txt"), b)
        assert state.position_key(moved) == state.position_key((a, b))

    def test_text_and_order_change_the_key(self) -> None:
        a, b = sources()
        base = state.position_key((a, b))
        assert state.position_key((dataclasses.replace(a, text="Other."), b)) != base
        swapped = (dataclasses.replace(b, id="A"), dataclasses.replace(a, id="B"))
        assert state.position_key(swapped) != base
        assert state.position_key((a,)) != base


class TestPositions:
    def test_round_trip_under_the_state_dir(self, tmp_path: Path) -> None:
        key = state.position_key(sources())
        assert state.load_position(key) is None
        state.save_position(key, {"source": "A", "sentence": "A3", "scroll": 12})
        assert state.load_position(key) == {"source": "A", "sentence": "A3", "scroll": 12}
        files = list((tmp_path / "xdg_state_home" / "newsdiff").rglob("*.json"))
        assert len(files) == 1

    def test_latest_save_wins(self) -> None:
        state.save_position("k", {"sentence": "A1"})
        state.save_position("k", {"sentence": "B2"})
        assert state.load_position("k") == {"sentence": "B2"}

    @pytest.mark.parametrize("junk", ["", "{", "[]", '{"position": 3}', '"text"'])
    def test_corrupt_file_is_none(self, junk: str) -> None:
        state.save_position("k", {"sentence": "A1"})
        path = next(state.state_dir().rglob("*.json"))
        path.write_text(junk, encoding="utf-8")
        assert state.load_position("k") is None

    def test_unsafe_key_characters_stay_inside_the_state_dir(self) -> None:
        state.save_position("../../escape", {"sentence": "A1"})
        assert state.load_position("../../escape") == {"sentence": "A1"}
        (path,) = state.state_dir().rglob("*.json")
        assert state.state_dir() in path.parents

    def test_not_json_serialisable_is_a_type_error(self) -> None:
        with pytest.raises(TypeError):
            state.save_position("k", {"sentence": object()})

    def test_old_positions_are_pruned(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(state, "MAX_POSITIONS", 2)
        for i in range(4):
            state.save_position(f"key{i}", {"sentence": f"A{i}"})
        assert len(list(state.state_dir().rglob("*.json"))) == 2
        assert state.load_position("key3") == {"sentence": "A3"}

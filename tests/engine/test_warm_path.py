"""The warm ``--json`` path: same bytes and flags print the stored output, anything else misses."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from newsdiff import cache
from newsdiff.cli import main

TEXT_A = "Kremlin spokesman Dmitri Peskov said talks with NATO will take place in Geneva on Monday."
TEXT_B = "Talks between Russia and NATO are set for Monday in Geneva, Dmitry Peskov said."


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _outputs() -> list[Path]:
    return sorted(cache.cache_dir().glob("v*-out-*.json"))


def test_second_run_prints_the_stored_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(TEXT_A)
    b.write_text(TEXT_B)
    code, first, _ = _run(capsys, "--json", str(a), str(b))
    assert code == 0
    assert len(_outputs()) == 1
    code, second, _ = _run(capsys, "--json", str(a), str(b))
    assert code == 0
    assert second == first
    assert json.loads(second)["sources"][0]["path"] == str(a)


def test_changed_bytes_or_flags_miss(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(TEXT_A)
    b.write_text(TEXT_B)
    _run(capsys, "--json", str(a), str(b))
    _run(capsys, "--json", "--date", "B=2022-01-01", str(a), str(b))
    assert len(_outputs()) == 2
    b.write_text(TEXT_B.replace("Monday", "Tuesday"))
    code, out, _ = _run(capsys, "--json", str(a), str(b))
    assert code == 0
    assert "Tuesday" in json.loads(out)["sources"][1]["text"]
    assert len(_outputs()) == 3


def test_corrupt_stored_output_is_rebuilt(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = tmp_path / "a.txt"
    a.write_text(TEXT_A)
    _, first, _ = _run(capsys, "--json", str(a))
    (entry,) = _outputs()
    entry.write_text('{"version": "0.0", "sour')
    code, again, err = _run(capsys, "--json", str(a))
    assert code == 0
    assert again == first
    assert "error" not in err
    assert json.loads(entry.read_text())["version"] == json.loads(first)["version"]


def test_warnings_are_repeated_on_a_warm_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = tmp_path / "a.txt"
    a.write_bytes("The minister\x92s talks in Geneva will start on Monday.".encode("latin-1"))
    _, _, cold_err = _run(capsys, "--json", str(a))
    _, _, warm_err = _run(capsys, "--json", str(a))
    assert "not UTF-8" in cold_err
    assert warm_err == cold_err


def test_no_cache_flag_skips_the_warm_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = tmp_path / "a.txt"
    a.write_text(TEXT_A)
    _run(capsys, "--json", "--no-cache", str(a))
    assert _outputs() == []
    assert not os.path.exists(cache.cache_dir()) or not any(cache.cache_dir().iterdir())

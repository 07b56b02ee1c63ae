"""Config is read-only and forgiving; UI prefs and atomic writes survive crashes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsdiff.config import (
    Config,
    UiPrefs,
    config_path,
    load_config,
    load_ui_prefs,
    save_ui_prefs,
    ui_prefs_path,
)
from newsdiff.fsutil import atomic_write_bytes, atomic_write_text


def test_paths_follow_platformdirs(tmp_path: Path) -> None:
    # conftest points XDG_CONFIG_HOME into tmp_path.
    assert config_path() == tmp_path / "xdg_config_home" / "newsdiff" / "config.toml"
    assert ui_prefs_path().parent == config_path().parent


def test_missing_file_means_defaults_without_warnings() -> None:
    assert load_config() == (Config(), [])


def test_valid_file_is_read() -> None:
    path = config_path()
    path.parent.mkdir(parents=True)
    path.write_text(
        'model = "en_core_web_md"\nmax_file_mb = 20\ntheme = "nord"\nsidebar = false\n'
        "detail = false\ncache = false\n",
        encoding="utf-8",
    )
    config, warnings = load_config()
    assert warnings == []
    assert config == Config("en_core_web_md", 20.0, "nord", False, False, False)


def test_environment_overrides_the_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "c.toml"
    path.write_text('model = "en_core_web_md"\n', encoding="utf-8")
    monkeypatch.setenv("NEWSDIFF_MODEL", "en_core_web_lg")
    assert load_config(path)[0].model == "en_core_web_lg"


@pytest.mark.parametrize(
    ("content", "line", "reason"),
    [
        pytest.param('model = "x"\nmax_file_mb = \n', 2, "Invalid value", id="no-value"),
        pytest.param('theme = "nord"\nmodel = "en_core', 2, "Unterminated string", id="truncated"),
        pytest.param("[ui\n", 1, "table declaration", id="bad-table"),
        pytest.param("a = 1\na = 2\n", 2, "", id="duplicate-key"),
    ],
)
def test_corrupt_file_warns_with_path_and_line_and_is_left_alone(
    content: str, line: int, reason: str
) -> None:
    path = config_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(content.encode())
    before = path.stat()
    config, warnings = load_config()
    assert config == Config()
    (warning,) = warnings
    assert warning.startswith(f"{path}:{line}: ")
    assert reason in warning
    assert warning.endswith("; using defaults")
    assert path.read_bytes() == content.encode()
    assert path.stat().st_mtime_ns == before.st_mtime_ns


def test_not_utf8_is_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_bytes(b'model = "x"\ntheme = "caf\xe9"\n')
    config, (warning,) = load_config(path)
    assert config == Config()
    assert warning == f"{path}:2: not valid UTF-8; using defaults"


def test_bad_keys_and_types_keep_the_good_values(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text(
        'model = "en_core_web_md"\ncolour = "red"\nmax_file_mb = true\nsidebar = "no"\n'
        "theme = 3\nmax_file_mb_ = 1\n",
        encoding="utf-8",
    )
    config, warnings = load_config(path)
    assert config == Config(model="en_core_web_md")
    assert [w.split(": ", 1)[0] for w in warnings] == [
        f"{path}:2",
        f"{path}:3",
        f"{path}:4",
        f"{path}:5",
        f"{path}:6",
    ]
    assert "unknown key 'colour'" in warnings[0]
    assert "max_file_mb must be a number, not true" in warnings[1]
    assert 'sidebar must be true or false, not "no"' in warnings[2]
    assert "theme must be a string" in warnings[3]


@pytest.mark.parametrize("value", ["0", "-1", "nan"])
def test_non_positive_size_is_rejected(tmp_path: Path, value: str) -> None:
    path = tmp_path / "c.toml"
    path.write_text(f"max_file_mb = {value}\n", encoding="utf-8")
    config, (warning,) = load_config(path)
    assert config.max_file_mb == 5.0
    assert "above 0" in warning


def test_home_is_shown_as_tilde(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    path = tmp_path / ".config" / "newsdiff" / "config.toml"
    path.parent.mkdir(parents=True)
    path.write_text("model = \n", encoding="utf-8")
    (warning,) = load_config(path)[1]
    assert warning.startswith("~/.config/newsdiff/config.toml:1: ")


def test_directory_instead_of_file_is_a_warning(tmp_path: Path) -> None:
    config, (warning,) = load_config(tmp_path)
    assert config == Config()
    assert "is a directory" in warning


class TestUiPrefs:
    def test_round_trip(self) -> None:
        prefs = UiPrefs(theme="nord", sidebar=False, detail=True)
        save_ui_prefs(prefs)
        assert load_ui_prefs() == prefs

    def test_missing_or_corrupt_gives_defaults(self) -> None:
        assert load_ui_prefs() == UiPrefs()
        ui_prefs_path().parent.mkdir(parents=True)
        for junk in ('{"theme": ', "[]", '{"theme": 3, "sidebar": "yes"}'):
            ui_prefs_path().write_text(junk, encoding="utf-8")
            assert load_ui_prefs() == UiPrefs()

    def test_saved_values_win_over_defaults_for_the_keys_they_have(self) -> None:
        defaults = UiPrefs(theme="nord", sidebar=False, detail=False)
        assert load_ui_prefs(defaults=defaults) == defaults
        ui_prefs_path().parent.mkdir(parents=True)
        ui_prefs_path().write_text('{"sidebar": true}', encoding="utf-8")
        assert load_ui_prefs(defaults=defaults) == UiPrefs("nord", True, False)

    def test_saving_prefs_never_touches_config_toml(self) -> None:
        path = config_path()
        path.parent.mkdir(parents=True)
        path.write_text("# my settings\nmodel = 'x'\n", encoding="utf-8")
        save_ui_prefs(UiPrefs(theme="nord"))
        load_config()
        assert path.read_text(encoding="utf-8") == "# my settings\nmodel = 'x'\n"


class TestAtomicWrites:
    def test_replaces_whole_file_and_leaves_no_temporaries(self, tmp_path: Path) -> None:
        target = tmp_path / "deep" / "file.json"
        atomic_write_text(target, "first")
        atomic_write_bytes(target, b"second")
        assert target.read_bytes() == b"second"
        assert os.listdir(target.parent) == ["file.json"]

    def test_failed_write_keeps_the_old_file(self, tmp_path: Path) -> None:
        target = tmp_path / "out" / "file.json"
        atomic_write_text(target, "old")
        with pytest.raises(TypeError):
            atomic_write_bytes(target, "not bytes")  # type: ignore[arg-type]
        assert target.read_text() == "old"
        assert os.listdir(target.parent) == ["file.json"]

    @pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
    def test_writer_killed_mid_write_leaves_a_complete_file(self, tmp_path: Path) -> None:
        """A 4 MB JSON rewritten in a loop, killed at random points: it always parses."""
        target = tmp_path / "big.json"
        script = (
            "import json, sys\n"
            "from newsdiff.fsutil import atomic_write_text\n"
            "path = sys.argv[1]\n"
            "i = 0\n"
            "while True:\n"
            "    atomic_write_text(path, json.dumps({'n': i, 'pad': 'x' * 4_000_000}))\n"
            "    if i == 0:\n"
            "        print('ready', flush=True)\n"
            "    i += 1\n"
        )
        for delay in (0.05, 0.13, 0.29):
            proc = subprocess.Popen(
                [sys.executable, "-c", script, str(target)], stdout=subprocess.PIPE, text=True
            )
            try:
                assert proc.stdout is not None
                assert proc.stdout.readline().strip() == "ready"
                time.sleep(delay)
                proc.send_signal(signal.SIGKILL)
            finally:
                proc.wait(timeout=10)
                if proc.stdout is not None:
                    proc.stdout.close()
            assert proc.returncode == -signal.SIGKILL
            data = json.loads(target.read_text(encoding="utf-8"))
            assert len(data["pad"]) == 4_000_000

    @pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
    def test_prefs_writer_killed_keeps_valid_prefs(self, tmp_path: Path) -> None:
        script = (
            "from newsdiff.config import UiPrefs, save_ui_prefs\n"
            "i = 0\n"
            "while True:\n"
            "    save_ui_prefs(UiPrefs(theme=f'theme-{i}', sidebar=bool(i % 2)))\n"
            "    if i == 0:\n"
            "        print('ready', flush=True)\n"
            "    i += 1\n"
        )
        proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
        try:
            assert proc.stdout is not None
            assert proc.stdout.readline().strip() == "ready"
            time.sleep(0.2)
            proc.send_signal(signal.SIGKILL)
        finally:
            proc.wait(timeout=10)
            if proc.stdout is not None:
                proc.stdout.close()
        raw = json.loads(ui_prefs_path().read_text(encoding="utf-8"))
        prefs = load_ui_prefs()
        assert prefs.theme == raw["theme"]
        assert prefs.theme is not None
        number = int(prefs.theme.removeprefix("theme-"))
        assert prefs.sidebar is bool(number % 2)

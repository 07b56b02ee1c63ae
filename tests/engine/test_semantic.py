"""The embedding model loads from its wheel without touching the network, and sees paraphrase."""

from __future__ import annotations

import socket
import subprocess
import sys
import textwrap

import pytest

from newsdiff import semantic


def test_model_loads_offline_in_a_fresh_process() -> None:
    """Any socket use while loading and embedding fails the run: nothing is downloaded."""
    code = textwrap.dedent(
        """
        import socket

        def refuse(*args, **kwargs):
            raise SystemExit("network touched")

        socket.socket.connect = refuse
        socket.create_connection = refuse
        socket.getaddrinfo = refuse
        from newsdiff import semantic
        vectors = semantic.embed(["Two French journalists killed in Mali"])
        assert vectors is not None and vectors.shape == (1, 256)
        print("ok")
        """
    )
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "ok"


def test_paraphrase_scores_above_unrelated(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket.socket, "connect", _refuse)
    vectors = semantic.embed(
        [
            "2 French Journalists Killed in Mali",
            "Two French journalists killed in Mali",
            "The central bank raised interest rates by half a point.",
        ]
    )
    assert vectors is not None
    same = float(vectors[0] @ vectors[1])
    other = float(vectors[0] @ vectors[2])
    assert same > 0.8
    assert other < 0.3


def test_word_similarity_tells_synonyms_from_other_words() -> None:
    assert semantic.word_similarity("combat", "fight") > 0.5
    assert semantic.word_similarity("visit", "message") < 0.3


def test_empty_text_gets_a_zero_vector() -> None:
    vectors = semantic.embed(["", "Talks in Geneva"])
    assert vectors is not None
    assert float(abs(vectors[0]).sum()) == 0.0


def _refuse(*args: object, **kwargs: object) -> None:
    raise AssertionError("network touched")


def test_vectors_are_wordllamas_own() -> None:
    """Reading the wheel's files directly gives what WordLlama.load(...).embed gives."""
    from pathlib import Path

    import numpy as np
    import wordllama
    from wordllama import WordLlama

    texts = ["Two French journalists killed in Mali", "Talks in Geneva", "x"]
    model = WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)
    theirs = model.embed(texts, norm=True)
    ours = semantic.embed(texts)
    assert ours is not None
    assert np.allclose(ours, theirs, atol=1e-5)

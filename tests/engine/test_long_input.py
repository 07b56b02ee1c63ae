"""Long and odd-shaped input: parsed in pieces, no sentence without bound, the same result."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdiff import nlp as nlp_module
from newsdiff.nlp import MAX_SENTENCE_TOKENS, chunk_text, pipe_texts

PARAGRAPH = (
    "US President Joe Biden will speak with Vladimir Putin on Thursday, the White House said. "
    "The two leaders last spoke in December. Officials in Moscow confirmed the call.\n\n"
)


@given(st.text(alphabet=st.sampled_from("ab .\n\tX!"), max_size=400), st.integers(5, 60))
@settings(max_examples=200, deadline=None)
def test_pieces_join_back_into_the_text(text: str, size: int) -> None:
    pieces = chunk_text(text, size)
    assert "".join(pieces) == text
    assert all(len(p) <= size for p in pieces[:-1])
    assert all(p for p in pieces) or text == ""


def test_cuts_fall_between_paragraphs_then_sentences() -> None:
    text = PARAGRAPH * 10
    for piece in chunk_text(text, 600)[:-1]:
        assert piece.endswith("\n\n")
    one_line = text.replace("\n\n", " ")
    for piece in chunk_text(one_line, 600)[:-1]:
        assert piece.rstrip().endswith(".")


def test_a_long_text_is_parsed_in_pieces_into_one_doc(
    nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = PARAGRAPH * 12
    (whole,) = pipe_texts(nlp, [text], ["A"])
    monkeypatch.setattr(nlp_module, "CHUNK_CHARS", 500)
    seen: list[int] = []
    original = nlp.pipe

    def spy(texts: Any, **kwargs: Any) -> Any:
        texts = list(texts)
        seen.extend(len(t) for t in texts)
        return original(texts, **kwargs)

    monkeypatch.setattr(nlp, "pipe", spy)
    (pieced,) = pipe_texts(nlp, [text], ["A"])
    assert len(seen) > 3
    assert max(seen) <= 500
    assert pieced.text == text
    assert pieced._.newsdiff_source == "A"
    assert [t.text for t in pieced] == [t.text for t in whole]
    assert [s.start_char for s in pieced.sents] == [s.start_char for s in whole.sents]
    assert [(e.start_char, e.label_) for e in pieced.ents] == [
        (e.start_char, e.label_) for e in whole.ents
    ]
    assert pieced.tensor.size == 0


def test_no_sentence_runs_without_bound(nlp: Any) -> None:
    run_on = " ".join(f"word{i}" for i in range(2_000))  # no punctuation, no line break
    one_line = PARAGRAPH.replace("\n\n", " ") * 20  # a page saved on one line
    doc_run_on, doc_line = pipe_texts(nlp, [run_on, one_line], ["A", "B"])
    assert max(len(s) for s in doc_run_on.sents) <= MAX_SENTENCE_TOKENS
    assert max(len(s) for s in doc_line.sents) <= MAX_SENTENCE_TOKENS
    # The preset boundaries in the one-line page are real sentence ends: every sentence
    # begins with a capital letter.
    assert all(s.text[:1].isupper() for s in doc_line.sents)


def test_semantic_pairs_in_blocks_equal_the_whole_product(monkeypatch: pytest.MonkeyPatch) -> None:
    import numpy as np

    from newsdiff import align

    rng = np.random.default_rng(7)

    def sentences(source: str, n: int) -> list[align.SentenceFeatures]:
        out = []
        for i in range(n):
            v = rng.normal(size=16).astype("float32")
            out.append(align.SentenceFeatures(f"{source}{i}", source, i, 0, 1, "x", ()))
            out[-1].vector = v / np.linalg.norm(v)
        return out

    left, right = sentences("A", 57), sentences("B", 31)
    whole = align.semantic_pairs(left, right)
    monkeypatch.setattr(align, "SEMANTIC_BLOCK_CELLS", 100)  # three rows at a time
    assert align.semantic_pairs(left, right) == whole
    assert whole  # the vectors are close enough for some pairs


def test_embeddings_in_batches_equal_one_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    import numpy as np

    from newsdiff import semantic

    if not semantic.available():
        pytest.skip("the embedding model is not installed")
    texts = [f"Officials met in Geneva on day {i}." for i in range(10)] + ["", "Talks."]
    whole = semantic.embed(texts)
    monkeypatch.setattr(semantic, "EMBED_BATCH", 3)
    assert whole is not None
    assert np.allclose(semantic.embed(texts), whole, atol=1e-6)

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


def _from_docs(parts: list[Any]) -> Any:
    from spacy.tokens import Doc

    return Doc.from_docs(parts, ensure_whitespace=False, exclude=["tensor"])


def test_pieces_join_into_the_doc_from_docs_makes(
    nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The piece-by-piece join keeps every token attribute, sentence and offset."""
    from spacy.tokens import Doc

    text = (PARAGRAPH * 6).replace("\n\n", " ", 3) + "Short tail"
    monkeypatch.setattr(nlp_module, "CHUNK_CHARS", 450)
    pieces = chunk_text(text)
    assert len(pieces) >= 3
    expected = _from_docs(list(nlp.pipe(pieces)))
    (joined,) = pipe_texts(nlp, [text], ["A"])
    attrs = [*Doc._get_array_attrs(), "IDX"]
    assert joined.text == text
    assert (joined.to_array(attrs) == expected.to_array(attrs)).all()
    assert [(s.start_char, s.end_char) for s in joined.sents] == [
        (s.start_char, s.end_char) for s in expected.sents
    ]
    assert [(e.start_char, e.end_char, e.label_) for e in joined.ents] == [
        (e.start_char, e.end_char, e.label_) for e in expected.ents
    ]
    assert [t.head.i for t in joined] == [t.head.i for t in expected]
    assert joined.tensor.size == 0


def test_spans_and_extension_values_move_with_their_pieces(nlp: Any) -> None:
    from spacy.tokens import Token

    if not Token.has_extension("newsdiff_test_mark"):
        Token.set_extension("newsdiff_test_mark", default=None)
    parts = list(nlp.pipe(chunk_text(PARAGRAPH * 4, 300)))
    assert len(parts) > 2
    for n, part in enumerate(parts):
        part.spans["people"] = [part[1:3]]
        part[4]._.newsdiff_test_mark = n
    expected = _from_docs(parts)
    joiner = nlp_module._PieceJoiner()
    for part in parts:
        joiner.add(part)
    joined = joiner.doc()
    assert joined.text == expected.text
    assert [(s.start_char, s.end_char) for s in joined.spans["people"]] == [
        (s.start_char, s.end_char) for s in expected.spans["people"]
    ]
    assert len(joined.spans["people"]) == len(parts)
    marks = [(t.idx, t._.newsdiff_test_mark) for t in joined]
    assert marks == [(t.idx, t._.newsdiff_test_mark) for t in expected]
    assert [m for _, m in marks if m is not None] == list(range(len(parts)))


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


def test_releasing_free_memory_is_harmless_everywhere(monkeypatch: pytest.MonkeyPatch) -> None:
    """On Linux it calls glibc's malloc_trim; elsewhere (no such function) it does nothing."""
    from newsdiff import pipeline

    pipeline.release_free_memory()
    monkeypatch.setattr(pipeline, "_malloc_trim", None)
    monkeypatch.setattr("sys.platform", "darwin")
    pipeline.release_free_memory()
    assert pipeline._malloc_trim is not None
    assert pipeline._malloc_trim(0) == 0


def test_rows_normalised_in_blocks_equal_the_whole_matrix(monkeypatch: pytest.MonkeyPatch) -> None:
    import numpy as np

    from newsdiff import semantic

    rng = np.random.default_rng(3)
    matrix = rng.normal(size=(23, 16)).astype("float32")
    matrix[5] = 0.0
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    whole = matrix / norms
    monkeypatch.setattr(semantic, "EMBED_BATCH", 4)
    semantic.normalise_rows(matrix)
    assert np.array_equal(matrix, whole)
    assert not matrix[5].any()

"""Meaning-level similarity of sentences and words from a small static embedding model.

Lexical features miss paraphrase ("sell its asset management arm" / "looking for a buyer for
its fund business"); a static embedding model sees it at numpy speed. The model is WordLlama's
16 MB ``l2_supercat_256`` (MIT), whose weights and tokenizer ship inside the ``wordllama``
wheel. The two files are read straight from the installed package folder with ``safetensors``
and ``tokenizers`` (wordllama's own loaders), and sentences are embedded the way
``WordLlamaInference.embed`` does it (mean of the token vectors, no special tokens): nothing
is fetched at run time, and the cold path skips importing the ``wordllama`` package itself,
which pulls in ``requests`` and ``pydantic`` (about a second) for its download code. It is
loaded lazily, once per process, by the first analysis that needs it: a cache hit (the warm
``--json`` path) and the UI's first paint never touch it.

When the package is missing or its files are unreadable, every function degrades to ``None``
and the callers fall back to their lexical features alone.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Matrix = npt.NDArray[np.float32]

_LOCK = threading.Lock()
_MODEL: Any = None
_FAILED = False
_WORD_CACHE: dict[str, Any] = {}


#: Texts embedded together: bounds the token-vector matrix to about this many x 30 rows
#: (8 MB). At 1024 texts it was 31 MB a batch, which the allocator then kept as free heap.
EMBED_BATCH = 256

#: The model files inside the wordllama wheel.
WEIGHTS = "weights/l2_supercat_256.safetensors"
TOKENIZER = "tokenizers/l2_supercat_tokenizer_config.json"


class _Model:
    """Token vectors and the tokenizer: a sentence is the mean of its tokens' vectors."""

    def __init__(self, embedding: Any, tokenizer: Any) -> None:
        self.embedding = embedding
        self.tokenizer = tokenizer

    def embed(self, texts: Sequence[str]) -> Any:
        """Mean token vectors, a batch of texts at a time, written into one matrix.

        All at once, a long article (77,000 sentences) held every token's vector and every
        tokenizer result together: 400 MB more at the peak. By batches it is a few MB, and
        the batches fill their rows of the result in place (gathering them and joining them
        held the matrix twice).
        """
        import numpy as np

        out = np.zeros((len(texts), self.embedding.shape[1]), dtype=np.float32)
        for start in range(0, len(texts), EMBED_BATCH):
            self._embed_batch(texts[start : start + EMBED_BATCH], out[start : start + EMBED_BATCH])
        return out

    def _embed_batch(self, texts: Sequence[str], out: Any) -> None:
        import numpy as np

        # One text at a time on this thread: encode_batch's worker threads each keep a heap
        # of their own (50 MB more peak RSS for a 4 MB article, at the same speed).
        encode = self.tokenizer.encode
        encoded = [encode(text, add_special_tokens=False) for text in texts]
        lengths = np.array([len(e.ids) for e in encoded])
        ids = np.zeros(0, dtype=np.int64)
        if encoded:
            ids = np.concatenate([np.asarray(e.ids, dtype=np.int64) for e in encoded])
        ids = np.clip(ids, 0, self.embedding.shape[0] - 1)
        if ids.size:
            starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
            nonempty = lengths > 0
            rows = self.embedding[ids].astype(np.float32)  # float16 -> float32 is exact
            sums = np.add.reduceat(rows, starts[nonempty], axis=0)
            out[nonempty] = sums / lengths[nonempty, None]


def model_folder() -> Any:
    """The installed wordllama package folder, found without importing the package."""
    from importlib.util import find_spec
    from pathlib import Path

    spec = find_spec("wordllama")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _load() -> Any:
    """The model from the files its wheel ships, never from a model hub."""
    global _MODEL, _FAILED
    with _LOCK:
        if _MODEL is not None or _FAILED:
            return _MODEL
        try:
            import numpy as np
            from safetensors import safe_open
            from tokenizers import Tokenizer

            folder = model_folder()
            if folder is None:
                raise FileNotFoundError("wordllama is not installed")
            with safe_open(str(folder / WEIGHTS), framework="np") as fh:
                # Kept in the file's float16: a batch widens only the rows it gathers. Widening
                # all 32,000 rows up front cost 25-40 ms on the cold path and 16 MB more memory.
                embedding = np.ascontiguousarray(fh.get_tensor("embedding.weight"))
            tokenizer = Tokenizer.from_file(str(folder / TOKENIZER))
            tokenizer.no_padding()
            tokenizer.no_truncation()
            _MODEL = _Model(embedding, tokenizer)
        except Exception:  # any failure means "no vectors", never a crash
            _FAILED = True
            _MODEL = None
        return _MODEL


def preload() -> None:
    """Start loading the model in a daemon thread; the first :func:`embed` waits for it.

    Reading the tokenizer and weights takes about 0.3 s: on a cache miss that overlaps with
    spaCy's own loading and parsing instead of adding to it.
    """
    if _MODEL is None and not _FAILED and not _LOCK.locked():
        threading.Thread(target=_load, name="newsdiff-embeddings", daemon=True).start()


def available() -> bool:
    """Whether sentence vectors can be computed in this environment."""
    return _load() is not None


def embed(texts: Sequence[str]) -> Matrix | None:
    """Unit-length vectors, one row per text (zero rows for empty texts), or None."""
    model = _load()
    if model is None:
        return None
    import numpy as np

    clean = [t if t.strip() else "." for t in texts]
    unit: Matrix = np.asarray(model.embed(clean), dtype=np.float32)
    normalise_rows(unit)
    for i, t in enumerate(texts):
        if not t.strip():
            unit[i] = 0.0
    return unit


def normalise_rows(matrix: Matrix) -> None:
    """Scale every non-zero row to unit length, in place, a block of rows at a time.

    ``np.linalg.norm`` squares the whole matrix into a temporary copy first: for a long
    article that is one more copy of tens of MB at the memory peak. Each row's norm is the
    same computation whatever block it is in, so the result is bit-identical.
    """
    import numpy as np

    for start in range(0, len(matrix), EMBED_BATCH):
        block = matrix[start : start + EMBED_BATCH]
        norms = np.linalg.norm(block, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        block /= norms


def word_vectors(words: Sequence[str]) -> dict[str, Any]:
    """Unit vectors of single words, memoised (news vocabulary repeats across articles)."""
    missing = [w for w in dict.fromkeys(words) if w not in _WORD_CACHE]
    if missing:
        vectors = embed(missing)
        if vectors is None:
            return {}
        for w, v in zip(missing, vectors, strict=True):
            _WORD_CACHE[w] = v
    return {w: _WORD_CACHE[w] for w in words if w in _WORD_CACHE}


def word_similarity(a: str, b: str) -> float:
    """Cosine of two words' vectors ("combat" / "fight" 0.63, "visit" / "message" 0.04)."""
    if a == b:
        return 1.0
    vectors = word_vectors([a, b])
    if a not in vectors or b not in vectors:
        return 0.0
    return float(vectors[a] @ vectors[b])

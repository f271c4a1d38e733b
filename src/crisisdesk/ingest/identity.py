"""Content identity: normalized text, content-hash ids and MinHash signatures for wire copies.

Pure functions only: the store keeps band keys in a table and asks it for candidates;
this module just computes. Signatures use datasketch's `affine32` scheme, stated explicitly
so stored signatures stay comparable across datasketch versions (its default changed in 2.0).
"""

import hashlib
import re
import unicodedata
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash

NUM_PERM = 128
BANDS = 16
ROWS = NUM_PERM // BANDS  # 8 rows per band
SHINGLE_WORDS = 5
_SCHEME = "affine32"
_SPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    """NFKC, whitespace collapsed to one space, stripped, casefolded.

    Why: copies that differ only in typography, line wrapping or case get the same id.
    Punctuation and quote styles beyond NFKC are kept, so it is not a fuzzy match.
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _SPACE.sub(" ", folded).strip()


def doc_id(text: str) -> str:
    """The first 16 hex characters (64 bits) of sha256 of the normalized text.

    64 bits keep ids short for URLs and citations; a collision needs ~4 billion documents.
    """
    return hashlib.sha256(normalize(text).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class MinHashSig:
    """A MinHash signature: NUM_PERM unsigned 32-bit values."""

    values: tuple[int, ...]

    def bands(self) -> list[str]:
        """LSH band keys, `"<band>:<12 hex>"`; two texts sharing any key are candidates.

        16 bands of 8 rows make pairs above ~0.75 Jaccard very likely to share a band,
        and pairs below ~0.5 unlikely to; the caller confirms with `similarity`.
        """
        keys = []
        for band in range(BANDS):
            rows = self.values[band * ROWS : (band + 1) * ROWS]
            digest = hashlib.sha1(np.asarray(rows, dtype=">u4").tobytes()).hexdigest()
            keys.append(f"{band:02d}:{digest[:12]}")
        return keys

    def to_bytes(self) -> bytes:
        """Big-endian uint32 values (512 bytes for 128 permutations)."""
        return np.asarray(self.values, dtype=">u4").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> "MinHashSig":
        """Inverse of `to_bytes`."""
        if len(data) != NUM_PERM * 4:
            raise ValueError(f"expected {NUM_PERM * 4} bytes, got {len(data)}")
        return cls(tuple(int(v) for v in np.frombuffer(data, dtype=">u4")))


def shingles(text: str) -> set[str]:
    """Word 5-grams of the normalized text; a shorter text is one shingle of all its words."""
    words = normalize(text).split(" ")
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words)} if words != [""] else set()
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def signature(text: str) -> MinHashSig:
    """The MinHash signature of `text`'s word 5-grams (empty text: datasketch's empty sig)."""
    minhash = MinHash(num_perm=NUM_PERM, scheme=_SCHEME)
    minhash.update_batch([s.encode("utf-8") for s in sorted(shingles(text))])
    return MinHashSig(tuple(int(v) for v in minhash.hashvalues))


def similarity(a: MinHashSig, b: MinHashSig) -> float:
    """Estimated Jaccard similarity of the two texts' shingle sets, in [0, 1]."""
    return float(_minhash(a).jaccard(_minhash(b)))


def _minhash(sig: MinHashSig) -> MinHash:
    return MinHash(hashvalues=np.asarray(sig.values, dtype=np.uint64), scheme=_SCHEME)

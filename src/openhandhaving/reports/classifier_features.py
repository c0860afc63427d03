"""Text features for the category suggestion: stemmed words and character n-grams, fast (pure).

Character n-grams (3–5 letters within a word, as " hond", "poep ") catch typos and compounds
("hondenpoep", "hondepoep"); stemmed words (1- and 2-grams, stop words left out) catch meaning.
Counting every n-gram of every text in Python is what makes such features slow on 300,000
texts, so they are counted per distinct word instead: documents × words (one pass over the
words) times words × n-grams (a sparse product in C). Words first seen at prediction time get
their n-grams on the fly, so a typo still matches.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import pairwise

import numpy as np
import scipy.sparse as sp
import snowballstemmer
from sklearn.base import BaseEstimator, TransformerMixin

LANGUAGES = {"nl": "dutch", "de": "german"}


def _split(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Short, hand-made lists of function words; content words ("niet", "kein") stay, they can matter.
STOP_WORDS = {
    "nl": _split(
        "de het een en of in op aan van voor met bij naar uit om te tot door over als dan dat die "
        "dit deze er is zijn was waren wordt worden word ben bent heb hebt heeft hebben had ik je "
        "jij u hij zij ze wij we jullie hun hen mij me mijn ons onze haar hem zich al ook nog maar "
        "wel zo dus toch want omdat hier daar waar wat wie hoe graag beste hallo geachte "
        "goedendag hoi groet vriendelijke heer mevrouw"
    ),
    "de": _split(
        "der die das den dem des ein eine einen einem einer eines und oder in im am an auf aus bei "
        "mit nach von vom zu zum zur für über unter vor durch als wie dass da dort hier ist sind "
        "war waren wird werden wurde wurden bin bist hat haben hatte ich du er sie es wir ihr "
        "mich mir mein meine uns unser sich auch noch aber doch so schon sehr bitte hallo danke "
        "geehrte damen herren gruß grüßen freundlichen"
    ),
}
_WORD = re.compile(r"[^\W\d_]+")


def normalise(text: str) -> str:
    """Lower case, Unicode composed (NFC); keeps umlauts and accents for the stemmer."""
    return unicodedata.normalize("NFC", text).casefold()


def words_of(text: str) -> list[str]:
    return _WORD.findall(normalise(text))


@lru_cache(maxsize=2)
def _stemmer(language: str):
    return snowballstemmer.stemmer(LANGUAGES[language])


@lru_cache(maxsize=300_000)
def stem(language: str, word: str) -> str | None:
    """The word's stem, or None for a stop word. Cached: report texts repeat their words."""
    if word in STOP_WORDS[language]:
        return None
    return _stemmer(language).stemWord(word)


def pieces(word: str, sizes: tuple[int, int]) -> list[str]:
    """Character n-grams of the word padded with a space on each side."""
    padded = f" {word} "
    low, high = sizes
    return [padded[i : i + n] for n in range(low, high + 1) for i in range(len(padded) - n + 1)]


def _csr(rows: list[list[int]], width: int) -> sp.csr_matrix:
    """Counts: row i has a 1 for each column listed in rows[i] (repeats add up)."""
    indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    indptr[1:] = np.cumsum([len(row) for row in rows])
    indices = np.fromiter((j for row in rows for j in row), dtype=np.int64, count=indptr[-1])
    data = np.ones(len(indices), dtype=np.float32)
    matrix = sp.csr_matrix((data, indices, indptr), shape=(len(rows), width))
    matrix.sum_duplicates()
    return matrix


def _prune(matrix: sp.csr_matrix, vocabulary: dict[str, int], min_df: int) -> sp.csr_matrix:
    """Keep the columns present in at least min_df rows; renumber `vocabulary` in place."""
    present = np.bincount(matrix.indices, minlength=matrix.shape[1])
    keep = np.flatnonzero(present >= min_df)
    renumber = np.full(matrix.shape[1], -1, dtype=np.int64)
    renumber[keep] = np.arange(len(keep))
    kept = {key: int(renumber[j]) for key, j in vocabulary.items() if renumber[j] >= 0}
    vocabulary.clear()
    vocabulary.update(kept)
    return matrix[:, keep].tocsr()


class StemmedWords:
    """An analyzer for scikit-learn's vectorizers: the stems of a text's words, in order."""

    def __init__(self, language: str):
        self.language = language

    def __call__(self, text: str) -> list[str]:
        return [s for w in words_of(text) if (s := stem(self.language, w))]


class TextFeatures(TransformerMixin, BaseEstimator):
    """TF-IDF (sublinear) of stemmed word 1–2-grams and of character n-grams, each block
    L2-normalised, side by side. Features seen in fewer than `min_df` texts are left out."""

    def __init__(self, language: str = "nl", char_sizes: tuple[int, int] = (3, 5), min_df: int = 2):
        self.language = language
        self.char_sizes = char_sizes
        self.min_df = min_df

    def fit(self, texts, y=None) -> TextFeatures:
        self.fit_transform(texts)
        return self

    def fit_transform(self, texts, y=None) -> sp.csr_matrix:
        self.stems_: dict[str, int] = {}
        self.bigrams_: dict[str, int] = {}
        self.pieces_: dict[str, int] = {}
        stems, bigrams, chars = self._counts(texts, grow=True)
        stems = _prune(stems, self.stems_, self.min_df)
        bigrams = _prune(bigrams, self.bigrams_, self.min_df)
        chars = _prune(chars, self.pieces_, self.min_df)
        counts = sp.hstack([stems, bigrams, chars], format="csr")
        present = np.bincount(counts.indices, minlength=counts.shape[1])
        # Smoothed inverse document frequency, as scikit-learn's TfidfTransformer computes it.
        self.idf_ = (np.log((1 + counts.shape[0]) / (1 + present)) + 1).astype(np.float32)
        self.word_columns_ = stems.shape[1] + bigrams.shape[1]
        return self._weigh(counts)

    def transform(self, texts) -> sp.csr_matrix:
        return self._weigh(sp.hstack(self._counts(texts, grow=False), format="csr"))

    def _weigh(self, counts: sp.csr_matrix) -> sp.csr_matrix:
        """Sublinear TF (1 + log count) × IDF, then each row's word block and character
        block scaled to length 1 apart (like two TfidfVectorizers side by side)."""
        weighted = counts.astype(np.float32)
        weighted.data = (np.log(weighted.data) + 1) * self.idf_[weighted.indices]
        rows = np.repeat(np.arange(weighted.shape[0]), np.diff(weighted.indptr))
        block = rows * 2 + (weighted.indices >= self.word_columns_)
        length = np.sqrt(
            np.bincount(block, weights=weighted.data**2, minlength=2 * weighted.shape[0])
        )
        length[length == 0] = 1
        weighted.data /= length[block].astype(np.float32)
        return weighted

    def _counts(self, texts, *, grow: bool):
        """Stem, stem-bigram and n-gram counts per text, via the distinct words of `texts`.

        grow=True adds every new feature to the vocabularies (fitting); otherwise features
        outside them are ignored.
        """

        def column(vocabulary: dict[str, int], key: str) -> int:
            if grow:
                return vocabulary.setdefault(key, len(vocabulary))
            return vocabulary.get(key, -1)

        word_ids: dict[str, int] = {}
        doc_words = [[word_ids.setdefault(w, len(word_ids)) for w in words_of(t)] for t in texts]
        word_stems = [stem(self.language, w) for w in word_ids]
        stem_columns = [column(self.stems_, s) if s else -1 for s in word_stems]
        piece_columns = [
            [j for p in pieces(w, self.char_sizes) if (j := column(self.pieces_, p)) >= 0]
            for w in word_ids
        ]
        doc_bigrams = []
        for ids in doc_words:
            kept = [word_stems[i] for i in ids if word_stems[i]]
            pairs = (column(self.bigrams_, f"{a} {b}") for a, b in pairwise(kept))
            doc_bigrams.append([j for j in pairs if j >= 0])
        counts = _csr(doc_words, len(word_ids))
        per_word_stem = _csr([[j] if j >= 0 else [] for j in stem_columns], len(self.stems_))
        per_word_pieces = _csr(piece_columns, len(self.pieces_))
        return (
            (counts @ per_word_stem).tocsr(),
            _csr(doc_bigrams, len(self.bigrams_)),
            (counts @ per_word_pieces).tocsr(),
        )

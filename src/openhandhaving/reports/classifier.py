"""Category suggestion from free text: train, predict the top categories, save, load, evaluate.

Pure (no Django), so the same code learns from the municipality's closed reports and from any
CSV file (`openhandhaving classifier`, docs/classifier.md). Two methods share one interface:

- "model" (ours): TF-IDF of stemmed words (1–2-grams, stop words left out) beside TF-IDF of
  character 3–5-grams within words (typos, compounds such as "hondenpoep"), see
  classifier_features; linear SVMs trained by stochastic gradient descent, their scores
  made probabilities by a softmax whose sharpness is fitted on texts they did not see.
  Linear in the number of texts: 300,000 texts train in under a minute.
- "signalen" (the baseline, as Signalen's classification service does it): stemmed word
  counts without stop words, term frequencies normalised (no IDF), logistic regression.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import joblib
import numpy as np
import sklearn
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer
from sklearn.linear_model import LogisticRegression, SGDClassifier
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold, train_test_split
from sklearn.pipeline import Pipeline

from openhandhaving.reports.classifier_features import LANGUAGES, StemmedWords, TextFeatures

FORMAT = "openhandhaving-classifier/1"
METHODS = ("model", "signalen")
MIN_PER_LABEL = 2


class ClassifierError(Exception):
    """Input the classifier cannot use; `message` is Dutch and names the column or row."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class CalibratedLinearSVM(ClassifierMixin, BaseEstimator):
    """One-vs-rest linear SVMs (SGD, hinge loss) whose scores become probabilities by a softmax
    with one sharpness factor (temperature scaling), fitted on scores of texts the SVMs did not
    see. The order of the categories is the SVMs' own; only the confidence is calibrated.

    Up to `holdout_from` texts: 3-fold cross-validation gives those scores, then the SVMs are
    trained again on everything. From there on a tenth is held out once and the SVMs keep
    what they learnt on the other nine tenths (one training instead of three).
    """

    def __init__(self, alpha: float = 1e-4, holdout_from: int = 20_000, n_jobs: int = 2):
        self.alpha = alpha
        self.holdout_from = holdout_from
        self.n_jobs = n_jobs

    def _svm(self, n: int) -> SGDClassifier:
        # About a million updates per class suffice; small sets get more passes.
        passes = int(min(30, max(3, 1_000_000 // max(n, 1))))
        return SGDClassifier(
            loss="hinge",
            alpha=self.alpha,
            max_iter=passes,
            tol=None,
            random_state=0,
            n_jobs=self.n_jobs,
        )

    def fit(self, X, y) -> CalibratedLinearSVM:
        y = np.asarray(y)
        self.classes_ = np.unique(y)
        n = X.shape[0]
        if n >= self.holdout_from:
            learn, check = train_test_split(np.arange(n), test_size=0.1, stratify=y, random_state=0)
            svm = self._svm(len(learn)).fit(X[learn], y[learn])
            self._weights_from(svm)
            scores, truth = self._scores(X[check]), y[check]
        else:
            fewest = int(np.bincount(np.searchsorted(self.classes_, y)).min())
            folds = StratifiedKFold(n_splits=min(3, fewest), shuffle=True, random_state=0)
            scores = np.zeros((n, len(self.classes_)), dtype=np.float32)
            for learn, check in folds.split(np.zeros(n), y):
                self._weights_from(self._svm(len(learn)).fit(X[learn], y[learn]))
                scores[check] = self._scores(X[check])
            truth = y
            self._weights_from(self._svm(n).fit(X, y))
        self.sharpness_ = _sharpness(scores, np.searchsorted(self.classes_, truth))
        return self

    def _weights_from(self, svm: SGDClassifier) -> None:
        if not np.array_equal(svm.classes_, self.classes_):
            raise ClassifierError("Elke categorie moet in elk deel van de trainingsdata zitten.")
        coef = svm.coef_ if len(self.classes_) > 2 else np.vstack([-svm.coef_, svm.coef_])
        icpt = svm.intercept_ if len(self.classes_) > 2 else np.array([0.0, 0.0])
        # Stored as (features × classes), contiguous: one sparse-dense product per prediction.
        self.weights_ = np.ascontiguousarray(coef.T, dtype=np.float32)
        self.intercept_ = np.asarray(icpt, dtype=np.float32)

    def _scores(self, X) -> np.ndarray:
        return np.asarray(X @ self.weights_) + self.intercept_

    def predict_proba(self, X) -> np.ndarray:
        return _softmax(self._scores(X) * self.sharpness_)

    def predict(self, X) -> np.ndarray:
        return self.classes_[np.argmax(self._scores(X), axis=1)]


def _softmax(scores: np.ndarray) -> np.ndarray:
    shifted = np.exp(scores - scores.max(axis=1, keepdims=True))
    return shifted / shifted.sum(axis=1, keepdims=True)


def _sharpness(scores: np.ndarray, truth: np.ndarray) -> float:
    """The factor that makes softmax(scores × factor) fit the true labels best (log loss)."""
    from scipy.optimize import minimize_scalar

    rows = np.arange(len(truth))

    def loss(log_factor: float) -> float:
        probabilities = _softmax(scores.astype(np.float64) * np.exp(log_factor))
        return float(-np.log(probabilities[rows, truth] + 1e-12).mean())

    return float(np.exp(minimize_scalar(loss, bounds=(-3, 5), method="bounded").x))


def _pipeline(method: str, language: str) -> Pipeline:
    if method == "signalen":
        return Pipeline(
            [
                ("counts", CountVectorizer(analyzer=StemmedWords(language))),
                ("tf", TfidfTransformer(use_idf=False)),
                ("classify", LogisticRegression(max_iter=1000)),
            ]
        )
    return Pipeline(
        [("features", TextFeatures(language=language)), ("classify", CalibratedLinearSVM())]
    )


@dataclass
class Model:
    """A trained classifier: `predict_top` gives each text's most likely labels."""

    pipeline: Any
    meta: dict = field(default_factory=dict)

    @property
    def labels(self) -> list[str]:
        return [str(label) for label in self.pipeline.classes_]

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        return self.pipeline.predict_proba(list(texts))

    def predict_top(self, texts: Sequence[str], k: int = 3) -> list[list[tuple[str, float]]]:
        """Per text the k most likely labels with their probability, most likely first."""
        if not texts:
            return []
        probabilities = self.probabilities(texts)
        labels = self.labels
        best = np.argsort(-probabilities, axis=1, kind="stable")[:, :k]
        return [
            [(labels[j], float(row[j])) for j in order]
            for row, order in zip(probabilities, best, strict=True)
        ]

    def save(self, path: Path | str) -> None:
        """Write atomically: a temporary file in the same folder, then renamed over `path`."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
        )
        os.close(handle)
        try:
            joblib.dump({"format": FORMAT, "meta": self.meta, "pipeline": self.pipeline}, temporary)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    @classmethod
    def load(cls, path: Path | str) -> Model:
        """Read a model written by `save`. Only load files you made: joblib runs pickle."""
        path = Path(path)
        if not path.is_file():
            raise ClassifierError(f"Modelbestand '{path}' bestaat niet.")
        try:
            stored = joblib.load(path)
        except Exception as error:
            raise ClassifierError(
                f"'{path}' is geen model van 'openhandhaving classifier train' ({error})."
            ) from None
        if not isinstance(stored, dict) or stored.get("format") != FORMAT:
            raise ClassifierError(
                f"'{path}' is geen model van 'openhandhaving classifier train'."
            ) from None
        made_with = stored["meta"].get("sklearn_version")
        if made_with != sklearn.__version__:
            raise ClassifierError(
                f"Model '{path}' is gemaakt met scikit-learn {made_with}, hier draait "
                f"{sklearn.__version__}: train het model opnieuw."
            )
        return cls(pipeline=stored["pipeline"], meta=stored["meta"])


def label_counts_check(labels: Sequence[str], *, column: str, minimum: int = MIN_PER_LABEL) -> None:
    """Refuse labels with fewer than `minimum` examples, and data with fewer than two labels."""
    counts = Counter(labels)
    rare = sorted(label for label, n in counts.items() if n < minimum)
    if rare:
        shown = ", ".join(f"'{label}' ({counts[label]}×)" for label in rare[:10])
        more = f" en nog {len(rare) - 10}" if len(rare) > 10 else ""
        raise ClassifierError(
            f"In kolom '{column}' komen deze labels minder dan {minimum} keer voor: {shown}{more}. "
            "Geef meer voorbeelden, of laat zulke labels weg (--drop-rare)."
        )
    if len(counts) < 2:
        raise ClassifierError(
            f"Kolom '{column}' heeft maar {len(counts)} verschillend label; er zijn er minstens "
            "2 nodig om te leren kiezen."
        )


def train(
    texts: Sequence[str],
    labels: Sequence[str],
    language: str = "nl",
    *,
    method: str = "model",
    column: str = "label",
) -> Model:
    """Learn labels from texts. Every label needs at least MIN_PER_LABEL examples."""
    if method not in METHODS:
        raise ClassifierError(f"Onbekende methode '{method}': kies uit {', '.join(METHODS)}.")
    if language not in LANGUAGES:
        raise ClassifierError(f"Onbekende taal '{language}': kies uit {', '.join(LANGUAGES)}.")
    if len(texts) != len(labels):
        raise ValueError("texts and labels differ in length")
    label_counts_check(labels, column=column)
    pipeline = _pipeline(method, language)
    started = time.perf_counter()
    pipeline.fit(list(texts), [str(label) for label in labels])
    meta = {
        "method": method,
        "language": language,
        "sklearn_version": sklearn.__version__,
        "trained_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "n": len(texts),
        "labels": [str(label) for label in pipeline.classes_],
        "label_counts": dict(sorted(Counter(map(str, labels)).items())),
        "seconds": round(time.perf_counter() - started, 2),
    }
    return Model(pipeline=pipeline, meta=meta)


def evaluate(
    model: Model, texts: Sequence[str], labels: Sequence[str], *, threshold: float = 0.5
) -> dict:
    """Accuracy, macro-F1 and top-3 accuracy on labelled texts; how many clear the threshold.

    `coverage_at_threshold`: share of texts whose best probability is at least `threshold`
    (these would be categorised automatically); `accuracy_at_threshold`: accuracy among those.
    Labels the model never saw count as wrong; `unknown_labels` says how many texts had one.
    """
    n = len(texts)
    if n == 0:
        raise ClassifierError("Er zijn geen rijen om mee te meten.")
    truth = np.array([str(label) for label in labels])
    probabilities = model.probabilities(texts)
    known = np.array(model.labels)
    order = np.argsort(-probabilities, axis=1, kind="stable")
    best = known[order[:, 0]]
    top3 = known[order[:, :3]]
    confident = probabilities[np.arange(n), order[:, 0]] >= threshold
    correct = best == truth
    return {
        "n": n,
        "accuracy": round(float(correct.mean()), 4),
        "macro_f1": round(float(f1_score(truth, best, average="macro", zero_division=0)), 4),
        "top3_accuracy": round(float((top3 == truth[:, None]).any(axis=1).mean()), 4),
        "threshold": threshold,
        "coverage_at_threshold": round(float(confident.mean()), 4),
        "accuracy_at_threshold": (
            round(float(correct[confident].mean()), 4) if confident.any() else None
        ),
        "unknown_labels": int((~np.isin(truth, known)).sum()),
    }

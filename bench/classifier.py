"""Category suggestion: training time on 300,000 demo texts, prediction time, Konstanz figures.

Run: .venv/bin/python bench/classifier.py [--texts 300000] [--konstanz PATH]

1. Training: N texts made by the demo's text generator (reports/demo_texts.py: residents'
   words per category, with greetings, e-mail forms, typos), labelled with their category;
   no database. Target: under 60 s for 300,000.
2. Prediction: one text at a time through Model.predict_top (features, scores, top 3) for 500
   unseen demo texts: median and p95. Target: under 5 ms.
3. Konstanz (../shared/data/konstanz-reports, German; skipped when absent): train on
   2020–2021, test on 2022, our model and Signalen's method, full "Main > Sub" labels and
   main categories only. Labels with fewer than 2 training examples are left out.
The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from openhandhaving.reports import classifier  # noqa: E402
from openhandhaving.reports.classifier_data import rows_read  # noqa: E402
from openhandhaving.reports.demo_texts import TEMPLATES, report_text  # noqa: E402

KONSTANZ = REPO.parent / "shared" / "data" / "konstanz-reports" / "reports_2020_2022.csv"
STREETS = [
    f"{first}{kind}"
    for first in ("Merel", "Lijster", "Eiken", "Beuken", "Molen", "Kerk", "Dorps", "Haven")
    for kind in ("straat", "laan", "weg", "plein", "pad", "singel", "kade")
]
PLACES = ["", "", "Het Reigersbos", "Park De Hoven", "Winkelcentrum Oost", "Sportpark Noord"]
CHANNELS = ["web", "app", "phone", "email", "own_observation", "desk"]
THRESHOLD = 0.5


def demo_texts(n: int, seed: int) -> tuple[list[str], list[str]]:
    rng = random.Random(seed)
    slugs = sorted(TEMPLATES)
    texts, labels = [], []
    for _ in range(n):
        slug = slugs[rng.randrange(len(slugs))]
        texts.append(
            report_text(
                rng,
                slug=slug,
                pattern=None,
                channel=CHANNELS[rng.randrange(len(CHANNELS))],
                street=STREETS[rng.randrange(len(STREETS))],
                place=PLACES[rng.randrange(len(PLACES))],
            )
        )
        labels.append(slug)
    return texts, labels


def konstanz(path: Path) -> list[dict]:
    def part(label: str, level: str) -> str:
        return label if level == "full" else label.split(" > ")[0]

    common = {"text_column": "Text", "label_column": "Kategorie", "date_column": "Gemeldet-am"}
    learn = rows_read(path, **common, date_to=dt.date(2021, 12, 31))
    check = rows_read(path, **common, date_from=dt.date(2022, 1, 1))
    figures = []
    for level in ("full", "main"):
        labels = [part(label, level) for label in learn.labels]
        counts = {label: labels.count(label) for label in set(labels)}
        keep = [i for i, label in enumerate(labels) if counts[label] >= classifier.MIN_PER_LABEL]
        for method in classifier.METHODS:
            started = time.perf_counter()
            model = classifier.train(
                [learn.texts[i] for i in keep], [labels[i] for i in keep], "de", method=method
            )
            seconds = time.perf_counter() - started
            result = classifier.evaluate(
                model,
                check.texts,
                [part(label, level) for label in check.labels],
                threshold=THRESHOLD,
            )
            row = {"labels": level, "method": method, "train_n": len(keep), **result}
            row["train_seconds"] = round(seconds, 2)
            print(
                f"Konstanz {level:4} {method:8}: n={result['n']} accuracy={result['accuracy']:.3f}"
                f" macro-F1={result['macro_f1']:.3f} top-3={result['top3_accuracy']:.3f}"
                f" coverage@{THRESHOLD}={result['coverage_at_threshold']:.3f}"
                f" (accuracy there {result['accuracy_at_threshold']:.3f})",
                flush=True,
            )
            figures.append(row)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=300_000)
    parser.add_argument("--konstanz", type=Path, default=KONSTANZ)
    args = parser.parse_args()

    texts, labels = demo_texts(args.texts, seed=1)
    started = time.perf_counter()
    model = classifier.train(texts, labels, "nl")
    train_s = time.perf_counter() - started
    categories = len(model.labels)
    print(f"Training on {args.texts:,} demo texts ({categories} categories): {train_s:.1f} s")

    unseen, truth = demo_texts(500, seed=2)
    model.predict_top(unseen[:5])  # warm up caches
    times = []
    for text in unseen:
        started = time.perf_counter()
        model.predict_top([text], k=3)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    median, p95 = statistics.median(times), times[int(0.95 * len(times)) - 1]
    accuracy = classifier.evaluate(model, unseen, truth)["accuracy"]
    print(f"Prediction per report: median {median:.2f} ms, p95 {p95:.2f} ms")
    print(f"Accuracy on 500 unseen demo texts: {accuracy:.3f} (template texts: easy)")

    figures = []
    if args.konstanz.is_file():
        figures = konstanz(args.konstanz)
    else:
        print(f"Konstanz skipped: {args.konstanz} not found")
    print(
        json.dumps(
            {
                "train_texts": args.texts,
                "train_seconds": round(train_s, 1),
                "train_target_seconds": 60,
                "predict_median_ms": round(median, 2),
                "predict_p95_ms": round(p95, 2),
                "predict_target_ms": 5,
                "demo_accuracy": accuracy,
                "konstanz": figures,
            }
        )
    )


if __name__ == "__main__":
    main()

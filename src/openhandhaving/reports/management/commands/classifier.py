"""`openhandhaving classifier train|evaluate|train-from-reports`: the category suggestion.

`train` and `evaluate` work on any CSV file (docs/classifier.md); `train-from-reports` learns
from the municipality's own closed reports, as the nightly task does. Bad input gets a Dutch
message naming the file, column or row, and exit code 2; never a traceback.
"""

from __future__ import annotations

import json
from typing import NoReturn

from django.conf import settings
from django.core.management.base import BaseCommand

USAGE = """Gebruik:
  openhandhaving classifier train --input BESTAND.csv --text-column KOLOM --label-column KOLOM \\
      --out MODEL [--language nl|de] [--method model|signalen] [--drop-rare] \\
      [--date-column KOLOM --from JJJJ-MM-DD --to JJJJ-MM-DD]
  openhandhaving classifier evaluate --model MODEL --input BESTAND.csv --text-column KOLOM \\
      --label-column KOLOM [--threshold 0.5] [--date-column KOLOM --from ... --to ...]
  openhandhaving classifier train-from-reports [--min-per-category 10]"""


class Command(BaseCommand):
    help = (
        "Categoriesuggestie: train een model op een CSV-bestand (train), meet het op een ander "
        "deel (evaluate, één regel JSON), of train het model van de app op de eigen gesloten "
        "meldingen (train-from-reports)."
    )

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.error = self.refuse
        return parser

    def refuse(self, message: str) -> NoReturn:
        self.fail(f"Onjuiste aanroep: {message}.\n{USAGE}")

    def add_arguments(self, parser) -> None:
        actions = parser.add_subparsers(dest="action", metavar="train|evaluate|train-from-reports")
        train = actions.add_parser("train", help="Train een model op een CSV-bestand.")
        self.csv_arguments(train)
        train.add_argument("--out", required=True, help="Waar het model komt (bestand).")
        train.add_argument("--language", choices=["nl", "de"], default="nl", help="Taal.")
        train.add_argument(
            "--method",
            choices=["model", "signalen"],
            default="model",
            help="model: ons model; signalen: de methode van Signalen, ter vergelijking.",
        )
        train.add_argument(
            "--drop-rare",
            action="store_true",
            help="Laat labels met minder dan 2 voorbeelden weg in plaats van te stoppen.",
        )
        evaluate = actions.add_parser("evaluate", help="Meet een model op een CSV-bestand.")
        self.csv_arguments(evaluate)
        evaluate.add_argument("--model", required=True, help="Het model (van train).")
        evaluate.add_argument(
            "--threshold",
            type=float,
            default=None,
            help="Drempel voor een automatische suggestie (0–1); standaard de instelling "
            "OPENHANDHAVING_CLASSIFIER_THRESHOLD.",
        )
        own = actions.add_parser(
            "train-from-reports", help="Train het model van de app op de gesloten meldingen."
        )
        own.add_argument(
            "--min-per-category",
            type=int,
            default=10,
            help="Categorieën met minder gesloten meldingen doen niet mee (standaard 10).",
        )
        for sub in (train, evaluate, own):
            sub.error = self.refuse

    @staticmethod
    def csv_arguments(parser) -> None:
        parser.add_argument("--input", required=True, help="CSV-bestand (UTF-8, , of ;).")
        parser.add_argument("--text-column", required=True, help="Kolom met de tekst.")
        parser.add_argument("--label-column", required=True, help="Kolom met de categorie.")
        parser.add_argument("--date-column", help="Kolom met een datum (JJJJ-MM-DD ...).")
        parser.add_argument("--from", dest="date_from", help="Alleen rijen vanaf deze dag.")
        parser.add_argument("--to", dest="date_to", help="Alleen rijen tot en met deze dag.")

    def fail(self, message: str, code: int = 2) -> NoReturn:
        """A Dutch message on stderr and a non-zero exit code, no traceback."""
        self.stderr.write(message)
        raise SystemExit(code)

    def handle(self, *args, action=None, **options) -> None:
        from openhandhaving.reports.classifier import ClassifierError

        if action is None:
            self.fail(f"Kies wat de opdracht moet doen.\n{USAGE}")
        try:
            if action == "train":
                result = self.train(**options)
            elif action == "evaluate":
                result = self.evaluate(**options)
            else:
                result = self.train_from_reports(**options)
        except ClassifierError as error:
            self.fail(error.message)
        self.stdout.write(json.dumps(result, ensure_ascii=False))

    def rows(self, options: dict):
        from openhandhaving.reports.classifier import ClassifierError
        from openhandhaving.reports.classifier_data import day_parse, rows_read

        date_from, date_to = options.get("date_from"), options.get("date_to")
        if (date_from or date_to) and not options.get("date_column"):
            raise ClassifierError("Geef bij --from of --to ook --date-column op.")
        return rows_read(
            options["input"],
            text_column=options["text_column"],
            label_column=options["label_column"],
            date_column=options.get("date_column"),
            date_from=day_parse(date_from, what="--from") if date_from else None,
            date_to=day_parse(date_to, what="--to") if date_to else None,
        )

    def train(self, **options) -> dict:
        from collections import Counter

        from openhandhaving.reports.classifier import MIN_PER_LABEL, ClassifierError, train

        rows = self.rows(options)
        column = options["label_column"]
        dropped = 0
        counts = Counter(rows.labels)
        if options["drop_rare"]:
            dropped = rows.keep({label for label, n in counts.items() if n >= MIN_PER_LABEL})
        else:
            rare = [label for label, n in counts.items() if n < MIN_PER_LABEL]
            if rare:
                line = rows.lines[rows.labels.index(rare[0])]
                raise ClassifierError(
                    f"Label '{rare[0]}' in kolom '{column}' (regel {line}) komt maar "
                    f"{counts[rare[0]]} keer voor"
                    + (f", net als {len(rare) - 1} andere labels" if len(rare) > 1 else "")
                    + f". Elk label heeft minstens {MIN_PER_LABEL} voorbeelden nodig; "
                    "geef er meer, of laat zulke labels weg met --drop-rare."
                )
        model = train(
            rows.texts,
            rows.labels,
            options["language"],
            method=options["method"],
            column=column,
        )
        model.save(options["out"])
        return {
            "model": str(options["out"]),
            "method": model.meta["method"],
            "language": model.meta["language"],
            "n": model.meta["n"],
            "labels": len(model.labels),
            "seconds": model.meta["seconds"],
            "skipped_empty": rows.skipped_empty,
            "skipped_date": rows.skipped_date,
            "dropped_rare": dropped,
        }

    def evaluate(self, **options) -> dict:
        from openhandhaving.reports.classifier import ClassifierError, Model, evaluate

        threshold = options["threshold"]
        if threshold is None:
            threshold = settings.REPORTS_CLASSIFIER_THRESHOLD
        if not 0 <= threshold <= 1:
            raise ClassifierError(f"--threshold moet tussen 0 en 1 liggen, niet {threshold}.")
        model = Model.load(options["model"])
        rows = self.rows(options)
        result = evaluate(model, rows.texts, rows.labels, threshold=threshold)
        return {**result, "method": model.meta.get("method"), "model_n": model.meta.get("n")}

    def train_from_reports(self, *, min_per_category: int, **options) -> dict:
        from openhandhaving.reports.exceptions import ReportRuleError
        from openhandhaving.reports.services.classifier import classifier_train_from_reports

        try:
            return classifier_train_from_reports(
                actor=None, min_per_category=min_per_category, origin="openhandhaving classifier"
            )
        except ReportRuleError as error:
            self.fail(error.message, code=1)

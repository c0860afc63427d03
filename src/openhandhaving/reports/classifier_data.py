"""Texts and labels from any CSV file for the classifier, with clear Dutch messages (pure).

Quoted fields may span lines (the csv module reads them whole). The separator is a comma or,
as Dutch spreadsheets write it, a semicolon: whichever the header line has more of. An optional
date column keeps only rows from `date_from` to `date_to` (both days included).
"""

from __future__ import annotations

import csv
import datetime as dt
import sys
from dataclasses import dataclass, field
from pathlib import Path

from openhandhaving.reports.classifier import ClassifierError

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


@dataclass
class Rows:
    """What was read: texts, labels, and the CSV line where each row started (for messages)."""

    texts: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    skipped_empty: int = 0
    skipped_date: int = 0

    def keep(self, allowed: set[str]) -> int:
        """Keep only rows whose label is in `allowed`; returns how many were dropped."""
        kept = [i for i, label in enumerate(self.labels) if label in allowed]
        dropped = len(self.labels) - len(kept)
        self.texts = [self.texts[i] for i in kept]
        self.labels = [self.labels[i] for i in kept]
        self.lines = [self.lines[i] for i in kept]
        return dropped


def day_parse(text: str, *, what: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip()[:10])
    except ValueError:
        raise ClassifierError(
            f"{what}: '{text}' is geen datum; schrijf die als JJJJ-MM-DD, bijv. 2022-01-31."
        ) from None


def rows_read(
    path: Path | str,
    *,
    text_column: str,
    label_column: str | None,
    date_column: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> Rows:
    """Read the text (and label) of every row; rows with an empty text or label are skipped."""
    path = Path(path)
    if not path.is_file():
        raise ClassifierError(f"Bestand '{path}' bestaat niet.")
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return _read(
                handle,
                path=path,
                text_column=text_column,
                label_column=label_column,
                date_column=date_column,
                date_from=date_from,
                date_to=date_to,
            )
    except UnicodeDecodeError as error:
        raise ClassifierError(
            f"'{path}' is geen UTF-8-tekst (byte {error.start}). Sla het bestand op als "
            "CSV in UTF-8."
        ) from None


def _read(handle, *, path, text_column, label_column, date_column, date_from, date_to) -> Rows:
    header = handle.readline()
    if not header.strip():
        raise ClassifierError(f"'{path}' is leeg: er staat geen kopregel met kolomnamen in.")
    delimiter = ";" if header.count(";") > header.count(",") else ","
    handle.seek(0)
    reader = csv.DictReader(handle, delimiter=delimiter)
    columns = reader.fieldnames or []
    wanted = [
        ("tekstkolom", text_column),
        ("labelkolom", label_column),
        ("datumkolom", date_column),
    ]
    for what, name in wanted:
        if name is not None and name not in columns:
            raise ClassifierError(
                f"De {what} '{name}' staat niet in '{path}'. Kolommen: {', '.join(columns)}."
            )
    rows = Rows()
    line = reader.line_num + 1
    try:
        for record in reader:
            text = (record.get(text_column) or "").strip()
            label = (record.get(label_column) or "").strip() if label_column else ""
            if date_column and (date_from or date_to):
                day = day_parse(
                    record.get(date_column) or "", what=f"Regel {line}, kolom '{date_column}'"
                )
                if (date_from and day < date_from) or (date_to and day > date_to):
                    rows.skipped_date += 1
                    line = reader.line_num + 1
                    continue
            if not text or (label_column and not label):
                rows.skipped_empty += 1
            else:
                rows.texts.append(text)
                rows.labels.append(label)
                rows.lines.append(line)
            line = reader.line_num + 1
    except csv.Error as error:
        raise ClassifierError(
            f"'{path}', regel {reader.line_num}: geen geldige CSV ({error})."
        ) from None
    if not rows.texts:
        raise ClassifierError(
            f"'{path}' heeft geen bruikbare rijen (met tekst"
            + (" en label" if label_column else "")
            + (", binnen de gekozen data" if rows.skipped_date else "")
            + ")."
        )
    return rows

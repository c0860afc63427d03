"""Category suggestion: the pure classifier, the `classifier` command, the app's service."""

from __future__ import annotations

import io
import json
import random

import pytest
from django.core.management import call_command

from openhandhaving.core.models import AuditLogEntry
from openhandhaving.reports.apps import ReportsConfig
from openhandhaving.reports.choices import Status
from openhandhaving.reports.classifier import ClassifierError, Model, evaluate, train
from openhandhaving.reports.classifier_data import rows_read
from openhandhaving.reports.services.classifier import (
    category_suggest,
    classifier_train_from_reports,
    model_path,
    previous_model_path,
)
from openhandhaving.reports.tests.factories import CategoryFactory, ReportFactory

WORDS = {
    "hondenpoep": ["hondenpoep", "drol", "hond", "uitlaten", "opruimen", "grasveld"],
    "fout-parkeren": ["auto", "stoep", "geparkeerd", "uitrit", "busje", "parkeerplaats"],
    "geluidsoverlast": ["muziek", "herrie", "nacht", "schreeuwen", "feest", "buren"],
}
FILLER = ["de", "het", "aan", "bij", "weer", "al", "weken", "straat", "graag", "vanochtend"]


def texts(n: int, seed: int = 1) -> tuple[list[str], list[str]]:
    """Short Dutch-looking texts whose category shows in a few of their words."""
    rng = random.Random(seed)
    found, labels = [], []
    for i in range(n):
        label = sorted(WORDS)[i % len(WORDS)]
        words = rng.sample(WORDS[label], 3) + rng.sample(FILLER, 4)
        rng.shuffle(words)
        found.append(" ".join(words).capitalize() + ".")
        labels.append(label)
    return found, labels


@pytest.fixture(scope="module")
def model() -> Model:
    return train(*texts(150), "nl")


def write_csv(path, rows: list[dict], delimiter: str = ",") -> None:
    import csv

    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), delimiter=delimiter)
        writer.writeheader()
        writer.writerows(rows)


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("classifier", *args, stdout=out, stderr=err)
    except SystemExit as stopped:
        return stopped.code, out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


# -- the pure classifier -------------------------------------------------------------------


@pytest.mark.parametrize("method", ["model", "signalen"])
def test_learns_categories_that_show_in_the_words(method):
    learnt = train(*texts(150), "nl", method=method)
    result = evaluate(learnt, *texts(60, seed=2), threshold=0.5)
    assert result["n"] == 60
    assert result["accuracy"] >= 0.95
    assert result["macro_f1"] >= 0.95
    assert result["top3_accuracy"] == 1.0


def test_top_three_holds_the_truth_best_first_with_probabilities(model):
    test_texts, truth = texts(30, seed=3)
    for ranked, label in zip(model.predict_top(test_texts, k=3), truth, strict=True):
        assert label in [candidate for candidate, _p in ranked]
        probabilities = [p for _c, p in ranked]
        assert probabilities == sorted(probabilities, reverse=True)
        assert 0 <= probabilities[-1] <= probabilities[0] <= 1


def test_a_typo_still_finds_the_category(model):
    assert model.predict_top(["Hondepoep op het grasvled"], k=1)[0][0][0] == "hondenpoep"


def test_save_and_load_give_the_same_predictions(model, tmp_path):
    path = tmp_path / "sub" / "model.joblib"
    model.save(path)
    loaded = Model.load(path)
    sample = texts(20, seed=4)[0]
    assert loaded.predict_top(sample) == model.predict_top(sample)
    assert loaded.meta["n"] == 150
    assert loaded.meta["labels"] == sorted(WORDS)
    assert loaded.meta["sklearn_version"]
    assert loaded.meta["trained_at"]
    assert [p.name for p in path.parent.iterdir()] == ["model.joblib"]  # no temporary left


def test_a_label_with_one_example_is_refused_by_name():
    found, labels = texts(30)
    with pytest.raises(ClassifierError, match="'eenling'"):
        train([*found, "Een losse tekst"], [*labels, "eenling"], "nl", column="Kategorie")


def test_a_file_that_is_not_a_model_is_refused(tmp_path):
    path = tmp_path / "model.joblib"
    path.write_text("geen model")
    with pytest.raises(ClassifierError, match="geen model"):
        Model.load(path)


def test_csv_with_multiline_quoted_texts_and_semicolons(tmp_path):
    path = tmp_path / "meldingen.csv"
    rows = [
        {"tekst": "Regel een\nregel twee", "cat": "a", "datum": "2021-12-31 23:00"},
        {"tekst": "Derde", "cat": "b", "datum": "2022-01-01 08:00:00"},
        {"tekst": "", "cat": "b", "datum": "2022-02-01"},
    ]
    write_csv(path, rows, delimiter=";")
    read = rows_read(path, text_column="tekst", label_column="cat")
    assert read.texts == ["Regel een\nregel twee", "Derde"]
    assert read.skipped_empty == 1
    import datetime as dt

    later = rows_read(
        path,
        text_column="tekst",
        label_column="cat",
        date_column="datum",
        date_from=dt.date(2022, 1, 1),
    )
    assert later.texts == ["Derde"]
    assert later.lines == [4]  # the header is line 1; the first text spans lines 2 and 3


# -- the command ---------------------------------------------------------------------------


@pytest.fixture
def csv_file(tmp_path):
    found, labels = texts(90)
    path = tmp_path / "meldingen.csv"
    write_csv(
        path,
        [
            {"Text": text, "Kategorie": label, "Gemeldet-am": f"202{i % 2}-06-01 10:00"}
            for i, (text, label) in enumerate(zip(found, labels, strict=True))
        ],
    )
    return path


def test_train_then_evaluate_prints_one_json_line(csv_file, tmp_path):
    model_file = tmp_path / "model.joblib"
    columns = ["--text-column", "Text", "--label-column", "Kategorie", "--input", str(csv_file)]
    code, out, err = run(
        "train", *columns, "--out", str(model_file), "--date-column", "Gemeldet-am", "--to",
        "2020-12-31",
    )  # fmt: skip
    assert (code, err) == (0, "")
    trained = json.loads(out)
    assert trained["n"] == 45
    assert trained["skipped_date"] == 45
    code, out, err = run(
        "evaluate", *columns, "--model", str(model_file), "--threshold", "0.4",
        "--date-column", "Gemeldet-am", "--from", "2021-01-01",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert out.count("\n") == 1
    result = json.loads(out)
    assert {"n", "accuracy", "macro_f1", "top3_accuracy", "coverage_at_threshold"} <= set(result)
    assert result["n"] == 45
    assert result["accuracy"] >= 0.9
    assert result["threshold"] == 0.4


def test_a_missing_column_is_named_without_a_traceback(csv_file, tmp_path):
    code, out, err = run(
        "train", "--input", str(csv_file), "--text-column", "Omschrijving",
        "--label-column", "Kategorie", "--out", str(tmp_path / "m.joblib"),
    )  # fmt: skip
    assert code == 2
    assert out == ""
    assert "'Omschrijving'" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("content", "needle"),
    [("", "leeg"), ("Text,Kategorie\n", "geen bruikbare rijen")],
)
def test_an_empty_file_is_refused(tmp_path, content, needle):
    path = tmp_path / "leeg.csv"
    path.write_text(content)
    code, _out, err = run(
        "train", "--input", str(path), "--text-column", "Text", "--label-column", "Kategorie",
        "--out", str(tmp_path / "m.joblib"),
    )  # fmt: skip
    assert code == 2
    assert needle in err


def test_a_label_with_one_example_names_label_and_line(tmp_path):
    path = tmp_path / "data.csv"
    found, labels = texts(30)
    rows = [{"Text": t, "Kategorie": c} for t, c in zip(found, labels, strict=True)]
    write_csv(path, [*rows, {"Text": "Losse melding", "Kategorie": "eenling"}])
    args = ["--input", str(path), "--text-column", "Text", "--label-column", "Kategorie"]
    code, _out, err = run("train", *args, "--out", str(tmp_path / "m.joblib"))
    assert code == 2
    assert "'eenling'" in err and "regel 32" in err and "--drop-rare" in err
    code, out, err = run("train", *args, "--out", str(tmp_path / "m.joblib"), "--drop-rare")
    assert (code, err) == (0, "")
    assert json.loads(out)["dropped_rare"] == 1


def test_an_unknown_model_file_is_refused(csv_file, tmp_path):
    code, _out, err = run(
        "evaluate", "--model", str(tmp_path / "bestaat-niet.joblib"), "--input", str(csv_file),
        "--text-column", "Text", "--label-column", "Kategorie",
    )  # fmt: skip
    assert code == 2
    assert "bestaat-niet.joblib" in err and "bestaat niet" in err


def test_without_an_action_the_command_explains_itself():
    code, _out, err = run()
    assert code == 2
    assert "Gebruik:" in err


# -- the app: suggestion, training on closed reports, schedule -----------------------------


@pytest.fixture
def own_reports(db, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    categories = {slug: CategoryFactory(slug=slug, name=slug) for slug in WORDS}
    found, labels = texts(60)
    for text, label in zip(found, labels, strict=True):
        ReportFactory(text=text, category=categories[label], status=Status.DONE)
    # Open reports do not teach: their category may still change.
    ReportFactory(text="Hond poep drol", category=categories["fout-parkeren"])
    return categories


def test_train_from_reports_stores_the_model_and_audits(own_reports):
    result = classifier_train_from_reports(min_per_category=5)
    assert result["n"] == 60
    assert result["categories"] == 3
    assert model_path().is_file()
    entry = AuditLogEntry.objects.get(action="classifier_train")
    assert entry.details["n"] == 60
    classifier_train_from_reports(min_per_category=5)
    assert previous_model_path().is_file()  # the model before is kept


def test_categories_with_too_few_closed_reports_are_left_out(own_reports):
    ReportFactory(text="Zwerfvuil", category=CategoryFactory(slug="zwerfvuil"), status="done")
    result = classifier_train_from_reports(min_per_category=5)
    assert result["left_out"] == ["zwerfvuil"]


def test_suggestion_above_and_below_the_threshold(own_reports, settings):
    classifier_train_from_reports(min_per_category=5)
    settings.REPORTS_CLASSIFIER_THRESHOLD = 0.5
    sure = category_suggest("Weer hondenpoep en een drol op het grasveld")
    assert sure.category == own_reports["hondenpoep"]
    assert sure.confidence >= 0.5
    assert sure.alternatives[0] == (own_reports["hondenpoep"], sure.confidence)
    # A text with words of several categories is less sure; between the two, the threshold
    # lets the clear one through and sends the mixed one to a coordinator.
    mixed = "Hond, auto en muziek"
    assert category_suggest(mixed).confidence < sure.confidence
    settings.REPORTS_CLASSIFIER_THRESHOLD = (
        category_suggest(mixed).confidence + sure.confidence
    ) / 2
    unsure = category_suggest(mixed)
    assert unsure.category is None
    assert len(unsure.alternatives) == 3
    assert category_suggest("Weer hondenpoep en een drol op het grasveld").category is not None
    settings.REPORTS_CLASSIFIER_THRESHOLD = 1.01  # above any probability: never suggest
    assert category_suggest("Weer hondenpoep en een drol op het grasveld").category is None


def test_no_model_yet_means_no_suggestion(db, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    suggestion = category_suggest("Hondenpoep op de stoep")
    assert (suggestion.category, suggestion.confidence, suggestion.alternatives) == (None, 0.0, [])


def test_the_command_trains_from_reports(own_reports):
    code, out, _err = run("train-from-reports", "--min-per-category", "5")
    assert code == 0
    assert json.loads(out)["categories"] == 3


def test_too_few_reports_is_a_clear_message(db, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    code, _out, err = run("train-from-reports")
    assert code == 1
    assert "Te weinig gesloten meldingen" in err


def test_retraining_is_scheduled_nightly():
    jobs = {job.name: job for job in ReportsConfig.scheduled_jobs}
    job = jobs["reports.classifier"]
    assert job.task == "openhandhaving.reports.tasks.classifier_train_task"
    assert job.at == "04:00"


def test_the_scheduled_task_trains(own_reports):
    from openhandhaving.reports.tasks import classifier_train_task

    classifier_train_task.func()
    assert model_path().is_file()

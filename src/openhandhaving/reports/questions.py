"""A category's extra questions: which ones apply, and answers that stop the report.

A question is a dict in Category.questions:

    {"key": "gebeten", "label": "Heeft de hond iemand gebeten?", "type": "choice",
     "required": True,
     "options": ["Nee", {"value": "Ja", "label": "Ja", "stop": "Bel direct 112 ..."}],
     "show_if": {"key": "nog_bezig", "value": ["Ja"]}}

`type` is text, choice or multiple; options are texts or {"value", "label", "stop"} objects.
`show_if` makes a question apply only when an earlier question has one of the given answers;
an option with `stop` is a "hard stop": that answer ends the form with its message, because
the report belongs elsewhere (112, the police, another organisation).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def questions_of(category) -> list[dict]:
    """The well-formed questions of a category, in order."""
    questions = getattr(category, "questions", None)
    if not isinstance(questions, list):
        return []
    return [q for q in questions if isinstance(q, dict) and q.get("key")]


def options_of(question: Mapping) -> list[dict]:
    """Options as {"value", "label", "stop"} dicts, whatever way they were written."""
    options = []
    for option in question.get("options") or question.get("choices") or []:
        if isinstance(option, Mapping):
            value = str(option.get("value", option.get("label", "")))
            options.append(
                {
                    "value": value,
                    "label": str(option.get("label", value)),
                    "stop": str(option.get("stop") or ""),
                }
            )
        else:
            options.append({"value": str(option), "label": str(option), "stop": ""})
    return options


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return [str(value)]


def condition_of(question: Mapping) -> tuple[str, list[str]] | None:
    """(key, answers) of the earlier question this one depends on, or None."""
    condition = question.get("show_if")
    if not isinstance(condition, Mapping) or not condition.get("key"):
        return None
    return str(condition["key"]), _as_list(condition.get("value"))


def applies(question: Mapping, answers: Mapping[str, Any]) -> bool:
    """Whether the question is asked, given the answers so far."""
    condition = condition_of(question)
    if condition is None:
        return True
    key, wanted = condition
    return any(given in wanted for given in _as_list(answers.get(key)))


def stop_message(question: Mapping, value: Any) -> str:
    """The message of a hard-stop answer, or "" when the answer does not stop the report."""
    chosen = set(_as_list(value))
    for option in options_of(question):
        if option["stop"] and option["value"] in chosen:
            return option["stop"]
    return ""


def applicable(questions: list[dict], answers: Mapping[str, Any]) -> list[dict]:
    return [q for q in questions if applies(q, answers)]

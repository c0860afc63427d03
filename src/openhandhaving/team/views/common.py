"""Small helpers the team views share."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from openhandhaving.team.roster import iso_week_label, week_monday


def week_url(moment: dt.datetime | dt.date, **params) -> str:
    """The roster week that holds this moment."""
    day = timezone.localtime(moment).date() if isinstance(moment, dt.datetime) else moment
    query = {"week": iso_week_label(week_monday(day)), **{k: v for k, v in params.items() if v}}
    return f"{reverse('team:roster_week')}?{urlencode(query)}"


def form_page(
    request: HttpRequest,
    form,
    *,
    title: str,
    submit: str,
    cancel: str,
    intro: str = "",
    delete: str = "",
    multipart: bool = False,
) -> HttpResponse:
    """One template for the simple create/edit pages."""
    return render(
        request,
        "team/form.html",
        {
            "form": form,
            "title": title,
            "submit": submit,
            "cancel": cancel,
            "intro": intro,
            "delete": delete,
            "multipart": multipart,
        },
    )


def confirm_page(
    request: HttpRequest, *, title: str, question: str, submit: str, cancel: str
) -> HttpResponse:
    return render(
        request,
        "team/confirm.html",
        {"title": title, "question": question, "submit": submit, "cancel": cancel},
    )

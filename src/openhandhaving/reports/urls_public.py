"""Public pages of the reports app under /melding/ (no login): answers by link."""

from __future__ import annotations

from django.urls import path

from openhandhaving.reports import views_links

app_name = "reports_public"
urlpatterns = [
    path("antwoord/<str:token>/", views_links.reporter_answer, name="reporter_answer"),
    path("extern/<str:token>/", views_links.external_answer, name="external_answer"),
    path("extern/<str:token>/foto/<int:pk>/", views_links.external_photo, name="external_photo"),
]

"""Public pages of the reports app under /melding/ (no login): answers by link, the public map."""

from __future__ import annotations

from django.urls import path

from openhandhaving.reports import views_follow, views_links, views_public_map, views_report

app_name = "reports_public"
urlpatterns = [
    path("", views_report.new, name="new"),
    path("onderwerp/", views_report.category, name="category"),
    path("plek/", views_report.place, name="place"),
    path("adressen/", views_report.addresses, name="addresses"),
    path("details/", views_report.details, name="details"),
    path("details/foto/<int:index>/", views_report.draft_photo, name="draft_photo"),
    path("contact/", views_report.contact, name="contact"),
    path("controleren/", views_report.check, name="check"),
    path("bedankt/", views_report.done, name="done"),
    path("kaart/", views_public_map.public_map, name="map"),
    path("kaart.geojson", views_public_map.public_map_data, name="map_data"),
    path("wijken.geojson", views_public_map.public_outlines, name="outlines"),
    path("antwoord/<str:token>/", views_links.reporter_answer, name="reporter_answer"),
    path("extern/<str:token>/", views_links.external_answer, name="external_answer"),
    path("extern/<str:token>/foto/<int:pk>/", views_links.external_photo, name="external_photo"),
    path("volgen/<str:token>/", views_follow.follow, name="follow"),
    path("volgen/<str:token>/antwoord/", views_follow.follow_answer_post, name="follow_answer"),
    path("volgen/<str:token>/foto/", views_follow.follow_photo_post, name="follow_photo_add"),
    path("volgen/<str:token>/foto/<int:pk>/", views_follow.follow_photo, name="follow_photo"),
    path(
        "volgen/<str:token>/tevredenheid/",
        views_follow.follow_feedback_post,
        name="follow_feedback",
    ),
]

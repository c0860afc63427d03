"""Public pages of the reports app under /melding/ (no login): answers by link, the public map."""

from __future__ import annotations

from django.urls import path

from openhandhaving.reports import views_links, views_public_map

app_name = "reports_public"
urlpatterns = [
    path("kaart/", views_public_map.public_map, name="map"),
    path("kaart.geojson", views_public_map.public_map_data, name="map_data"),
    path("wijken.geojson", views_public_map.public_outlines, name="outlines"),
    path("antwoord/<str:token>/", views_links.reporter_answer, name="reporter_answer"),
    path("extern/<str:token>/", views_links.external_answer, name="external_answer"),
    path("extern/<str:token>/foto/<int:pk>/", views_links.external_photo, name="external_photo"),
]

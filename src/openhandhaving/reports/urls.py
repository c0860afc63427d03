"""URLs of the reports app (mounted at /meldingen/)."""

from django.urls import path

from openhandhaving.reports import (
    views,
    views_detail,
    views_export,
    views_intake,
    views_relations,
    views_retention,
    views_routing,
)
from openhandhaving.reports.urls_messages import urlpatterns as message_urls

app_name = "reports"
urlpatterns = [
    # Queues, search, map and dashboard
    path("", views.queue, name="queue"),
    path("kaart.geojson", views.map_data, name="map_data"),
    path("export.csv", views_export.export_csv, name="export_csv"),
    path("overzicht/", views.dashboard, name="dashboard"),
    path("filters/", views.filter_save, name="filter_save"),
    path("filters/<int:pk>/verwijderen/", views.filter_delete, name="filter_delete"),
    # Intake by the KCC and staff
    path("nieuw/", views_intake.create, name="create"),
    path("nieuw/vragen/", views_intake.intake_questions, name="intake_questions"),
    path("adressen/", views_intake.address_suggestions, name="address_suggestions"),
    # Routing simulator for administrators (engineer E)
    path("routering/", views_routing.simulator, name="routing_simulator"),
    # Retention terms and their runs, for administrators
    path("bewaartermijnen/", views_retention.retention, name="retention"),
    # Messages, outbox, standard texts, notifications (engineer H)
    *message_urls,
    # One report and its actions (keep these last: <number> matches any word)
    path("<str:number>/", views_detail.detail, name="detail"),
    path("<str:number>/pdf/", views_export.report_pdf, name="pdf"),
    path("<str:number>/status/", views_detail.status_change, name="status_change"),
    path("<str:number>/toewijzen/", views_detail.assign, name="assign"),
    path("<str:number>/oppakken/", views_detail.take, name="take"),
    path("<str:number>/grote-bak/", views_detail.return_to_queue, name="return_to_queue"),
    path("<str:number>/notitie/", views_detail.note_add, name="note_add"),
    path("<str:number>/bijlage/", views_detail.attachment_add, name="attachment_add"),
    path("<str:number>/bijlage/<int:pk>/", views_detail.attachment_file, name="attachment_file"),
    path("<str:number>/wijzigen/", views_detail.update, name="update"),
    path("<str:number>/splitsen/", views_relations.split, name="split"),
    path("<str:number>/dubbel/", views_relations.link_duplicate, name="link_duplicate"),
    path("<str:number>/ontkoppelen/", views_relations.unlink_duplicate, name="unlink_duplicate"),
]

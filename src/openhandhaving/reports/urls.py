"""URLs of the reports app (mounted at /meldingen/)."""

from django.urls import path

from openhandhaving.reports import views, views_detail, views_intake, views_routing
from openhandhaving.reports.urls_messages import urlpatterns as message_urls

app_name = "reports"
urlpatterns = [
    # Queues, search, map and dashboard
    path("", views.queue, name="queue"),
    path("kaart.geojson", views.map_data, name="map_data"),
    path("overzicht/", views.dashboard, name="dashboard"),
    path("filters/", views.filter_save, name="filter_save"),
    path("filters/<int:pk>/verwijderen/", views.filter_delete, name="filter_delete"),
    # Intake by the KCC and staff
    path("nieuw/", views_intake.create, name="create"),
    path("nieuw/vragen/", views_intake.intake_questions, name="intake_questions"),
    path("adressen/", views_intake.address_suggestions, name="address_suggestions"),
    # Routing simulator for administrators (engineer E)
    path("routering/", views_routing.simulator, name="routing_simulator"),
    # Messages, outbox, standard texts, notifications (engineer H)
    *message_urls,
    # One report and its actions (keep these last: <number> matches any word)
    path("<str:number>/", views_detail.detail, name="detail"),
    path("<str:number>/status/", views_detail.status_change, name="status_change"),
    path("<str:number>/toewijzen/", views_detail.assign, name="assign"),
    path("<str:number>/oppakken/", views_detail.take, name="take"),
    path("<str:number>/grote-bak/", views_detail.return_to_queue, name="return_to_queue"),
    path("<str:number>/notitie/", views_detail.note_add, name="note_add"),
    path("<str:number>/bijlage/", views_detail.attachment_add, name="attachment_add"),
    path("<str:number>/bijlage/<int:pk>/", views_detail.attachment_file, name="attachment_file"),
    path("<str:number>/wijzigen/", views_detail.update, name="update"),
]

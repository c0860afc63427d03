"""URLs of the message screens; reports/urls.py adds them before the `<str:number>/` pages."""

from __future__ import annotations

from django.urls import path

from openhandhaving.reports import views_messages as views
from openhandhaving.reports import views_notifications as notices

urlpatterns = [
    path("<str:number>/bericht/", views.message_compose, name="message_compose"),
    path("<str:number>/vraag-aan-melder/", views.ask_reporter, name="ask_reporter"),
    path("<str:number>/doorzetten/", views.forward_external, name="forward_external"),
    path("berichten/", views.outbox_view, name="outbox"),
    path("berichten/mislukt/", views.outbox_view, {"failed_only": True}, name="outbox_failed"),
    path("berichten/<int:pk>/opnieuw/", views.message_resend, name="message_resend"),
    path("standaardteksten/", views.standard_text_list, name="standard_text_list"),
    path("standaardteksten/nieuw/", views.standard_text_edit, name="standard_text_create"),
    path("standaardteksten/<int:pk>/", views.standard_text_edit, name="standard_text_update"),
    path("notificaties/", notices.notification_list, name="notification_list"),
    path("notificaties/<int:pk>/", notices.notification_open, name="notification_open"),
    path("notificaties/gelezen/", notices.notification_read_all, name="notification_read_all"),
    path("notificaties/instellingen/", notices.notification_settings, name="notification_settings"),
]

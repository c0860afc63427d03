from django.urls import path

from openhandhaving.core import views

app_name = "core"
urlpatterns = [
    path("", views.start, name="start"),
    path("beheer/logboek/", views.audit_log, name="audit_log"),
]

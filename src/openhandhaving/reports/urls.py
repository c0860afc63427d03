from django.urls import path

from openhandhaving.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.queue, name="queue"),
]

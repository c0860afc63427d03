from django.urls import path

from openhandhaving.team import views

app_name = "team"
urlpatterns = [
    path("rooster/", views.roster_week, name="roster_week"),
    path("handhavers/", views.officer_list, name="officer_list"),
]

from django.urls import path

from openhandhaving.areas import views

app_name = "areas"
urlpatterns = [
    path("wijken/", views.district_list, name="district_list"),
]

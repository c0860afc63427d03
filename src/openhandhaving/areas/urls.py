from django.urls import path

from openhandhaving.areas import views

app_name = "areas"
urlpatterns = [
    path("wijken/", views.district_list, name="district_list"),
    path("wijken.geojson", views.district_geojson, name="district_geojson"),
    path("wijken/<str:key>/", views.district_detail, name="district_detail"),
    path("buurten.geojson", views.neighbourhood_geojson, name="neighbourhood_geojson"),
    path("inlezen/", views.areas_import_upload, name="import"),
]

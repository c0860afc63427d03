"""URLs of the analysis app, under /analyse/."""

from django.urls import path

from openhandhaving.analysis import views

app_name = "analysis"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("hotspots/", views.hotspots, name="hotspots"),
    path("hotspots/<int:pk>/<int:number>/", views.hotspot_detail, name="hotspot_detail"),
    path("voorspelling/", views.forecast, name="forecast"),
    path("trends/", views.trends, name="trends"),
    path("interventies/", views.interventions, name="interventions"),
    path("interventies/<int:pk>/wijzigen/", views.intervention_edit, name="intervention_edit"),
    path("berekenen/", views.run_now, name="run_now"),
]

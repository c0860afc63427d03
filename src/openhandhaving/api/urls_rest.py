"""URLs of the REST API (mounted at /api/v1/); the OpenAPI document at /api/v1/schema/."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.permissions import AllowAny

from openhandhaving.api import views_rest as views

app_name = "api"
urlpatterns = [
    # The description of the API is public; everything it describes needs a key.
    path(
        "schema/",
        SpectacularAPIView.as_view(authentication_classes=[], permission_classes=[AllowAny]),
        name="schema",
    ),
    path("reports/", views.ReportList.as_view(), name="reports"),
    path("reports/<str:number>/", views.ReportDetail.as_view(), name="report"),
    path("reports/<str:number>/status/", views.ReportStatus.as_view(), name="report_status"),
    path("reports/<str:number>/notes/", views.ReportNotes.as_view(), name="report_notes"),
    path("categories/", views.CategoryList.as_view(), name="categories"),
    path("areas/wijken/", views.DistrictList.as_view(), name="districts"),
]

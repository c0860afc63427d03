"""URLs of Open311 GeoReport v2 (mounted at /open311/v2/). `.json` or `.xml`, as the spec says."""

from django.urls import path, re_path

from openhandhaving.api import views_open311 as views

app_name = "open311"
FMT = r"\.(?P<fmt>json|xml)"
urlpatterns = [
    path("", views.root, name="root"),
    re_path(rf"^discovery{FMT}$", views.discovery, name="discovery"),
    re_path(rf"^services{FMT}$", views.services, name="services"),
    re_path(rf"^services/(?P<code>[-\w]+){FMT}$", views.service_definition, name="service"),
    re_path(rf"^requests{FMT}$", views.requests_view, name="requests"),
    re_path(rf"^requests/(?P<number>[-\w]+){FMT}$", views.request_detail, name="request"),
    re_path(rf"^tokens/(?P<token>[-\w]+){FMT}$", views.token, name="token"),
]

"""Root URL configuration."""

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path
from django.views.static import serve

from openhandhaving.core.forms import LoginForm
from openhandhaving.core.ratelimits import limited

handler403 = "openhandhaving.core.views.permission_denied"
handler404 = "openhandhaving.core.views.page_not_found"
handler500 = "openhandhaving.core.views.server_error"

urlpatterns = [
    path(
        "inloggen/",
        # Guessing passwords: a limit per address and one per account name.
        limited("RATE_LOGIN", method="POST")(
            limited("RATE_LOGIN", key="post:username", method="POST")(
                auth_views.LoginView.as_view(
                    authentication_form=LoginForm, redirect_authenticated_user=True
                )
            )
        ),
        name="login",
    ),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("beheer/django/", admin.site.urls),
    path("", include("openhandhaving.core.urls")),
    path("gebieden/", include("openhandhaving.areas.urls")),
    path("team/", include("openhandhaving.team.urls")),
    path("meldingen/", include("openhandhaving.reports.urls")),
    path("analyse/", include("openhandhaving.analysis.urls")),
    path("melding/", include("openhandhaving.reports.urls_public")),
    path("open311/v2/", include("openhandhaving.api.urls_open311")),
    path("api/v1/", include("openhandhaving.api.urls_rest")),
]
if settings.SERVE_MEDIA:
    # Uploaded files (officer photos) on the embedded set-up; production serves them elsewhere.
    urlpatterns.append(
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})
    )

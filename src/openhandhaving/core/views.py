"""Views of the core app: start page per role, audit log, error pages."""

from __future__ import annotations

from django.apps import apps
from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from openhandhaving.core.choices import RoleCode
from openhandhaving.core.context_processors import navigation_for
from openhandhaving.core.forms import AuditSearchForm
from openhandhaving.core.selectors import audit_log_actions, audit_log_search, user_primary_role


def start_panels(request: HttpRequest, role_code: str) -> list[tuple[str, dict]]:
    """Panels that apps add to a role's start page: AppConfig.start_panels = {role: [dotted.fn]}.

    Each function takes the request and returns (template name, context), or None to show nothing.
    """
    panels = []
    for config in apps.get_app_configs():
        for path in getattr(config, "start_panels", {}).get(role_code, []):
            panel = import_string(path)(request)
            if panel is not None:
                panels.append(panel)
    return panels


@login_required
def start(request: HttpRequest) -> HttpResponse:
    role = user_primary_role(user=request.user)
    role_code = role.code if role else ""
    tiles = [item for item in navigation_for(request.user) if item["name"] != "core:start"]
    return render(
        request,
        "core/start.html",
        {
            "role": role,
            "role_code": role_code,
            "role_label": RoleCode(role_code).label if role_code else "",
            "tiles": tiles,
            "panels": start_panels(request, role_code),
        },
    )


@login_required
@permission_required("core.view_auditlogentry", raise_exception=True)
def audit_log(request: HttpRequest) -> HttpResponse:
    form = AuditSearchForm(request.GET or None, actions=audit_log_actions())
    filters = form.cleaned_data if form.is_valid() else {}
    entries = audit_log_search(**{k: v for k, v in filters.items() if v})
    page = Paginator(entries.select_related("actor"), 50).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "core/audit_log.html",
        {"form": form, "page": page, "query": query.urlencode()},
    )


def permission_denied(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "403.html", status=403)


def page_not_found(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # No context processors that touch the database: it may be what failed.
    from django.template import loader

    return HttpResponse(loader.get_template("500.html").render({}), status=500)


def problem_response(
    request: HttpRequest, *, status: int, message: str, template: str
) -> HttpResponse:
    """A refusal in the form the caller reads: an Open311 error list, JSON for the API, or a
    Dutch page."""
    if request.path.startswith("/open311/"):
        fmt = "json" if request.path.endswith(".json") else "xml"
        from openhandhaving.api import open311

        body, content_type = open311.render(fmt, "errors", open311.errors((status, message)))
        return HttpResponse(body, content_type=content_type, status=status)
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message}, status=status)
    return render(request, template, {"message": message}, status=status)


def rate_limited(request: HttpRequest, exception=None) -> HttpResponse:
    """Too many requests from one address or system: 429, in the form the caller reads."""
    message = _("Te veel verzoeken in korte tijd. Wacht een minuut en probeer het dan opnieuw.")
    response = problem_response(request, status=429, message=str(message), template="429.html")
    response["Retry-After"] = "60"
    return response

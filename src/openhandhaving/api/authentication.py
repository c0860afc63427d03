"""DRF authentication and permission by API key: `Authorization: Api-Key <key>` or `X-Api-Key`."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions, permissions
from rest_framework.throttling import SimpleRateThrottle

from openhandhaving.api.models import ApiClient
from openhandhaving.api.services import api_client_for_key


class ApiKeyAuthentication(authentication.BaseAuthentication):
    """A connected system, not a person: request.user is anonymous, request.auth the client."""

    keyword = "Api-Key"

    def authenticate(self, request):
        header = request.headers.get("Authorization", "")
        key = None
        if header.startswith(f"{self.keyword} "):
            key = header[len(self.keyword) + 1 :]
        key = key or request.headers.get("X-Api-Key")
        if not key:
            return None
        client = api_client_for_key(key)
        if client is None:
            raise exceptions.AuthenticationFailed("Deze API-sleutel is onbekend of gestopt.")
        return AnonymousUser(), client

    def authenticate_header(self, request) -> str:
        return self.keyword


class ApiKeyScheme(OpenApiAuthenticationExtension):
    target_class = ApiKeyAuthentication
    name = "ApiKey"

    def get_security_definition(self, auto_schema):
        return {"type": "apiKey", "in": "header", "name": "X-Api-Key"}


def client_of(request) -> ApiClient | None:
    return request.auth if isinstance(request.auth, ApiClient) else None


class HasScope(permissions.BasePermission):
    """The view's `required_scopes` maps a method (or "*") to the scope it needs."""

    message = "Deze API-sleutel heeft geen recht op dit verzoek."

    def has_permission(self, request, view) -> bool:
        client = client_of(request)
        if client is None:
            return False
        scopes = getattr(view, "required_scopes", {})
        scope = scopes.get(request.method) or scopes.get("*")
        return scope is None or client.allows(scope)


class ClientRateThrottle(SimpleRateThrottle):
    """Requests per connected system (settings.RATE_API_CLIENT), counted in the shared cache."""

    def get_rate(self) -> str:
        from django.conf import settings

        return settings.RATE_API_CLIENT

    def get_cache_key(self, request, view) -> str | None:
        client = client_of(request)
        if client is None:
            return self.cache_format % {"scope": "anon", "ident": self.get_ident(request)}
        return self.cache_format % {"scope": "client", "ident": client.pk}

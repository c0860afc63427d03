"""Language choice: Dutch unless the person chose English with the switch (a cookie).

Django's LocaleMiddleware would follow the browser's Accept-Language, so a colleague with an
English browser would get a mix of English and untranslated Dutch. Dutch is the working
language; English is an explicit choice.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers


class LanguageMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response
        self.available = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.available else settings.LANGUAGE_CODE
        request.LANGUAGE_CODE = language
        # override() restores the previous language afterwards, so nothing leaks into the next
        # request handled by this thread.
        with translation.override(language):
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ("Cookie",))
        return response


class RejectNulMiddleware:
    """A NUL character in the address, a parameter, a form field or a JSON body is never real
    input; PostgreSQL cannot store or compare it. Answer 400 instead of failing deeper down."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self._has_nul(request):
            from openhandhaving.core.views import problem_response

            message = translation.gettext(
                "Er staat een ongeldig teken (NUL) in het verzoek. Haal het weg en probeer opnieuw."
            )
            return problem_response(request, status=400, message=message, template="400.html")
        return self.get_response(request)

    @staticmethod
    def _has_nul(request: HttpRequest) -> bool:
        def in_fields(data) -> bool:
            return any(
                "\x00" in key or any("\x00" in value for value in values)
                for key, values in data.lists()
            )

        if "\x00" in request.path or in_fields(request.GET):
            return True
        if request.method not in ("POST", "PUT", "PATCH"):
            return False
        content_type = request.content_type or ""
        if content_type.startswith(("application/x-www-form-urlencoded", "multipart/")):
            return in_fields(request.POST)
        if "json" in content_type:
            return b"\\u0000" in request.body or b"\x00" in request.body
        return False

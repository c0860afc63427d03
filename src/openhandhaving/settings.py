"""Django settings, read from environment variables (see docs/configuration.md)."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent
BASE_DIR = Path(os.environ.get("OPENHANDHAVING_HOME", Path.cwd()))
VAR_DIR = Path(os.environ.get("OPENHANDHAVING_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on", "ja"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("OPENHANDHAVING_DEBUG", False)
SECRET_KEY = os.environ.get(
    "OPENHANDHAVING_SECRET_KEY", "insecure-development-key-change-me-in-production"
)
ALLOWED_HOSTS = env_list("OPENHANDHAVING_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("OPENHANDHAVING_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.forms",
    "django_tasks",
    "django_tasks_db",
    "openhandhaving.core",
    "openhandhaving.areas",
    "openhandhaving.team",
    "openhandhaving.reports",
    "openhandhaving.analysis",
    "rest_framework",
    "drf_spectacular",
    "csp",
    "django_ratelimit",
    "openhandhaving.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "openhandhaving.core.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "openhandhaving.core.middleware.RejectNulMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",
]

ROOT_URLCONF = "openhandhaving.urls"
WSGI_APPLICATION = "openhandhaving.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "openhandhaving.core.context_processors.navigation",
                "openhandhaving.areas.context_processors.municipality",
            ],
        },
    },
]

# SQLite (embedded, WAL) unless DATABASE_URL names another database.
_sqlite_path = VAR_DIR / "openhandhaving.sqlite3"
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{_sqlite_path}", conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

FORM_RENDERER = "openhandhaving.core.forms.FormRenderer"

AUTH_USER_MODEL = "core.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "core:start"
LOGOUT_REDIRECT_URL = "login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = os.environ.get("OPENHANDHAVING_TIME_ZONE", "Europe/Amsterdam")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("OPENHANDHAVING_STATIC_ROOT", VAR_DIR / "static"))
# The project-wide static folder (css, js, built vendor packages) is not inside an app.
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("OPENHANDHAVING_MEDIA_ROOT", VAR_DIR / "media"))
SERVE_MEDIA = env_bool("OPENHANDHAVING_SERVE_MEDIA", True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = True
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# Background work: the Django Tasks API; the database backend needs no extra server.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("OPENHANDHAVING_TASKS_BACKEND", "django_tasks_db.DatabaseBackend")
    }
}

EMAIL_BACKEND = os.environ.get(
    "OPENHANDHAVING_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = os.environ.get("OPENHANDHAVING_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("OPENHANDHAVING_EMAIL_PORT", "25"))
DEFAULT_FROM_EMAIL = os.environ.get("OPENHANDHAVING_FROM_EMAIL", "handhaving@example.nl")
# The address of this site as residents and partners reach it: links in e-mails start with it.
PUBLIC_URL = os.environ.get("OPENHANDHAVING_PUBLIC_URL", "http://127.0.0.1:8000")
# How long a question to the reporter / an external party can be answered by its link (days).
REPORTS_ASK_REPORTER_DAYS = int(os.environ.get("OPENHANDHAVING_ASK_REPORTER_DAYS", "7"))
REPORTS_EXTERNAL_DAYS = int(os.environ.get("OPENHANDHAVING_EXTERNAL_DAYS", "14"))
# The reporter's follow link ("Melding volgen") works until this many days after the report was
# closed, and never longer than REPORTS_FOLLOW_MAX_DAYS after the e-mail that carried it.
REPORTS_FOLLOW_DAYS_AFTER_CLOSE = int(
    os.environ.get("OPENHANDHAVING_FOLLOW_DAYS_AFTER_CLOSE", "90").strip() or "90"
)
REPORTS_FOLLOW_MAX_DAYS = int(
    os.environ.get("OPENHANDHAVING_FOLLOW_MAX_DAYS", "730").strip() or "730"
)
# Routing applies a team that coordinators corrected reports to this often (ADR 0004).
REPORTS_ROUTING_LEARN_THRESHOLD = int(os.environ.get("OPENHANDHAVING_ROUTING_LEARN_THRESHOLD", "3"))
# A report's page lists reports of the same category within this distance (metres, 12 weeks).
REPORTS_NEARBY_RADIUS_M = int(os.environ.get("OPENHANDHAVING_NEARBY_RADIUS_M", "50"))
# Category suggestion: below this probability (0–1) a coordinator categorises the report.
REPORTS_CLASSIFIER_THRESHOLD = float(os.environ.get("OPENHANDHAVING_CLASSIFIER_THRESHOLD", "0.5"))
# The resident's form: the category of a report whose resident chose "Weet ik niet" when the
# model has no guess (a coordinator categorises it anyway), and the fewest seconds between
# opening the form and sending (faster is a robot; a person who presses again gets through).
REPORTS_UNSURE_CATEGORY = os.environ.get("OPENHANDHAVING_UNSURE_CATEGORY", "overig-overig")
REPORTS_PUBLIC_MIN_SECONDS = float(os.environ.get("OPENHANDHAVING_PUBLIC_MIN_SECONDS", "5"))
# Each process keeps copies of areas, routing rules and the roster; it checks their version in
# the database at most this often (seconds). Changes in the same process apply at once (ADR 0007).
CACHE_RECHECK_SECONDS = float(os.environ.get("OPENHANDHAVING_CACHE_RECHECK_SECONDS", "2"))
# Retention (S3): days after closing until the reporter's data is anonymised, and until the report
# is deleted (the municipality's selectielijst sets this); 0 or empty switches a step off.
REPORTS_ANONYMISE_AFTER_DAYS = int(
    os.environ.get("OPENHANDHAVING_REPORTS_ANONYMISE_AFTER_DAYS", "365").strip() or "0"
)
REPORTS_DELETE_AFTER_DAYS = int(
    os.environ.get("OPENHANDHAVING_REPORTS_DELETE_AFTER_DAYS", "1826").strip() or "0"
)

# Served over HTTPS only (production): redirect, HSTS for a year, cookies only over HTTPS. Behind
# a proxy that ends TLS, OPENHANDHAVING_BEHIND_PROXY=true trusts its X-Forwarded-Proto.
HTTPS_ONLY = env_bool("OPENHANDHAVING_HTTPS", False)
SECURE_SSL_REDIRECT = HTTPS_ONLY
SECURE_HSTS_SECONDS = 31_536_000 if HTTPS_ONLY else 0
# The header covers this host and hosts below it (e.g. below handhaving.gemeente.nl), not the
# municipality's whole domain.
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS_ONLY
SECURE_HSTS_PRELOAD = HTTPS_ONLY
if env_bool("OPENHANDHAVING_BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = HTTPS_ONLY or env_bool("OPENHANDHAVING_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# The municipality this deployment serves; its areas, categories and texts are data.
MUNICIPALITY_NAME = os.environ.get("OPENHANDHAVING_MUNICIPALITY", "Gemeente")
# Map tiles (PDOK BRT achtergrondkaart by default); maps work without them too.
MAP_TILE_URL = os.environ.get(
    "OPENHANDHAVING_MAP_TILE_URL",
    "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png",
)
MAP_TILE_ATTRIBUTION = os.environ.get(
    "OPENHANDHAVING_MAP_TILE_ATTRIBUTION", "Kaartgegevens &copy; Kadaster"
)
# Address search: "local" (the imported address list) or "pdok" (PDOK Locatieserver, with the
# local list as fallback when PDOK does not answer within the timeout).
ADDRESS_SEARCH = os.environ.get("OPENHANDHAVING_ADDRESS_SEARCH", "local")
PDOK_LOCATIESERVER_URL = os.environ.get(
    "OPENHANDHAVING_PDOK_LOCATIESERVER_URL", "https://api.pdok.nl/bzk/locatieserver/search/v3_1"
)
PDOK_TIMEOUT_SECONDS = float(os.environ.get("OPENHANDHAVING_PDOK_TIMEOUT_SECONDS", "2"))
# H3 resolution stored with every point (res 12 is about 300 m² a cell).
H3_RESOLUTION = 12

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("OPENHANDHAVING_LOG_LEVEL", "INFO")},
    # WeasyPrint (report PDFs) reports every rendering step and font subset at INFO.
    "loggers": {"weasyprint.progress": {"level": "WARNING"}, "fontTools": {"level": "WARNING"}},
}

# REST API (/api/v1/): systems authenticate with their API key (docs/open311.md, ADR 0008).
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["openhandhaving.api.authentication.ApiKeyAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["openhandhaving.api.authentication.HasScope"],
    "DEFAULT_THROTTLE_CLASSES": ["openhandhaving.api.authentication.ClientRateThrottle"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Open Handhaving API",
    "DESCRIPTION": "Meldingen, categorieën en wijken voor gekoppelde systemen.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
}

# Cache: shared by all processes when OPENHANDHAVING_REDIS_URL is set (production; rate limits
# count across app servers); otherwise per process in memory (the embedded default).
REDIS_URL = os.environ.get("OPENHANDHAVING_REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    # django-ratelimit wants a shared cache; on one machine each worker then counts on its own.
    SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]

# Rate limits on public endpoints (S4): "count/period" (s, m, h, d). Behind a proxy, name the
# header with the client's address, e.g. HTTP_X_FORWARDED_FOR (only if the proxy sets it).
RATELIMIT_VIEW = "openhandhaving.core.views.rate_limited"
_ip_header = os.environ.get("OPENHANDHAVING_CLIENT_IP_HEADER", "")
if _ip_header:
    RATELIMIT_IP_META_KEY = _ip_header
RATE_LOGIN = os.environ.get("OPENHANDHAVING_RATE_LOGIN", "10/m")
RATE_PUBLIC_POST = os.environ.get("OPENHANDHAVING_RATE_PUBLIC_POST", "20/m")
RATE_PUBLIC_READ = os.environ.get("OPENHANDHAVING_RATE_PUBLIC_READ", "120/m")
RATE_API_CLIENT = os.environ.get("OPENHANDHAVING_RATE_API_CLIENT", "600/m")

# Content Security Policy: only our own scripts and styles; map tiles from the tile server.
_tile_origin = "{0.scheme}://{0.netloc}".format(urlsplit(MAP_TILE_URL)) if MAP_TILE_URL else ""
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *([_tile_origin] if _tile_origin else [])],
        "connect-src": ["'self'"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

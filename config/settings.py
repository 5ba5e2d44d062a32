"""Claimtrail settings: one module, read from the environment.

DEBUG is off unless DEBUG is set; without DEBUG a SECRET_KEY must be given. The database
is DATABASE_URL, defaulting to a SQLite file under var/ for one researcher on one laptop.
"""

import ipaddress
import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"


def env_flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def development_secret_key() -> str:
    """A key generated once per checkout, kept in var/ and never committed."""
    VAR_DIR.mkdir(exist_ok=True)
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


DEBUG = env_flag("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "Set SECRET_KEY in the environment (or DEBUG=1 for local development)."
        )
    SECRET_KEY = development_secret_key()

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "simple_history",
    "axes",
    "records",
    "sources",
    "claims",
    "exchange",
    "exchange.api",
    "assistant",
    "rest_framework",
    "drf_spectacular",
    # After exchange, whose `db_worker` (the library's, with a heartbeat) takes its place.
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language: the one chosen (a cookie), else the browser's Accept-Language, else
    # English. After the session, before anything that renders or redirects.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After the messages and htmx: an htmx answer takes its messages along.
    "records.messages.HtmxMessagesMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, so that a locked-out login is answered before any view runs.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
            ],
            "builtins": ["django_htmx.templatetags.django_htmx"],
        },
    }
]

# SQLite: WAL lets readers work while one writer writes; IMMEDIATE takes the write lock at
# the start of a transaction so two writers queue instead of failing half-way.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'claimtrail.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(exist_ok=True)
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    # Tests get a file, not Django's in-memory default: with an in-memory database the live
    # server's request threads share one connection, and two htmx requests at once can
    # leave a browser test waiting forever. A file gives each thread its own connection.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# In the database, like everything else the app keeps, so that every app server shares it
# (the quote assistant's suggestions, computed once per version of a text). Its table is
# made by a migration (assistant 0002).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "claimtrail_cache",
        "TIMEOUT": 7 * 24 * 3600,
        "OPTIONS": {"MAX_ENTRIES": 2000},
    }
}

# Long work (an import's preview and apply) runs off the request path, as Django tasks kept
# in the database (django-tasks-db): SQLite needs no other service, and on PostgreSQL any
# number of `manage.py db_worker` processes share the queue, each task claimed by one of
# them (SELECT … FOR UPDATE SKIP LOCKED).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# How long finished work is kept: staged rows of imports, finished tasks (`manage.py prune_jobs`).
CLAIMTRAIL_JOB_RETENTION_DAYS = int(os.environ.get("CLAIMTRAIL_JOB_RETENTION_DAYS", "30"))

# Sources fetched from the web (sources/fetching.py): only public addresses, unless a host
# is named here (an intranet; the tests' local server); the time a fetch may take, in
# seconds, and the most it may bring back (a page, a PDF, an upload).
CLAIMTRAIL_FETCH_ALLOW_HOSTS = env_list("CLAIMTRAIL_FETCH_ALLOW_HOSTS")
CLAIMTRAIL_FETCH_TIMEOUT = float(os.environ.get("CLAIMTRAIL_FETCH_TIMEOUT", "20"))
CLAIMTRAIL_FETCH_MAX_BYTES = int(os.environ.get("CLAIMTRAIL_FETCH_MAX_MB", "25")) * 2**20
# A PDF longer than this is refused (its text is read in the task, page by page).
CLAIMTRAIL_PDF_MAX_PAGES = int(os.environ.get("CLAIMTRAIL_PDF_MAX_PAGES", "300"))

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Login throttling: five failures lock that account from that address for a while, never
# the account for everyone, nor the address for every account. Behind the TLS proxy, name
# it in TRUSTED_PROXIES (addresses or networks, comma-separated) so that the client's own
# address is read from its X-Forwarded-For; without, every client shares the proxy's.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
for proxy in TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(proxy, strict=False)
    except ValueError:
        raise ImproperlyConfigured(
            f"TRUSTED_PROXIES: {proxy!r} is no address or network."
        ) from None
AXES_CLIENT_IP_CALLABLE = "records.clients.client_address"
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "0.25"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLED = env_flag("AXES_ENABLED", True)

# The most a form may send: a source's pasted text of a long report (a browser sends a
# form's text percent-encoded, three bytes a byte outside ASCII). Django's 2.5 MB held
# half a million characters of Cyrillic. Past it, records.errors says so (413). Uploads
# (the import) stream to a file and have their own limit.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 2**20

# The interface in English or Bahasa Indonesia (README "Languages"); dates and numbers are
# written in the language's own way. A source's or claim's `language` is another matter: any
# BCP 47 code.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("id", "Bahasa Indonesia")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Each language's way of writing dates and times (21:45, 21.45): records/formats.
FORMAT_MODULE_PATH = ["records.formats"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
# The choice is remembered in a cookie for a year (Django's default would forget it with
# the browser's session), sent over HTTPS only like the others when not debugging.
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_SAMESITE = "Lax"

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
if DEBUG:
    # WhiteNoise serves straight from the finders while debugging; it only wants the folder.
    STATIC_ROOT.mkdir(exist_ok=True)
# Snapshots of sources (the bytes as fetched or uploaded) go through the default storage:
# a folder under var/ unless CLAIMTRAIL_MEDIA_ROOT says where; several app servers share
# one through S3-compatible storage (django-storages, README "Adding sources").
MEDIA_ROOT = Path(os.environ.get("CLAIMTRAIL_MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Security: on by default whenever we are not debugging. Behind a TLS-terminating proxy,
# that proxy must set X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_flag("SECURE_SSL_REDIRECT", not DEBUG)
# A proxy's health checks reach an app server directly, in plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Scripts and styles from our own origin only: no inline script, no style attribute.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Mail (a mention's notification): printed to the console unless a backend is configured.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "claimtrail@localhost")
# Password reset by email is offered only when mail really leaves the machine.
CLAIMTRAIL_MAIL_CONFIGURED = "EMAIL_BACKEND" in os.environ or "EMAIL_HOST" in os.environ

# The JSON API (exchange.api, README "API"): tokens or the signed-in session, JSON only,
# cursor pages, and a rate per token counted in the database's cache (shared by every app
# server), CLAIMTRAIL_API_RATE requests a token may make ("600/min", "20/s").
CLAIMTRAIL_API_RATE = os.environ.get("CLAIMTRAIL_API_RATE", "600/min")
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "exchange.api.authentication.TokenAuthentication",
        # The signed-in browser, so the pages' own scripts may call the API: DRF checks
        # the CSRF token (X-CSRFToken) on every unsafe request, as Django does for a page.
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["exchange.api.permissions.RolePermission"],
    "DEFAULT_THROTTLE_CLASSES": ["exchange.api.throttling.TokenRateThrottle"],
    "DEFAULT_PARSER_CLASSES": ["exchange.api.parsers.JSONParser"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_SCHEMA_CLASS": "exchange.api.schema.ApiSchema",
    "EXCEPTION_HANDLER": "exchange.api.errors.exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Claimtrail API",
    "DESCRIPTION": "Sources, outlets, speakers, claims, citations, relations, topics and "
    "verdicts, read and written with the same rules as the pages.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "SCHEMA_PATH_PREFIX": "/api/",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "OutletKindEnum": "sources.models.Outlet.Kind",
        "SourceKindEnum": "sources.models.Source.Kind",
        "SpeakerKindEnum": "claims.models.Speaker.Kind",
        "ClaimKindEnum": "claims.models.Claim.Kind",
        "RelationKindEnum": "claims.models.ClaimRelation.Kind",
        "RatingEnum": "claims.models.AssessmentRating",
        "VerificationEnum": "claims.models.Citation.Verification",
        "StatusEnum": "claims.workflow.Status",
    },
}

# Who publishes Claimtrail's assessments (schema.org ClaimReview author).
CLAIMTRAIL_ORGANISATION = {
    "name": os.environ.get("CLAIMTRAIL_ORG_NAME", "Claimtrail"),
    "url": os.environ.get("CLAIMTRAIL_ORG_URL", "https://claimtrail.example"),
}

# Where this Claimtrail is served, for absolute links written outside a request (the
# `export_pairs` command's claim URLs).
CLAIMTRAIL_BASE_URL = os.environ.get("CLAIMTRAIL_BASE_URL", "http://127.0.0.1:8000")

# `make bench` only: routes a trivial "hello" page, the baseline the pages are measured
# against. Never set it in a deployment.
CLAIMTRAIL_BENCH = env_flag("CLAIMTRAIL_BENCH")

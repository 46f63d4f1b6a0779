"""Settings for the migrant portal, read from the environment.

With nothing configured the portal runs embedded: SQLite, a local-memory cache
and Celery tasks executed in-process. Setting ``DATABASE_URL`` and ``REDIS_URL``
switches the same code to PostgreSQL, Redis and a real Celery worker. Every
variable is documented in ``.env.example``.
"""

from pathlib import Path

import environ
from django.conf.locale import LANG_INFO
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str(
    "SECRET_KEY",
    default="django-insecure-local-development-key-never-use-in-production",
)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "modeltranslation",  # must precede the admin so translated fields get tabs
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework_api_key",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "django_celery_beat",
    "django_countries",
    "portal",
    "partners",
    "agencies",
    "vacancies",
    "blacklist",
    "feeds",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "portal.middleware.ApiDefaultLanguageMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.hotlines",
            ],
        },
    },
]

# Databases: SQLite file unless DATABASE_URL names another (PostgreSQL in production).
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # JIT compiles a plan's expressions for seconds when the planner guesses a
    # big scan: right for reports, ruinous for a page answering in milliseconds
    # (the vacancy list's count spent 2.4 s of 2.7 s compiling).
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache and broker: Redis when REDIS_URL is set, in-process otherwise.
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="portal"),
            "TIMEOUT": 300,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default=REDIS_URL or "memory://")
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_TIMEZONE = "UTC"

# Partner feeds: key for stored credentials (derived from SECRET_KEY when empty),
# download limits, and whether loopback/private addresses may be fetched (only
# in DEBUG, where the demo feeds are served by the portal itself).
FEED_CREDENTIALS_KEY = env.str("FEED_CREDENTIALS_KEY", default="")
FEED_ALLOW_PRIVATE_ADDRESSES = env.bool("FEED_ALLOW_PRIVATE_ADDRESSES", default=DEBUG)
FEED_MAX_BYTES = env.int("FEED_MAX_BYTES", default=200 * 1024 * 1024)
FEED_TIMEOUT = env.float("FEED_TIMEOUT", default=30)
FEED_LOCK_TIMEOUT = env.int("FEED_LOCK_TIMEOUT", default=3600)
# Where the demo feeds fetch their sample documents (the portal itself, `make run`).
DEMO_FEED_BASE_URL = env.str("DEMO_FEED_BASE_URL", default="http://127.0.0.1:8000")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages. Uzbek (Latin) is the default; Karakalpak is unknown to Django, so it
# is registered here. Strings missing from a catalog fall back to LANGUAGE_CODE,
# which is why Karakalpak readers see Django's own admin in Uzbek.
LANG_INFO["kaa"] = {
    "bidi": False,
    "code": "kaa",
    "name": "Karakalpak",
    "name_local": "Qaraqalpaqsha",
}
# Django names Uzbek "oʻzbek tili"; the switcher shows how people name it.
LANG_INFO["uz"] = {**LANG_INFO["uz"], "name_local": "Oʻzbekcha"}
LANGUAGE_CODE = "uz"
LANGUAGES = [
    ("uz", _("Uzbek")),
    ("kaa", _("Karakalpak")),
    ("ky", _("Kyrgyz")),
    ("ru", _("Russian")),
    ("en", _("English")),
]
# The portal's own catalogs first (makemessages writes there), then our
# completion of Django's upstream Uzbek catalogs, which leave the admin half English.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_upstream"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Tashkent"

# Model content: English is the source; readers get the nearest language they read.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("uz", "kaa", "ky", "ru", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = {
    "default": ("en",),
    "kaa": ("uz", "ru", "en"),
    "ky": ("ru", "en"),
    "uz": ("ru", "en"),
    "ru": ("en",),
}
# modeltranslation reads this unprefixed name; its default is a CDN.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Security. Production defaults are strict; DEBUG (make run) relaxes the HTTPS parts.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["partners.authentication.ApiKeyAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["partners.permissions.ScopePermission"],
    "DEFAULT_THROTTLE_CLASSES": [
        "partners.throttling.AnonymousRateThrottle",
        "partners.throttling.PartnerKeyRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env.str("API_ANON_RATE", default="60/minute"),
        "partner": env.str("API_PARTNER_RATE", default="600/minute"),
    },
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "partners.schema.PortalAutoSchema",
    "EXCEPTION_HANDLER": "partners.errors.json_exception_handler",
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Migrant portal API",
    "DESCRIPTION": (
        "Legal jobs abroad, the registry of licensed private employment agencies and "
        "the entry-ban check, for partner systems. Authenticate with "
        "`Authorization: Api-Key <key>`."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SCHEMA_PATH_PREFIX": "/api/v1",
}

# Personal data must never reach the logs: only warnings and errors are logged,
# and request bodies never are. See blacklist/ for the self-check's own rules.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}

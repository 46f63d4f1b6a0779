"""Settings for the migrant portal, read from the environment.

With nothing configured the portal runs embedded: SQLite, a local-memory cache
and Celery tasks executed in-process. Setting ``DATABASE_URL`` and ``REDIS_URL``
switches the same code to PostgreSQL, Redis and a real Celery worker. Every
variable is documented in ``.env.example``.
"""

from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
# Every page's footer says the data is fictional (`make run`'s demo data); set it
# for a demonstration server that runs without DEBUG.
DEMO_NOTICE = env.bool("DEMO_NOTICE", default=DEBUG)
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
    "directory",
    "helpdesk",
    "guidance",
    "demo",
    "alerts",
    "bot",
    "pagecache",
    "ui",  # widgets, the Jinja2 environment, makemessages for its templates
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "portal.security.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
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
                "portal.context_processors.demo_notice",
            ],
        },
    },
    {
        # The hot pages' content (`ui.jinja`); found in each app's jinja2/ folder.
        "NAME": "jinja2",
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "APP_DIRS": True,
        "OPTIONS": {
            "environment": "portal.jinja.environment",
            # What the layout shows of every page's context (`ui.jinja.render_page`).
            "context_processors": [
                "portal.context_processors.hotlines",
                "portal.context_processors.demo_notice",
            ],
        },
    },
]
FORM_RENDERER = "ui.renderers.FormRenderer"  # widgets from Django's Jinja2 templates

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

# Cache and broker: Redis when REDIS_URL is set, in-process otherwise. Two aliases
# of one store: "default" only speeds pages up and answers as a miss when Redis is
# down (portal/cache.py); "counters" holds what must count (rate limits and
# throttles) and raises, so that a limit that cannot count is decided on, never
# silently skipped. Short socket timeouts keep a Redis that hangs from hanging pages.
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    _redis = {
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="portal"),
        "TIMEOUT": 300,
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
    CACHES = {
        "default": {"BACKEND": "portal.cache.DegradingRedisCache", **_redis},
        "counters": {"BACKEND": "portal.cache.SharedClientRedisCache", **_redis},
    }
else:
    # Local-memory caches of one LOCATION share one store.
    _locmem = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    CACHES = {"default": _locmem, "counters": _locmem}
# The forms' rate limits count in "counters" (partners.limits); off only in tests of
# other things.
RATE_LIMITS = True
MIDDLEWARE += ["portal.middleware.RedisUnavailableMiddleware"]  # a limit that cannot count: 503
# Whole anonymous public pages kept this many seconds in the default cache, for
# the peaks of announcement days; any change to what they show makes every kept
# page stale at once (pagecache/). 0 turns it off.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=30)
MIDDLEWARE += ["pagecache.middleware.PageCacheMiddleware"]

CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default=REDIS_URL or "memory://")
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_TIMEZONE = "UTC"
# Seconds a task may run: at the soft limit it gets an exception to end cleanly,
# at the hard limit its worker process is killed. Feed runs have their own
# (FEED_TASK_*). The sending process's limits travel with each task, so web,
# beat and worker need the same values. Not applied to eager (in-process) tasks.
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=1800)
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=1860)

# Partner feeds: key for stored credentials (derived from SECRET_KEY when empty),
# download limits (FEED_TIMEOUT: seconds for the whole download, from connecting
# to the last byte), and whether loopback/private addresses may be fetched (only
# in DEBUG, where the demo feeds are served by the portal itself); the soft and
# hard time limits of one feed run's task (download, checks and saving).
FEED_CREDENTIALS_KEY = env.str("FEED_CREDENTIALS_KEY", default="")
FEED_ALLOW_PRIVATE_ADDRESSES = env.bool("FEED_ALLOW_PRIVATE_ADDRESSES", default=DEBUG)
FEED_MAX_BYTES = env.int("FEED_MAX_BYTES", default=200 * 1024 * 1024)
FEED_TIMEOUT = env.float("FEED_TIMEOUT", default=30)
# A run holds its feed's lock for this many seconds and renews it every third of
# them while it lives: a worker that dies stops renewing, so its lock is free and
# its run closed as failed within this time (`feeds.sync.close_dead_runs`).
FEED_LOCK_TIMEOUT = env.int("FEED_LOCK_TIMEOUT", default=120)
FEED_TASK_SOFT_TIME_LIMIT = env.int("FEED_TASK_SOFT_TIME_LIMIT", default=600)
FEED_TASK_TIME_LIMIT = env.int("FEED_TASK_TIME_LIMIT", default=660)
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
# Date and number formats Django lacks or gets wrong for the portal's readers
# (Karakalpak, English); see portal/formats/.
FORMAT_MODULE_PATH = ["portal.formats"]
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
# Proxies, Content-Security-Policy and Permissions-Policy: the hardening block at the end.
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

# --- Hardening (issue 17): reverse proxies ----------------------------------------
# How many reverse proxies of our own stand in front of the portal, each appending
# the address it was reached from to X-Forwarded-For. 0: none, the header is
# ignored and so is X-Forwarded-Proto. partners.addresses.client_address is the one
# rule every per-address limit uses (rate limits, API throttles, login lockout).
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
if TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured("TRUSTED_PROXY_COUNT must be 0 or more.")
if TRUSTED_PROXY_COUNT:
    # Only a proxy of ours may tell us the request came over HTTPS.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# --- Hardening (issue 17): Content-Security-Policy and Permissions-Policy ---------
# Public pages: no script, nothing from another host (portal/security.py picks the
# admin's and the API docs' own policies by route).
_STRICT = {
    "default-src": [NONE],
    "style-src": [SELF],
    "img-src": [SELF],
    "form-action": [SELF],
    "base-uri": [NONE],
    "frame-ancestors": [NONE],
}
CONTENT_SECURITY_POLICY = {"DIRECTIVES": _STRICT}
# Django's admin scripts and jQuery UI (the language tabs), all from our static files;
# connect-src for the admin's autocomplete.
CONTENT_SECURITY_POLICY_ADMIN = {**_STRICT, "script-src": [SELF], "connect-src": [SELF]}
# Swagger UI from drf-spectacular-sidecar: its init script comes from the same view
# (SpectacularSwaggerSplitView), it fetches the schema and tries requests on this
# host, draws icons from data: URLs, and its page has one fixed inline <style>
# (drf_spectacular/swagger_ui.html), allowed by its hash.
CONTENT_SECURITY_POLICY_API_DOCS = {
    **_STRICT,
    "script-src": [SELF],
    "style-src": [SELF, "'sha256-MMpT0iDxyjALd9PdfepImGX3DBfJPXZ4IlDWdPAgtn0='"],
    "img-src": [SELF, "data:"],
    "connect-src": [SELF],
}
# Powerful browser features nobody's page here uses: denied to the page and to
# anything it could ever embed.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "bluetooth",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

# Sign-in protection (django-axes): the admin and any sign-in that goes through
# django.contrib.auth.authenticate(request, ...). A wrong password is counted per
# account *and* address together: counting per address alone would let one person
# lock out a whole office behind one NAT address, per account alone would let
# anyone lock out an officer by typing their username. After AXES_FAILURE_LIMIT
# wrong passwords that pair is refused for AXES_COOLOFF_TIME (every further try
# restarts it), with a translated page (portal.views.signin_locked_out).
INSTALLED_APPS += ["axes"]
MIDDLEWARE += ["axes.middleware.AxesMiddleware"]  # last, as axes requires
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked pair before any check
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "partners.addresses.client_address"
AXES_LOCKOUT_CALLABLE = "portal.views.signin_locked_out"
# What is kept: a failed pair's counter (username, address, user agent; the form's
# values masked) until its cool-off has passed, and each successful staff sign-in
# for SIGNIN_LOG_DAYS to investigate a misused account. No separate failure log.
# portal.tasks.clear_signin_records erases older records daily. Only superusers
# see them (portal/admin.py), so axes' own admin registration is off.
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "csrfmiddlewaretoken"]
AXES_ENABLE_ACCESS_FAILURE_LOG = False
AXES_VERBOSE = False  # its log lines would carry the user agent
AXES_ENABLE_ADMIN = False
SIGNIN_LOG_DAYS = 90

# --- Help desk (issue 14) -----------------------------------------------------------
# A new case nobody picked up within this many hours is flagged on the triage list;
# closed cases are anonymised this many days after closing (helpdesk.tasks, daily);
# private links in status notices start with SITE_URL (below).
HELPDESK_PICKUP_HOURS = env.int("HELPDESK_PICKUP_HOURS", default=24)
HELPDESK_ANONYMISE_AFTER_DAYS = env.int("HELPDESK_ANONYMISE_AFTER_DAYS", default=180)

# --- Accounts (issue 13): applicants sign in with a phone, staff with a second factor ---
# django-allauth (accounts/ holds the adapter, forms and pages). Applicants sign up
# with a mobile number and a password, the number confirmed by an SMS code; e-mail
# is optional. Staff sign in with their user name; the admin's login is allauth's
# (accounts/urls.py), so a second factor is asked there (accounts/mfa.py).
INSTALLED_APPS += ["accounts", "allauth", "allauth.account", "allauth.mfa"]
MIDDLEWARE += [
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.SecondFactorMiddleware",
    "accounts.middleware.SmsUnavailableMiddleware",
]
# allauth's backend in place of Django's ModelBackend, which it extends (user
# names as before, plus phone numbers): one password hash per try, not two.
# After axes, which refuses a locked pair first.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
# Axes counts an account by its phone in E.164, however it was typed.
AXES_USERNAME_CALLABLE = "accounts.signin.axes_username"
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:account"
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"phone", "username"}
ACCOUNT_SIGNUP_FIELDS = ["phone*", "email", "password1*", "password2*"]
ACCOUNT_FORMS = {"signup": "accounts.forms.SignupForm", "login": "accounts.forms.LoginForm"}
ACCOUNT_USER_MODEL_USERNAME_FIELD = "username"
ACCOUNT_USER_DISPLAY = "accounts.phones.user_display"
ACCOUNT_EMAIL_VERIFICATION = "optional"
ACCOUNT_PHONE_VERIFICATION_ENABLED = True
ACCOUNT_PHONE_VERIFICATION_MAX_ATTEMPTS = 3
ACCOUNT_PHONE_VERIFICATION_TIMEOUT = 15 * 60
ACCOUNT_PHONE_VERIFICATION_SUPPORTS_RESEND = True
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
# Six digits: typed on any phone's keypad, and offered by phones' SMS autofill.
ACCOUNT_PHONE_VERIFICATION_CODE_FORMAT = {"numeric": True, "length": 6, "dashed": False}
ACCOUNT_LOGIN_BY_CODE_FORMAT = {"numeric": True, "length": 6, "dashed": False}
ACCOUNT_LOGIN_BY_CODE_MAX_ATTEMPTS = 3
ACCOUNT_LOGIN_BY_CODE_TIMEOUT = 5 * 60
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
# allauth's limits ("amount/period/per", counted in the cache): sign-ups per
# address; codes per phone number ("key") and per address; logins per address.
# Wrong passwords are counted by axes alone (AXES_*), so one rule answers them.
ACCOUNT_RATE_LIMITS = {
    "signup": "5/h/ip",
    "login": "30/m/ip",
    "login_failed": None,
    "request_login_code": "10/h/ip,3/h/key",
    "verify_phone": "1/m/key,3/h/key,10/h/ip",
    "change_phone": "3/h/user",
    "reset_password": "5/h/ip,3/h/key",
    "reauthenticate": "10/m/user",
}
MFA_ADAPTER = "accounts.adapter.MFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Safe work abroad"
# One 30-second step either side, as RFC 6238 (5.2) advises: a phone's clock a few
# seconds off, or a code typed as it rolls over, still signs in; each code once.
MFA_TOTP_TOLERANCE = 1
MFA_RECOVERY_CODE_COUNT = 10
# Texts: accounts.sms.send_sms through SMS_BACKEND (a dotted path). Development
# prints them; production posts them to an HTTP gateway (accounts/sms/gateway.py).
SMS_BACKEND = env.str(
    "SMS_BACKEND",
    default="accounts.sms.console.SmsBackend" if DEBUG else "accounts.sms.gateway.SmsBackend",
)
SMS_GATEWAY_URL = env.str("SMS_GATEWAY_URL", default="")
SMS_GATEWAY_TOKEN = env.str("SMS_GATEWAY_TOKEN", default="")
SMS_SENDER = env.str("SMS_SENDER", default="SafeWork")
SMS_GATEWAY_TIMEOUT = env.float("SMS_GATEWAY_TIMEOUT", default=10)

# --- Applications (issue 13): profiles, applications, the recruiter cabinet ---------
INSTALLED_APPS += ["applications"]
# Applications are anonymised this many months after their vacancy closed
# (`applications.tasks.anonymise_applications`, daily).
APPLICATION_RETENTION_MONTHS = env.int("APPLICATION_RETENTION_MONTHS", default=12)
# The portal's public address: links in SMS, e-mails and Telegram messages, the
# bot's webhook.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")
# Alerts and the Telegram bot (README, "Alerts and the Telegram bot"). Nothing is
# needed: without a bot token Telegram is not offered, without EMAIL_URL e-mail is not.
TELEGRAM_BOT_TOKEN = env.str("TELEGRAM_BOT_TOKEN", default="")
TELEGRAM_BOT_USERNAME = env.str("TELEGRAM_BOT_USERNAME", default="")
TELEGRAM_WEBHOOK_SECRET = env.str("TELEGRAM_WEBHOOK_SECRET", default="")
TELEGRAM_API_URL = env.str("TELEGRAM_API_URL", default="https://api.telegram.org")
TELEGRAM_MESSAGES_PER_SECOND = env.int("TELEGRAM_MESSAGES_PER_SECOND", default=30)
EMAIL_URL = env.str("EMAIL_URL", default="")
EMAIL_ENABLED = bool(EMAIL_URL)
if EMAIL_ENABLED:
    vars().update(env.email_url("EMAIL_URL"))
elif DEBUG:
    # `make run`: application and help-desk notices to people who gave an e-mail
    # address are printed, not sent to an SMTP server that is not there.
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="portal@localhost")
# The envelope sender of alerts, whose bounces the mail server pipes to
# `manage.py process_bounce` (alerts/bounces.py); empty: DEFAULT_FROM_EMAIL.
EMAIL_BOUNCE_ADDRESS = env.str("EMAIL_BOUNCE_ADDRESS", default="")
EMAIL_TIMEOUT = 10

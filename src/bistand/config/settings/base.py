# SPDX-License-Identifier: EUPL-1.2
"""Every setting lives here; local, test and production only override."""

import dj_database_url
import django_stubs_ext

from bistand.config.environment import PROJECT_ROOT, env_bool, env_int, env_list, env_str

django_stubs_ext.monkeypatch()  # generic admin and querysets at run time

BASE_DIR = PROJECT_ROOT
VAR_DIR = PROJECT_ROOT / "var"

SECRET_KEY = env_str(
    "DJANGO_SECRET_KEY", "insecure-local-only-key-change-me-in-production-0123456789"
)
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "mozilla_django_oidc",
    "bistand.organisations",
    "bistand.accounts",
    "bistand.people",
    "bistand.cases",
    "bistand.labour",
    "bistand.audit",
    "bistand.followup",
    "bistand.demo",
    "bistand.calculations",
    "bistand.applications",
    "bistand.conversations",
    "bistand.decisions",
    "bistand.appeals",
    "bistand.journals",
    "bistand.investigations",
    "bistand.payments",
    "bistand.recoveries",
    "bistand.about",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "bistand.accounts.middleware.NoStoreMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "bistand.accounts.middleware.IdleLogoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "bistand.config.urls"
WSGI_APPLICATION = "bistand.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_ROOT / "src" / "bistand" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "bistand.accounts.context_processors.navigation",
            ],
            "builtins": ["bistand.amounts", "bistand.text_direction"],
        },
    },
]

DATABASE_URL = env_str("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'bistand.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL,
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
        conn_health_checks=env_bool("DATABASE_CONN_HEALTH_CHECKS", False),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Server-side parameters let psycopg prepare a statement it has run five times on a kept
    # connection, so the hot paths (a session's user, the access gate, a re-application) are
    # planned once per connection instead of on every request (docs/adr/0008).
    DATABASES["default"]["OPTIONS"] = {"server_side_binding": True}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "bistand.accounts.eid.OIDCApplicantBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:staff-login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# Staff must present a TOTP code at login. Only local settings may switch this off.
BISTAND_STAFF_OTP_REQUIRED = True
OTP_TOTP_ISSUER = "Bistånd"

# django-axes: lock a username + address after repeated failures.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"

# Applicants: e-identification through an OpenID Connect broker (BankID, Freja eID, ...).
USE_OIDC = env_bool("USE_OIDC", False)
OIDC_RP_CLIENT_ID = env_str("OIDC_RP_CLIENT_ID", "bistand")
OIDC_RP_CLIENT_SECRET = env_str("OIDC_RP_CLIENT_SECRET", "")
OIDC_RP_SIGN_ALGO = env_str("OIDC_RP_SIGN_ALGO", "RS256")
OIDC_OP_JWKS_ENDPOINT = env_str("OIDC_OP_JWKS_ENDPOINT", "https://eid.invalid/jwks")
OIDC_OP_AUTHORIZATION_ENDPOINT = env_str(
    "OIDC_OP_AUTHORIZATION_ENDPOINT", "https://eid.invalid/authorize"
)
OIDC_OP_TOKEN_ENDPOINT = env_str("OIDC_OP_TOKEN_ENDPOINT", "https://eid.invalid/token")
OIDC_OP_USER_ENDPOINT = env_str("OIDC_OP_USER_ENDPOINT", "https://eid.invalid/userinfo")
OIDC_RP_SCOPES = "openid profile"
OIDC_CALLBACK_CLASS = (
    "bistand.accounts.eid.ApplicantCallbackView"  # pages in the account's language
)
OIDC_PERSONAL_NUMBER_CLAIM = env_str("OIDC_PERSONAL_NUMBER_CLAIM", "personal_number")
# Development login for applicants: never enabled outside local settings.
BISTAND_DEV_LOGIN = False

LANGUAGE_CODE = "sv"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600  # the language a person chooses is remembered
LANGUAGES = [("sv", "Svenska"), ("en", "English"), ("ar", "العربية")]
LOCALE_PATHS = [PROJECT_ROOT / "locale"]
FORMAT_MODULE_PATH = ["bistand.config.formats"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

# Attachments live outside the web root and are served only through an access-checked view.
ATTACHMENTS_ROOT = env_str("ATTACHMENTS_ROOT", str(VAR_DIR / "attachments"))
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(VAR_DIR / "media")},
    },
    "attachments": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": ATTACHMENTS_ROOT, "base_url": "/never-served/"},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# What one uploaded document may be, and how many one application may hold (docs/e-service.md).
BISTAND_ATTACHMENT_MAX_BYTES = env_int("BISTAND_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024)
# A picture's pixels: a 108-megapixel phone photo passes; Pillow refuses above 178 anyway.
BISTAND_ATTACHMENT_MAX_PIXELS = env_int("BISTAND_ATTACHMENT_MAX_PIXELS", 120_000_000)
BISTAND_ATTACHMENTS_PER_APPLICATION = env_int("BISTAND_ATTACHMENTS_PER_APPLICATION", 40)
# Accessibility reports taken from one address in an hour (anyone may send one, ADR 0035).
BISTAND_ACCESSIBILITY_REPORTS_PER_HOUR = env_int("BISTAND_ACCESSIBILITY_REPORTS_PER_HOUR", 5)
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

# Notifications say only that something new is waiting, never what.
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "bistand@example.se")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)  # a worker waits at most this for the mail server
USE_SMS = env_bool("USE_SMS", False)
BISTAND_SMS_BACKEND = env_str(
    "BISTAND_SMS_BACKEND", "bistand.integrations.notifications.sms.LoggingSmsGateway"
)
# They leave through the task queue, stored in the database beside the write that caused them
# (ADR 0013): `bistand db_worker` sends them; a failed channel is tried again later.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
BISTAND_NOTIFICATION_ATTEMPTS = env_int("BISTAND_NOTIFICATION_ATTEMPTS", 4)
BISTAND_NOTIFICATION_RETRY_SECONDS = env_int("BISTAND_NOTIFICATION_RETRY_SECONDS", 300)
# An address the applicant gives for the notices is used only after they write back the code sent
# to it (ADR 0019): the code holds this long; this many wrong codes end it; at most this many
# codes a day go to one person's addresses on one channel, and a new one after this many seconds.
BISTAND_CONTACT_CODE_MINUTES = env_int("BISTAND_CONTACT_CODE_MINUTES", 30)
BISTAND_CONTACT_CODE_TRIES = env_int("BISTAND_CONTACT_CODE_TRIES", 5)
BISTAND_CONTACT_CODES_PER_DAY = env_int("BISTAND_CONTACT_CODES_PER_DAY", 5)
BISTAND_CONTACT_CODE_RESEND_SECONDS = env_int("BISTAND_CONTACT_CODE_RESEND_SECONDS", 60)
# How long before the login ends the pages warn and offer to stay logged in (WCAG 2.2.1).
BISTAND_SESSION_WARNING_SECONDS = env_int("BISTAND_SESSION_WARNING_SECONDS", 300)
# A login nobody has used for this long ends (ADR 0016): a shared computer must not keep a case
# open. 0 turns it off; the login still ends SESSION_COOKIE_AGE after it began or was extended.
BISTAND_IDLE_LOGOUT_SECONDS = env_int("BISTAND_IDLE_LOGOUT_SECONDS", 1800)

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [PROJECT_ROOT / "src" / "bistand" / "static"]

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "bistand.accounts.views.csrf_failure"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# Cache: Redis in production (shared by every worker), memory locally.
CACHE_URL = env_str("CACHE_URL")
CACHES = {
    "default": {"BACKEND": "bistand.config.cache.RedisCache", "LOCATION": CACHE_URL}
    if CACHE_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}
# The calculation API's limit per address and server process (bistand.calculations.api).
BISTAND_CALCULATION_RATE = env_str("BISTAND_CALCULATION_RATE", "120/m")
# With a shared cache, sessions are read from it and written through to the database.
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db"
    if CACHE_URL
    else "django.contrib.sessions.backends.db"
)

# Aggregates with fewer members than this are suppressed in statistics.
BISTAND_SMALL_CELL_THRESHOLD = env_int("BISTAND_SMALL_CELL_THRESHOLD", 5)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

# SPDX-License-Identifier: EUPL-1.2
"""Settings for the bare yardstick: one app, no middleware, PostgreSQL with kept connections."""

import os

import dj_database_url

SECRET_KEY = "bench-only-not-secret"  # noqa: S105 - a throwaway server on 127.0.0.1
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1"]
INSTALLED_APPS = ["bare"]
MIDDLEWARE: list[str] = []
ROOT_URLCONF = "bare.views"
DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=600)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
USE_TZ = True

# SPDX-License-Identifier: EUPL-1.2
"""The test suite: production behaviour (TOTP required, no dev login), fast hashing."""

from bistand.config.settings.base import *  # noqa: F403
from bistand.config.settings.base import DATABASE_URL, STORAGES, VAR_DIR

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
if DATABASE_URL.startswith("sqlite"):
    DATABASES = {
        "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(VAR_DIR / "test.sqlite3")}
    }
AXES_ENABLED = True
ATTACHMENTS_ROOT = str(VAR_DIR / "test-attachments")
STORAGES = {
    **STORAGES,
    "attachments": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": ATTACHMENTS_ROOT, "base_url": "/never-served/"},
    },
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

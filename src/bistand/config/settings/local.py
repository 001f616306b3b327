# SPDX-License-Identifier: EUPL-1.2
"""Local development on the embedded SQLite database. Never used in production."""

from bistand.config.settings.base import *  # noqa: F403

DEBUG = True
ROOT_URLCONF = "bistand.config.urls_local"
# Local only: staff may log in without a TOTP code, and a development login stands in
# for e-identification. Both are marked on every page (see base template).
BISTAND_STAFF_OTP_REQUIRED = False
BISTAND_DEV_LOGIN = True

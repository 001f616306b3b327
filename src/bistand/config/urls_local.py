# SPDX-License-Identifier: EUPL-1.2
"""Local development only: the production URLs plus the development applicant login."""

from django.urls import path

from bistand.accounts.dev_login import dev_login
from bistand.config.urls import urlpatterns as production_urlpatterns

urlpatterns = [
    *production_urlpatterns,
    path("dev/login/", dev_login, name="dev-login"),
]

# SPDX-License-Identifier: EUPL-1.2
from django.conf import settings
from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.urls import include, path
from django_otp.admin import OTPAdminSite

from bistand.accounts.views import home, language_choose


def health(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


if settings.BISTAND_STAFF_OTP_REQUIRED:
    # The admin asks for the same second factor as every other staff page.
    admin.site.__class__ = OTPAdminSite
admin.site.site_header = "Bistånd – administration"

urlpatterns = [
    path("", home, name="home"),
    path("health/", health, name="health"),
    path("i18n/setlang/", language_choose, name="set_language"),
    path("accounts/", include("bistand.accounts.urls")),
    path("oidc/", include("mozilla_django_oidc.urls")),
    path("cases/", include("bistand.cases.urls")),
    path("people/", include("bistand.people.urls")),
    path("access-log/", include("bistand.audit.urls")),
    path("statistics/", include("bistand.followup.urls")),
    path("about/", include("bistand.about.urls")),
    path("pre-calculation/", include("bistand.calculations.precalc_urls")),
    path("", include("bistand.applications.urls")),
    path("", include("bistand.conversations.urls")),
    path("", include("bistand.decisions.urls")),
    path("", include("bistand.appeals.urls")),
    path("", include("bistand.journals.urls")),
    path("", include("bistand.investigations.urls")),
    path("", include("bistand.labour.urls")),
    path("", include("bistand.payments.urls")),
    path("", include("bistand.recoveries.urls")),
    path("admin/", admin.site.urls),
]

# SPDX-License-Identifier: EUPL-1.2
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.i18n import set_language
from django_otp import login as otp_login

from bistand.accounts.forms import StaffLoginForm
from bistand.accounts.models import Role, User
from bistand.accounts.services import user_language_choose


def home(request: HttpRequest) -> HttpResponse:
    if getattr(request.user, "role", None) == Role.APPLICANT:
        return redirect("applications:my-case")
    return render(request, "accounts/home.html")


class StaffLoginView(auth_views.LoginView):
    form_class = StaffLoginForm
    template_name = "accounts/staff_login.html"
    redirect_authenticated_user = False

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        response = super().form_valid(form)
        if isinstance(form, StaffLoginForm) and form.otp_device is not None:
            otp_login(self.request, form.otp_device)
        return response


def applicant_login(request: HttpRequest) -> HttpResponse:
    """Start e-identification: the OIDC broker in production, the dev login locally."""
    if settings.USE_OIDC:
        return redirect(reverse("oidc_authentication_init"))
    if settings.BISTAND_DEV_LOGIN:
        return redirect(reverse("dev-login"))
    return render(request, "accounts/eid_unavailable.html", status=503)


def language_choose(request: HttpRequest) -> HttpResponse:
    """Django's language switch (a cookie, kept a year); for a logged-in person the choice is also
    kept on their account, so that notices are written in it."""
    response = set_language(request)
    if request.method == "POST" and isinstance(request.user, User):
        user_language_choose(user=request.user, language=request.POST.get("language", ""))
    return response


def language_at_login(request: HttpRequest, user: User, response: HttpResponse) -> HttpResponse:
    """A language chosen on this device before logging in becomes the account's if it has none;
    then the pages follow the account's language, whatever this device had (the language switch
    writes the same cookie)."""
    if not user.language:
        cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        user_language_choose(user=user, language=cookie)
    if user.language:
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            user.language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
    return response

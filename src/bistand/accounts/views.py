# SPDX-License-Identifier: EUPL-1.2
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth import logout as auth_logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST
from django.views.i18n import set_language
from django_otp import login as otp_login

from bistand.accounts.forms import StaffLoginForm
from bistand.accounts.middleware import not_activity
from bistand.accounts.models import Role, User
from bistand.accounts.services import user_language_choose
from bistand.accounts.sessions import login_seconds_left, session_ends_mark
from bistand.accounts.unsent import (
    UNSENT_REFILLING,
    UnsentForm,
    unsent_form_drop,
    writer_cookie_delete,
    writer_cookie_set,
)
from bistand.form_refill import form_refilled, values_listed


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
        user = form.get_user()
        if isinstance(user, User):  # staff, like applicants, keep their language on the account
            return device_at_login(self.request, user, response)
        return response


class LogoutView(auth_views.LogoutView):
    """Django's logout, which also takes the writer cookie away: whatever is sent from this device
    afterwards is not this person's (bistand.accounts.unsent)."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().post(request, *args, **kwargs)
        writer_cookie_delete(response)
        return response


def applicant_login(request: HttpRequest) -> HttpResponse:
    """Start e-identification: the OIDC broker in production, the dev login locally. The
    address the person was on (`next`, when it is this site's) is where they come back to."""
    if settings.USE_OIDC:
        return redirect(_with_next(request, reverse("oidc_authentication_init")))
    if settings.BISTAND_DEV_LOGIN:
        return redirect(_with_next(request, reverse("dev-login")))
    return render(request, "accounts/eid_unavailable.html", status=503)


def login_next(request: HttpRequest) -> str | None:
    """The `next` address of a login request, if it is on this site."""
    target = request.GET.get(REDIRECT_FIELD_NAME, "")
    return target if target and _on_this_site(request, target) else None


def _on_this_site(request: HttpRequest, address: str) -> bool:
    """Whether `address` leads to this site, by the host the request was sent to."""
    try:
        return url_has_allowed_host_and_scheme(
            address, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    except DisallowedHost:
        return False


def _with_next(request: HttpRequest, url: str) -> str:
    target = login_next(request)
    return f"{url}?{urlencode({REDIRECT_FIELD_NAME: target})}" if target else url


@require_POST
def session_extend(request: HttpRequest) -> JsonResponse:
    """The warning's "Stay logged in": the login goes on for a full `SESSION_COOKIE_AGE` from
    now. Asked by the script on every page (static/bistand/session.js) without leaving it."""
    if not request.user.is_authenticated:
        return JsonResponse({"logged_in": False}, status=401)
    session_ends_mark(request.session)
    return JsonResponse(
        {"logged_in": True, "seconds_left": login_seconds_left(request, active=True)}
    )


@require_GET
@not_activity
def session_status(request: HttpRequest) -> JsonResponse:
    """How long the login has left, asked by the script on every page before it warns: another
    tab may have been used or extended the login since this page was loaded. Asking is not
    activity, so an open page alone never keeps a login going (docs/adr/0016)."""
    if not request.user.is_authenticated:
        return JsonResponse({"logged_in": False}, status=401)
    return JsonResponse(
        {"logged_in": True, "seconds_left": login_seconds_left(request, active=False)}
    )


def unsent_form_offer(
    request: HttpRequest, unsent: UnsentForm, page: Callable[[], HttpResponseBase]
) -> HttpResponseBase:
    """What the access gate shows at an address with a form kept from an expired login
    (bistand.accounts.unsent, docs/adr/0028): the page itself, `page()`, with what was written
    filled in and a notice above it, to be checked and sent with the page's own button. Where the
    page cannot show all of it, a page that lists it with a button that sends it. Either way it
    can be discarded."""
    if request.GET.get("unsent") == "discard":
        unsent_form_drop(request)
        return redirect(request.path)
    setattr(request, UNSENT_REFILLING, unsent)  # the page draws the notice (base.html)
    try:
        response = page()
    finally:
        delattr(request, UNSENT_REFILLING)
    content_type = response.get("Content-Type", "")
    if (
        isinstance(response, HttpResponse)
        and response.status_code == 200
        and content_type.startswith("text/html")
    ):
        html = response.content.decode(response.charset)
        where = {"action": unsent.action, "page_url": request.get_full_path()}
        filled = form_refilled(html, **where, fields=unsent.fields)
        if filled is not None:
            response.content = filled.encode(response.charset)
            return response
        # Listed as the page words each value: a choice by its label, not its code.
        listed = values_listed(html, **where, fields=unsent.fields)
    else:
        listed = unsent.values_written
    return render(request, "accounts/unsent_form.html", {"unsent": unsent, "listed": listed})


def language_choose(request: HttpRequest) -> HttpResponse:
    """Django's language switch (a cookie, kept a year); for a logged-in person the choice is also
    kept on their account, so that notices are written in it."""
    response = set_language(request)
    if request.method == "POST" and isinstance(request.user, User):
        user_language_choose(user=request.user, language=request.POST.get("language", ""))
    return response


def device_at_login(request: HttpRequest, user: User, response: HttpResponse) -> HttpResponse:
    """What a login leaves on the device. A language chosen on this device before logging in
    becomes the account's if it has none; then the pages follow the account's language, whatever
    this device had (the language switch writes the same cookie). And the writer cookie: a form
    kept after this login runs out is offered to this account only (bistand.accounts.unsent)."""
    writer_cookie_set(response, user)
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


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """`CSRF_FAILURE_VIEW`: a form sent from a page older than the login (a second tab, or a page
    kept open across a new login) is refused in the person's language, with the site around it
    and what to do, rather than Django's technical page. Nothing that was sent is used; the page
    links back to the one the form was on, where written.js fills in what this window kept of it
    (docs/adr/0033).

    "Log out" is the exception: pressed on a page of this site opened before a newer login, it
    logs out all the same. Refused, the person would walk away from a shared computer still
    logged in. A foreign site's request is still refused: its Origin is not this site."""
    logging_out = request.method == "POST" and request.path == reverse("accounts:logout")
    if logging_out and _from_this_site(request):
        return _logged_out(request)
    return render(request, "403_csrf.html", {"refused_page": _referring_page(request)}, status=403)


def _from_this_site(request: HttpRequest) -> bool:
    """Whether a request was sent from a page of this site, by its Origin as Django's CSRF check
    reads it, or by its Referer when a browser sends no Origin."""
    origin: str | None = request.META.get("HTTP_ORIGIN")
    if origin is None:
        return bool(_referring_page(request))
    try:
        host = request.get_host()
    except DisallowedHost:
        return False
    return origin == f"{'https' if request.is_secure() else 'http'}://{host}"


def _logged_out(request: HttpRequest) -> HttpResponse:
    """What `LogoutView` does for a POST: end the login, take the writer cookie away, and go to
    the start page."""
    auth_logout(request)
    response = redirect(settings.LOGOUT_REDIRECT_URL)
    writer_cookie_delete(response)
    return response


def _referring_page(request: HttpRequest) -> str:
    """The path of the page a request came from (its Referer), when that is a page of this site;
    otherwise ""."""
    referer = request.META.get("HTTP_REFERER", "")
    if not referer or not _on_this_site(request, referer):
        return ""
    address = urlsplit(referer)
    # One leading slash, so that a path such as "//elsewhere" stays on this site.
    path = "/" + address.path.lstrip("/")
    return f"{path}?{address.query}" if address.query else path

"""Sign-up and login, with rate limits; logout and password reset are Django's own views."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme

from microcred.web.accounts.forms import LoginForm, SignUpForm
from microcred.web.lib.ratelimit import RateLimit, client_ip, posted, ratelimit

LOGIN_PER_ADDRESS = RateLimit("login-address", limit=10, period=15 * 60)
LOGIN_PER_CLIENT = RateLimit("login-client", limit=50, period=15 * 60)
SIGNUP_PER_CLIENT = RateLimit("signup-client", limit=10, period=60 * 60)
RESET_PER_CLIENT = RateLimit("reset-client", limit=10, period=60 * 60)


@ratelimit(SIGNUP_PER_CLIENT, client_ip)
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("front:home")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        next_url = request.POST.get("next", "")
        if url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return redirect(next_url)
        return redirect("organizations:create")
    return render(
        request, "accounts/signup.html", {"form": form, "next": request.GET.get("next", "")}
    )


@method_decorator(ratelimit(LOGIN_PER_CLIENT, client_ip), name="dispatch")
@method_decorator(ratelimit(LOGIN_PER_ADDRESS, posted("username")), name="dispatch")
class LoginView(auth_views.LoginView):
    form_class = LoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


@method_decorator(ratelimit(RESET_PER_CLIENT, client_ip), name="dispatch")
class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/email/password_reset_body.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    @property
    def extra_email_context(self) -> dict[str, str]:  # type: ignore[override]
        # Links are built on the configured base URL, never on the request's Host header.
        return {"base_url": settings.MICROCRED_BASE_URL}


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

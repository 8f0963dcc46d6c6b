from __future__ import annotations

from typing import ClassVar

from django import forms
from django.contrib.auth.forms import AuthenticationForm, BaseUserCreationForm
from django.utils.translation import gettext_lazy as _

from microcred.web.accounts.models import User, normalize_email


class SignUpForm(BaseUserCreationForm):
    class Meta:
        model = User
        fields = ("name", "email")
        labels: ClassVar = {"name": _("Your name"), "email": _("E-mail address")}
        help_texts: ClassVar = {"email": _("You log in with this address.")}

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs.update(autocomplete="name", autofocus=True)
        self.fields["email"].widget.attrs.update(autocomplete="email")
        self.fields["email"].widget.attrs.pop("autofocus", None)

    def clean_email(self) -> str:
        email = normalize_email(self.cleaned_data["email"])
        if User.objects.filter(email=email).exists():
            raise forms.ValidationError(
                _("There is already an account for this address. Log in, or reset its password.")
            )
        return email


class LoginForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class AddressForm(forms.Form):
    email = forms.EmailField(
        label=_("Another e-mail address of yours"),
        help_text=_("For example your work or university address, where badges may be sent."),
        max_length=254,
    )

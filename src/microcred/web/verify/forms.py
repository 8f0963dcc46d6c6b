"""The verify page's form: a link, a pasted credential, or a badge image."""

from __future__ import annotations

from typing import Any, Final

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from microcred.baking import BakingError, image_format

MAX_UPLOAD_BYTES: Final = 5 * 1024 * 1024
MAX_TEXT_CHARS: Final = 1024 * 1024


class VerifyForm(forms.Form):
    text = forms.CharField(
        label=_("Link, credential JSON or JWT"),
        required=False,
        max_length=MAX_TEXT_CHARS,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 5, "spellcheck": "false", "autocomplete": "off"}),
        help_text=_("Paste the address of a badge page, or the credential itself."),
    )
    image = forms.FileField(
        label=_("Badge image"),
        required=False,
        help_text=format_lazy(
            _("A PNG or SVG with the credential baked in, at most {size} MB."),
            size=MAX_UPLOAD_BYTES // (1024 * 1024),
        ),
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/svg+xml"}),
    )
    recipient = forms.CharField(
        label=_("The person's e-mail address (optional)"),
        required=False,
        max_length=254,
        help_text=_("If you know it, the check also confirms the badge was issued to them."),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )

    def __init__(self, *args: Any, upload_too_large: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.upload_too_large = upload_too_large

    def clean_image(self) -> bytes | None:
        if self.upload_too_large:
            raise forms.ValidationError(
                _("The image is larger than %(size)d MB.")
                % {"size": MAX_UPLOAD_BYTES // (1024 * 1024)}
            )
        upload = self.cleaned_data.get("image")
        if not upload:
            return None
        data = upload.read(MAX_UPLOAD_BYTES + 1)
        if len(data) > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The image is larger than %(size)d MB.")
                % {"size": MAX_UPLOAD_BYTES // (1024 * 1024)}
            )
        try:
            image_format(data)
        except BakingError:
            raise forms.ValidationError(_("This file is not a PNG or SVG image.")) from None
        return data

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        has_text = bool(cleaned.get("text"))
        has_image = bool(cleaned.get("image"))
        if not self.errors and has_text == has_image:
            raise forms.ValidationError(
                _("Paste a link or a credential, or choose a badge image (one of them).")
                if not has_text
                else _("Give either a link or credential, or an image, not both.")
            )
        return cleaned

    @property
    def given(self) -> str | bytes:
        return self.cleaned_data.get("text") or self.cleaned_data["image"]

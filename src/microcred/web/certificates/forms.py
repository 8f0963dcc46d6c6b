"""The certificate design form: colours with a contrast check, and the signature image."""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from microcred.web.certificates.models import CertificateDesign
from microcred.web.certificates.signatures import (
    MAX_SIGNATURE_BYTES,
    SignatureImageError,
    clean_signature_image,
)


class CertificateDesignForm(forms.ModelForm):
    signature_file = forms.FileField(
        label=_("Signature image"),
        required=False,
        # Lazy as a whole: formatting a lazy string at import would fix it in English.
        help_text=lazy(
            lambda: (
                gettext(
                    "A scanned signature, PNG or JPEG, at most %(size)d KB; a transparent "
                    "background looks best."
                )
                % {"size": MAX_SIGNATURE_BYTES // 1024}
            ),
            str,
        )(),
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg"}),
    )
    remove_signature = forms.BooleanField(label=_("Remove the signature image"), required=False)

    class Meta:
        model = CertificateDesign
        fields = (
            "primary_colour",
            "accent_colour",
            "signature_name",
            "signature_title",
            "footer_text",
        )
        widgets: ClassVar = {
            "primary_colour": forms.TextInput(attrs={"type": "color"}),
            "accent_colour": forms.TextInput(attrs={"type": "color"}),
        }
        help_texts: ClassVar = {
            "signature_name": _(
                "Printed under the signature line; the organization's name if empty."
            ),
            "signature_title": _("For example: Head of the academy."),
            "footer_text": _(
                "A short line at the bottom, for example an address or an accreditation."
            ),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.instance.signature_version:
            del self.fields["remove_signature"]

    def clean_primary_colour(self) -> str:
        return self.cleaned_data["primary_colour"].lower()

    def clean_accent_colour(self) -> str:
        return self.cleaned_data["accent_colour"].lower()

    def clean_signature_file(self) -> bytes | None:
        upload = self.cleaned_data.get("signature_file")
        if not upload:
            return None
        if upload.size > MAX_SIGNATURE_BYTES:
            raise forms.ValidationError(
                _("The signature image is larger than %(size)d KB.")
                % {"size": MAX_SIGNATURE_BYTES // 1024}
            )
        try:
            return clean_signature_image(upload.read())
        except SignatureImageError as error:
            raise forms.ValidationError(str(error)) from None

    def save(self, commit: bool = True) -> CertificateDesign:
        design = super().save(commit=False)
        picture = self.cleaned_data.get("signature_file")
        if picture is not None:
            design.set_signature_image(picture)
        elif self.cleaned_data.get("remove_signature"):
            design.set_signature_image(None)
        if commit:
            design.save()
        return design

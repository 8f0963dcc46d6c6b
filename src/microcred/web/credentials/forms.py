"""Forms of the credential pages: revocation, issuing settings."""

from __future__ import annotations

from typing import ClassVar

from django import forms
from django.utils.translation import gettext_lazy as _

from microcred.web.credentials.models import IssuingSettings
from microcred.web.credentials.revocation import MAX_REASON_CHARS


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=MAX_REASON_CHARS,
        help_text=_(
            "Recorded in the audit log and shown on the credential's public page. "
            "Revocation cannot be undone."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class IssuingSettingsForm(forms.ModelForm):
    class Meta:
        model = IssuingSettings
        fields = ("proof_format", "suspension")
        help_texts: ClassVar = {
            "proof_format": _(
                "Data Integrity with eddsa-rdfc-2022 is what most wallets and verifiers "
                "expect. VC-JWT secures the credential as a signed JSON Web Token instead. "
                "Credentials issued before a change keep the format they were signed in."
            ),
            "suspension": _(
                "Gives each new credential a second status entry, so it can be suspended "
                "for a while and reinstated. Open Badges 3.0 validators that apply the 1EdTech "
                "JSON Schema strictly accept only one status entry; turn this off for them."
            ),
        }
        widgets: ClassVar = {"proof_format": forms.RadioSelect}

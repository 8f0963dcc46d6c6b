"""Forms of the credential pages: revocation, issuing settings."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from django import forms
from django.utils import timezone
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


class IssueForm(forms.Form):
    """One credential for one person; the preview step posts the same fields again."""

    recipient_name = forms.CharField(
        label=_("Recipient's name"),
        max_length=200,
        help_text=_("As it should appear on the credential."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    recipient_email = forms.EmailField(
        label=_("Recipient's e-mail address"),
        max_length=254,
        help_text=_("The credential carries it only as a salted hash."),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    result = forms.CharField(
        label=_("Result or grade"),
        required=False,
        max_length=100,
        help_text=_("Optional, for example “1.3”, “passed” or “92 %”."),
    )
    evidence_url = forms.URLField(
        label=_("Evidence (link)"),
        required=False,
        max_length=1000,
        assume_scheme="https",
        help_text=_("Optional: a page showing the work, such as a project or a portfolio."),
    )
    evidence_text = forms.CharField(
        label=_("Evidence (description)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional: what the person did to earn it."),
    )
    issue_date = forms.DateField(
        label=_("Issue date"),
        help_text=_("The day the achievement was earned; today unless you say otherwise."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    send_email = forms.BooleanField(
        label=_("Send it to the recipient by e-mail"),
        required=False,
        initial=True,
        help_text=_(
            "An e-mail with the badge and a personal link to accept it. You can send it "
            "(again) later from the credential's page."
        ),
    )

    def clean_recipient_name(self) -> str:
        return " ".join(self.cleaned_data["recipient_name"].split())

    def clean_issue_date(self) -> date:
        value: date = self.cleaned_data["issue_date"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("The issue date cannot be in the future."))
        if value.year < 1970:
            raise forms.ValidationError(_("Please give a date after 1970."))
        return value

from __future__ import annotations

from typing import Any

from django import forms
from django.core.validators import MaxLengthValidator

from microcred.web.sharing.models import SharingSettings, linkedin_organization_id_validator


class SharingSettingsForm(forms.ModelForm):
    class Meta:
        model = SharingSettings
        fields = ("linkedin_organization_id",)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["linkedin_organization_id"]
        field.widget.attrs.update({"inputmode": "numeric", "autocomplete": "off"})
        # A pasted page address is too long as well; "only digits" is the message that helps.
        field.validators = [v for v in field.validators if not isinstance(v, MaxLengthValidator)]
        field.validators.insert(0, linkedin_organization_id_validator)
        field.widget.attrs.pop("maxlength", None)

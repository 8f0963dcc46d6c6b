from __future__ import annotations

from typing import Any

from django import forms

from microcred.web.sharing.models import SharingSettings


class SharingSettingsForm(forms.ModelForm):
    class Meta:
        model = SharingSettings
        fields = ("linkedin_organization_id",)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["linkedin_organization_id"]
        field.widget.attrs.update({"inputmode": "numeric", "autocomplete": "off"})

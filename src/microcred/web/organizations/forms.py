"""Forms for creating an organization, editing its profile and managing its members."""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from microcred.web.organizations.logos import MAX_LOGO_BYTES, LogoError, clean_logo
from microcred.web.organizations.models import Organization, Role

PROFILE_FIELDS = ("name", "url", "email", "country", "region", "description")


class OrganizationCreateForm(forms.ModelForm):
    class Meta:
        model = Organization
        fields = ("name", "slug", *PROFILE_FIELDS[1:])
        help_texts: ClassVar = {
            "slug": _(
                "Part of your web address and of your issuer identifier (did:web). "
                "It cannot be changed later. Leave empty to derive it from the name."
            ),
            "country": _("Where the awarding body is based (an EU micro-credential element)."),
            "region": _("For example a federal state or province; optional."),
        }
        widgets: ClassVar = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["country"].choices = [
            ("", _("Choose a country")),
            *Organization._meta.get_field("country").choices,
        ]

    def clean_slug(self) -> str:
        slug = (self.cleaned_data.get("slug") or "").strip().lower()
        if slug and Organization.objects.filter(slug=slug).exists():
            raise forms.ValidationError(_("This address is taken. Please choose another one."))
        return slug


class OrganizationProfileForm(forms.ModelForm):
    logo_file = forms.FileField(
        label=_("Logo"),
        required=False,
        # Lazy as a whole: formatting a lazy string at import would fix it in English.
        help_text=lazy(
            lambda: gettext("PNG or SVG, at most %(size)d KB.") % {"size": MAX_LOGO_BYTES // 1024},
            str,
        )(),
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/svg+xml"}),
    )
    remove_logo = forms.BooleanField(label=_("Remove the logo"), required=False)

    class Meta:
        model = Organization
        fields = PROFILE_FIELDS
        help_texts = OrganizationCreateForm.Meta.help_texts
        widgets = OrganizationCreateForm.Meta.widgets

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.instance.logo_version:
            del self.fields["remove_logo"]

    def clean_logo_file(self) -> tuple[bytes, str] | None:
        upload = self.cleaned_data.get("logo_file")
        if not upload:
            return None
        if upload.size > MAX_LOGO_BYTES:
            raise forms.ValidationError(
                _("The logo is larger than %(size)d KB.") % {"size": MAX_LOGO_BYTES // 1024}
            )
        try:
            return clean_logo(upload.read())
        except LogoError as error:
            raise forms.ValidationError(str(error)) from None

    def save(self, commit: bool = True) -> Organization:
        organization = super().save(commit=False)
        logo = self.cleaned_data.get("logo_file")
        if logo is not None:
            organization.set_logo(*logo)
        elif self.cleaned_data.get("remove_logo"):
            organization.set_logo(None)
        if commit:
            organization.save()
        return organization


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.ISSUER)

    def __init__(self, *args: Any, roles: list[Role], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [(role.value, role.label) for role in roles]


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)

    def __init__(self, *args: Any, roles: list[Role], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [(role.value, role.label) for role in roles]

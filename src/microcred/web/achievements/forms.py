"""The designer's forms: the achievement, its skills (a formset) and its image."""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms
from django.conf import global_settings
from django.core.validators import URLValidator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from microcred.web.achievements import artwork
from microcred.web.achievements.choices import LANGUAGES
from microcred.web.achievements.images import MAX_IMAGE_BYTES, BadgeImageError, clean_upload
from microcred.web.achievements.models import Achievement

MAX_OUTCOMES = 30
MAX_OUTCOME_LENGTH = 500
MAX_TAGS = 20
MAX_TAG_LENGTH = 50
MAX_SKILLS = 30
NEVER, MONTHS = "never", "months"
# Common ways to assess a micro-credential, offered as suggestions (any text is accepted).
ASSESSMENT_SUGGESTIONS = (
    _("Written exam"),
    _("Oral exam"),
    _("Project work"),
    _("Portfolio"),
    _("Practical test"),
    _("Presentation"),
    _("Online quiz"),
)


def language_choices() -> list[tuple[str, str]]:
    names = dict(global_settings.LANGUAGES)
    # Django's own catalog translates the language names.
    return [(code, gettext(names[code])) for code in LANGUAGES]


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class AchievementForm(forms.ModelForm):
    learning_outcomes = forms.CharField(
        label=_("Learning outcomes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "What a person who earns the badge knows or can do. One statement per line, "
            "for example “Plans a project in sprints with Scrum.”"
        ),
    )
    tags = forms.CharField(
        label=_("Tags"),
        required=False,
        max_length=1200,
        help_text=_("Keywords that help people find the badge, separated by commas."),
    )
    expires = forms.ChoiceField(
        label=_("Credentials expire"),
        choices=[(NEVER, _("Never")), (MONTHS, _("A number of months after they are issued"))],
        initial=NEVER,
        widget=forms.RadioSelect,
    )
    language = forms.ChoiceField(
        label=_("Language"), help_text=_("The language the badge's texts are written in.")
    )

    class Meta:
        model = Achievement
        fields = (
            "name",
            "description",
            "criteria",
            "achievement_type",
            "language",
            "learning_outcomes",
            "tags",
            "expires",
            "expiry_months",
            "workload_hours",
            "ects",
            "eqf_level",
            "assessment_type",
            "participation_form",
            "quality_assurance",
            "prerequisites",
            "stackability",
            "stackability_note",
        )
        labels: ClassVar = {
            "name": _("Name"),
            "description": _("Description"),
            "criteria": _("Criteria"),
            "achievement_type": _("Type"),
            "expiry_months": _("Months until a credential expires"),
            "workload_hours": _("Notional workload in hours"),
            "ects": _("ECTS credits"),
            "eqf_level": _("Level in the European Qualifications Framework"),
            "assessment_type": _("Type of assessment"),
            "participation_form": _("Form of participation"),
            "quality_assurance": _("Type of quality assurance"),
            "prerequisites": _("Prerequisites"),
            "stackability": _("Stackability"),
            "stackability_note": _("Stacks towards"),
        }
        help_texts: ClassVar = {
            "name": _("Short and specific, as it will appear on the badge and in credentials."),
            "description": _("What the badge recognizes, in two or three sentences."),
            "criteria": _("What a person must do to earn it. Markdown is allowed."),
            "achievement_type": _("Open Badges 3.0 type; a micro-credential in most cases."),
            "workload_hours": _("Hours a typical learner needs, including self-study."),
            "ects": _("Leave empty if the course carries no ECTS credits."),
            "eqf_level": _("The level of the learning outcomes, from 1 (basic) to 8 (doctoral)."),
            "assessment_type": _("For example a written exam, project work or a portfolio."),
            "quality_assurance": _(
                "For example internal quality assurance, an accreditation or a certification."
            ),
            "prerequisites": _("What learners need before they start; optional."),
            "stackability": _("Optional: whether it stands alone or counts towards more."),
            "stackability_note": _("The larger credential it counts towards, if stackable."),
        }
        widgets: ClassVar = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "criteria": forms.Textarea(attrs={"rows": 5}),
            "prerequisites": forms.Textarea(attrs={"rows": 2}),
            "participation_form": forms.RadioSelect,
            "stackability": forms.RadioSelect,
            "assessment_type": forms.TextInput(attrs={"list": "assessment-suggestions"}),
            "expiry_months": forms.NumberInput(attrs={"min": 1, "max": 600, "step": 1}),
            "workload_hours": forms.NumberInput(attrs={"min": 0, "step": "0.5"}),
            "ects": forms.NumberInput(attrs={"min": 0, "step": "0.5"}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = language_choices()
        self.fields["expiry_months"].widget.attrs["min"] = 1
        self.fields["eqf_level"].choices = [
            ("", _("No level")),
            *self.fields["eqf_level"].choices[1:],
        ]
        self.fields["participation_form"].choices = self.fields["participation_form"].choices[1:]
        self.fields["stackability"].choices = [
            ("", _("Not stated")),
            *self.fields["stackability"].choices[1:],
        ]
        instance = self.instance
        if not self.is_bound:
            # The model keeps lists; the form shows them as lines and a comma-separated text.
            self.initial["learning_outcomes"] = "\n".join(instance.learning_outcomes or [])
            self.initial["tags"] = ", ".join(instance.tags or [])
            self.initial["expires"] = MONTHS if instance.expiry_months else NEVER

    def clean_learning_outcomes(self) -> list[str]:
        outcomes = _lines(self.cleaned_data.get("learning_outcomes") or "")
        if len(outcomes) > MAX_OUTCOMES:
            raise forms.ValidationError(
                _("Please name at most %(count)d learning outcomes.") % {"count": MAX_OUTCOMES}
            )
        for line in outcomes:
            if len(line) > MAX_OUTCOME_LENGTH:
                raise forms.ValidationError(
                    _("Each learning outcome may have at most %(count)d characters.")
                    % {"count": MAX_OUTCOME_LENGTH}
                )
        return outcomes

    def clean_tags(self) -> list[str]:
        tags: list[str] = []
        for part in (self.cleaned_data.get("tags") or "").split(","):
            tag = " ".join(part.split())
            if tag and tag.casefold() not in {known.casefold() for known in tags}:
                tags.append(tag)
        if len(tags) > MAX_TAGS:
            raise forms.ValidationError(
                _("Please use at most %(count)d tags.") % {"count": MAX_TAGS}
            )
        if any(len(tag) > MAX_TAG_LENGTH for tag in tags):
            raise forms.ValidationError(
                _("Each tag may have at most %(count)d characters.") % {"count": MAX_TAG_LENGTH}
            )
        return tags

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("expires") == MONTHS:
            if not data.get("expiry_months") and "expiry_months" not in self.errors:
                self.add_error(
                    "expiry_months", _("Please say after how many months credentials expire.")
                )
        else:
            data["expiry_months"] = None
        if data.get("stackability") != "stackable" and data.get("stackability_note"):
            self.add_error(
                "stackability_note",
                _("Choose “stackable” above, or leave this empty."),
            )
        return data

    def save(self, commit: bool = True) -> Achievement:
        achievement = super().save(commit=False)
        achievement.learning_outcomes = self.cleaned_data["learning_outcomes"]
        achievement.tags = self.cleaned_data["tags"]
        achievement.expiry_months = self.cleaned_data.get("expiry_months")
        if commit:
            achievement.save()
        return achievement


class SkillForm(forms.Form):
    name = forms.CharField(label=_("Skill"), max_length=200, required=False)
    url = forms.CharField(
        label=_("Address (URI)"),
        max_length=500,
        required=False,
        widget=forms.URLInput(attrs={"placeholder": "http://data.europa.eu/esco/skill/…"}),
    )

    def clean_url(self) -> str:
        url = (self.cleaned_data.get("url") or "").strip()
        if url:
            try:
                URLValidator(schemes=["http", "https"])(url)
            except forms.ValidationError:
                raise forms.ValidationError(
                    _("Enter a full web address starting with http:// or https://.")
                ) from None
        return url

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        name, url = data.get("name", "").strip(), data.get("url", "")
        if url and not name:
            self.add_error("name", _("Please name the skill."))
        if name and not url and "url" not in self.errors:
            self.add_error(
                "url",
                _("Please give the skill's address, for example its ESCO URI."),
            )
        data["name"] = name
        return data


class BaseSkillFormSet(forms.BaseFormSet):
    def skills(self) -> list[dict[str, str]]:
        return [
            {"name": form.cleaned_data["name"], "url": form.cleaned_data["url"]}
            for form in self.forms
            if form.cleaned_data.get("name") and not self._should_delete_form(form)
        ]


SkillFormSet = forms.formset_factory(
    SkillForm,
    formset=BaseSkillFormSet,
    extra=0,
    can_delete=True,
    max_num=MAX_SKILLS,
    validate_max=True,
    absolute_max=MAX_SKILLS + 5,
)


def skill_formset(data: Any = None, skills: list[dict[str, str]] | None = None) -> BaseSkillFormSet:
    if data is not None:
        return SkillFormSet(data, prefix="skills")
    initial = skills or []
    formset = SkillFormSet(initial=initial, prefix="skills")
    if not initial:
        formset = forms.formset_factory(
            SkillForm, formset=BaseSkillFormSet, extra=1, can_delete=True, max_num=MAX_SKILLS
        )(prefix="skills")
    return formset


class ImageSource:
    KEEP = "keep"
    DESIGN = "design"
    UPLOAD = "upload"


class BadgeImageForm(forms.Form):
    source = forms.ChoiceField(
        label=_("Source of the image"),
        widget=forms.RadioSelect,
        choices=[
            (ImageSource.KEEP, _("Keep the current image")),
            (ImageSource.DESIGN, _("Design it from a template")),
            (ImageSource.UPLOAD, _("Upload an image")),
        ],
    )
    shape = forms.ChoiceField(
        label=_("Shape"),
        widget=forms.RadioSelect,
        choices=[
            ("circle", _("Circle")),
            ("shield", _("Shield")),
            ("hexagon", _("Hexagon")),
            ("ribbon", _("Ribbon")),
        ],
        initial="circle",
    )
    primary = forms.CharField(
        label=_("Main colour"),
        initial="#0b5cad",
        max_length=7,
        widget=forms.TextInput(attrs={"type": "color"}),
    )
    secondary = forms.CharField(
        label=_("Border colour"),
        initial="#f5b400",
        max_length=7,
        widget=forms.TextInput(attrs={"type": "color"}),
    )
    icon = forms.ChoiceField(
        label=_("Icon"),
        initial="star",
        choices=[
            ("star", _("Star")),
            ("check", _("Check mark")),
            ("book", _("Book")),
            ("bulb", _("Light bulb")),
            ("cap", _("Graduation cap")),
            ("chart", _("Bar chart")),
            ("code", _("Code")),
            ("gear", _("Gear")),
            ("heart", _("Heart")),
            ("leaf", _("Leaf")),
            ("globe", _("Globe")),
            ("people", _("People")),
            ("none", _("No icon")),
        ],
    )
    title = forms.CharField(
        label=_("Text on the badge"),
        required=False,
        max_length=artwork.MAX_TITLE,
        help_text=_("Leave empty to use the badge's name."),
    )
    upload = forms.FileField(
        label=_("Image file"),
        required=False,
        help_text=_("PNG or SVG, at most %(size)d KB; square images look best.")
        % {"size": MAX_IMAGE_BYTES // 1024},
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/svg+xml"}),
    )

    def __init__(self, *args: Any, has_image: bool = False, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "image")
        super().__init__(*args, **kwargs)
        if not has_image:
            self.fields["source"].choices = self.fields["source"].choices[1:]
        self.fields["source"].initial = ImageSource.KEEP if has_image else ImageSource.DESIGN

    def clean_upload(self) -> tuple[bytes, str, bytes | None] | None:
        upload = self.cleaned_data.get("upload")
        if not upload:
            return None
        if upload.size > MAX_IMAGE_BYTES:
            raise forms.ValidationError(
                _("The image is larger than %(size)d KB.") % {"size": MAX_IMAGE_BYTES // 1024}
            )
        try:
            return clean_upload(upload.read(MAX_IMAGE_BYTES + 1))
        except BadgeImageError as error:
            raise forms.ValidationError(str(error)) from None

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        source = data.get("source")
        if source == ImageSource.UPLOAD and not data.get("upload") and "upload" not in self.errors:
            self.add_error("upload", _("Please choose an image file to upload."))
        if source == ImageSource.DESIGN:
            try:
                data["design"] = self.design(fallback_title="")
            except artwork.DesignError:
                self.add_error(None, _("Please check the colours of the design."))
        return data

    def design(self, fallback_title: str) -> artwork.Design:
        """The template choices as they stand (bound or initial); raises DesignError."""
        values = {}
        for name in ("shape", "primary", "secondary", "icon", "title"):
            if self.is_bound:
                values[name] = self.data.get(self.add_prefix(name), "")
            else:
                values[name] = self.initial.get(name, self.fields[name].initial) or ""
        if not values["title"].strip():
            values["title"] = fallback_title[: artwork.MAX_TITLE]
        return artwork.Design.from_mapping(values)

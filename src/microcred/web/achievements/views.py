"""The designer's pages: list, create, edit, detail (public for issued badges), images.

Create and edit share one form page. Its buttons do more than save: "add a skill", "remove"
on a skill row and "update the preview" re-render the page with everything typed kept, so
the page works without JavaScript; with htmx the same requests swap only the part that
changed (``hx-select``), and the image preview follows the design fields live.
"""

from __future__ import annotations

import base64
from importlib.resources import files
from typing import Any

from django.contrib import messages
from django.forms.utils import ErrorDict
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from microcred.openbadges.eu import eu_elements_complete, is_eqf_alignment
from microcred.web.achievements import artwork, documents, services
from microcred.web.achievements.choices import EU_ELEMENT_LABELS
from microcred.web.achievements.forms import (
    ASSESSMENT_SUGGESTIONS,
    AchievementForm,
    BadgeImageForm,
    ImageSource,
    language_choices,
    skill_formset,
)
from microcred.web.achievements.images import PNG, SVG
from microcred.web.achievements.models import Achievement, BadgeImage
from microcred.web.lib.tenancy import get_scoped_or_404, organization_member, scoped
from microcred.web.organizations.models import Membership
from microcred.web.organizations.roles import Role

JSON_TYPES = ("application/ld+json", "application/json")
EU_CONTEXT_FILE = "jsonld/eu-microcredential-v1.jsonld"


# --- list -------------------------------------------------------------------------------------


@organization_member()
def achievement_list(request: HttpRequest) -> HttpResponse:
    show_archived = request.GET.get("archived") == "1"
    achievements = scoped(Achievement.objects.select_related("organization", "image"), request)
    archived_count = achievements.filter(archived_at__isnull=False).count()
    achievements = (
        achievements.filter(archived_at__isnull=False) if show_archived else achievements.active()
    )
    rows = [{"achievement": item, **eu_status(item)} for item in achievements]
    return render(
        request,
        "achievements/list.html",
        {
            "rows": rows,
            "show_archived": show_archived,
            "archived_count": archived_count,
            "can_design": request.membership.has_role(Role.ISSUER),
        },
    )


def eu_status(achievement: Achievement) -> dict[str, Any]:
    complete, missing = eu_elements_complete(documents.achievement_document(achievement))
    return {
        "eu_complete": complete,
        "eu_missing": [str(EU_ELEMENT_LABELS[code]) for code in missing],
    }


# --- create and edit --------------------------------------------------------------------------


@organization_member(Role.ISSUER)
def create(request: HttpRequest) -> HttpResponse:
    return _design_page(request, Achievement(organization=request.organization))


@organization_member(Role.ISSUER)
def edit(request: HttpRequest, achievement: str) -> HttpResponse:
    found = get_scoped_or_404(
        Achievement.objects.select_related("organization", "image"), request, public_id=achievement
    )
    return _design_page(request, found)


def _design_page(request: HttpRequest, achievement: Achievement) -> HttpResponse:
    creating = achievement.pk is None
    has_image = achievement.image_id is not None
    if request.method != "POST":
        form = AchievementForm(instance=achievement)
        skills = skill_formset(skills=achievement.skills)
        image_form = BadgeImageForm(
            has_image=has_image, initial=achievement.image.design if has_image else None
        )
        return _render_design(request, achievement, form, skills, image_form)

    form = AchievementForm(request.POST, instance=achievement)
    skills = skill_formset(request.POST)
    image_form = BadgeImageForm(request.POST, request.FILES, has_image=has_image)
    action = request.POST.get("action", "save")
    removing = _removed_skill(request)
    if action in ("add-skill", "preview") or removing is not None:
        return _rerender(request, achievement, form, image_form, action, removing)

    valid = all([form.is_valid(), skills.is_valid(), image_form.is_valid()])  # all run
    if not valid:
        messages.error(request, _("Please correct the marked fields."))
        return _render_design(request, achievement, form, skills, image_form)
    saved = form.save(commit=False)
    saved.skills = skills.skills()
    image = _new_image(image_form, saved.name)
    changed = [*form.changed_data, *(["skills"] if skills.has_changed() else [])]
    if image is not None:
        changed.append("image")
    services.save_achievement(saved, request.user, image=image, changed=changed)
    if creating:
        messages.success(request, _("The badge “%(name)s” is designed.") % {"name": saved.name})
    else:
        messages.success(request, _("The changes are saved."))
    return redirect("achievements:detail", request.organization.slug, saved.public_id)


def _removed_skill(request: HttpRequest) -> int | None:
    # Each row's remove button is named like the formset's DELETE field of its row.
    for key in request.POST:
        if key.startswith("skills-") and key.endswith("-DELETE"):
            try:
                return int(key.split("-")[1])
            except ValueError:
                return None
    return None


def _rerender(
    request: HttpRequest,
    achievement: Achievement,
    form: AchievementForm,
    image_form: BadgeImageForm,
    action: str,
    removing: int | None,
) -> HttpResponse:
    """The page again with what was typed, one skill row more or less, and no error yet."""
    rows = []
    total = _total_forms(request)
    for index in range(total):
        if index == removing:
            continue
        prefix = f"skills-{index}-"
        rows.append(
            {
                "name": request.POST.get(prefix + "name", ""),
                "url": request.POST.get(prefix + "url", ""),
            }
        )
    if action == "add-skill":
        rows.append({"name": "", "url": ""})
    new_skills = skill_formset(skills=rows)
    # The fields keep the typed values; their errors wait until the person saves.
    for quiet in (form, image_form):
        quiet.full_clean()
        quiet._errors = ErrorDict()
    return _render_design(request, achievement, form, new_skills, image_form)


def _total_forms(request: HttpRequest) -> int:
    try:
        return max(0, min(int(request.POST.get("skills-TOTAL_FORMS", "0")), 40))
    except ValueError:
        return 0


def _new_image(image_form: BadgeImageForm, name: str) -> BadgeImage | None:
    data = image_form.cleaned_data
    if data.get("source") == ImageSource.UPLOAD and data.get("upload"):
        content, content_type, png = data["upload"]
        return BadgeImage(data=content, content_type=content_type, png=png)
    if data.get("source") == ImageSource.DESIGN:
        design = image_form.design(fallback_title=name)
        return BadgeImage(
            data=artwork.render_svg(design),
            content_type=SVG,
            png=artwork.render_png(design),
            design=design.to_dict(),
        )
    return None


def _render_design(
    request: HttpRequest,
    achievement: Achievement,
    form: AchievementForm,
    skills: Any,
    image_form: BadgeImageForm,
) -> HttpResponse:
    in_use = achievement.pk is not None and services.is_in_use(achievement)
    return render(
        request,
        "achievements/design.html",
        {
            "achievement": achievement,
            "creating": achievement.pk is None,
            "form": form,
            "skills": skills,
            "image_form": image_form,
            "preview": _preview_for(image_form, achievement, form),
            "in_use": in_use,
            "assessment_suggestions": [str(item) for item in ASSESSMENT_SUGGESTIONS],
        },
    )


def _preview_for(
    image_form: BadgeImageForm, achievement: Achievement, form: AchievementForm
) -> dict[str, str]:
    source = (
        image_form.data.get(image_form.add_prefix("source"))
        if image_form.is_bound
        else image_form.fields["source"].initial
    )
    if source == ImageSource.KEEP and achievement.image is not None:
        return {"url": documents.image_path(achievement, achievement.image)}
    if source == ImageSource.UPLOAD:
        return {"note": _("The uploaded image is shown once the badge is saved.")}
    name = form.data.get("name", "") if form.is_bound else (achievement.name or "")
    return _design_preview(image_form, name)


def _design_preview(image_form: BadgeImageForm, name: str) -> dict[str, str]:
    try:
        design = image_form.design(fallback_title=name.strip() or _("Your badge"))
    except artwork.DesignError:
        return {"note": _("The design cannot be drawn: please check the colours.")}
    svg = artwork.render_svg(design)
    return {"data_url": "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")}


@organization_member(Role.ISSUER)
@require_POST
def preview(request: HttpRequest) -> HttpResponse:
    """The live preview: the design fields posted by htmx, the image drawn back."""
    image_form = BadgeImageForm(request.POST, has_image=True)
    return render(
        request,
        "achievements/_preview.html",
        {"preview": _design_preview(image_form, request.POST.get("name", ""))},
    )


# --- detail -----------------------------------------------------------------------------------


@require_GET
def detail(request: HttpRequest, org: str, achievement: str) -> HttpResponse:
    """The achievement's id URL: members see it always, everyone once it has been issued.

    Machines asking for JSON get the Open Badges 3.0 Achievement a credential issued now
    would carry.
    """
    found = get_object_or_404(
        Achievement.objects.select_related("organization", "image"),
        organization__slug=org,
        public_id=achievement,
    )
    membership = _membership(request, found)
    if membership is None and not services.is_in_use(found):
        raise Http404
    document = documents.achievement_document(found)
    if _wants_json(request):
        response = JsonResponse(
            document.to_json(),
            content_type="application/ld+json",
            json_dumps_params={"ensure_ascii": False},
        )
        response["Access-Control-Allow-Origin"] = "*"
        response["Vary"] = "Accept"
        return response
    in_use = services.is_in_use(found) if membership is not None else True
    response = render(
        request,
        "achievements/detail.html",
        {
            "achievement": found,
            "document": document,
            "skills": [a for a in document.alignment if not is_eqf_alignment(a)],
            "image_url": documents.image_path(found, found.image) if found.image else None,
            "png_url": documents.image_path(found, found.image, "png")
            if found.image is not None and found.image.png is not None
            else None,
            "can_design": membership is not None and membership.has_role(Role.ISSUER),
            "is_member": membership is not None,
            "in_use": in_use,
            "public_url": documents.achievement_url(found),
            "language_name": dict(language_choices()).get(found.language, found.language),
            **eu_status(found),
        },
    )
    response["Vary"] = "Accept, Cookie"
    return response


def _membership(request: HttpRequest, achievement: Achievement) -> Membership | None:
    if not request.user.is_authenticated:
        return None
    membership = (
        Membership.objects.select_related("organization")
        .defer("organization__logo")
        .filter(organization=achievement.organization, user=request.user)
        .first()
    )
    if membership is not None:
        # The organization menu shows for members, as on every other page of theirs.
        request.organization = membership.organization  # type: ignore[attr-defined]
        request.membership = membership  # type: ignore[attr-defined]
    return membership


def _wants_json(request: HttpRequest) -> bool:
    for accepted in request.accepted_types:
        if accepted.match("text/html"):
            return False
        if any(accepted.match(kind) for kind in JSON_TYPES) and accepted.main_type != "*":
            return True
    return False


# --- archive, restore, delete -----------------------------------------------------------------


def _found(request: HttpRequest, achievement: str) -> Achievement:
    return get_scoped_or_404(
        Achievement.objects.select_related("organization"), request, public_id=achievement
    )


@organization_member(Role.ISSUER)
@require_POST
def archive(request: HttpRequest, achievement: str) -> HttpResponse:
    found = _found(request, achievement)
    if not found.is_archived:
        services.archive(found, request.user)
    messages.success(
        request,
        _("“%(name)s” is archived: it is no longer offered for issuing.") % {"name": found.name},
    )
    return redirect("achievements:detail", request.organization.slug, found.public_id)


@organization_member(Role.ISSUER)
@require_POST
def restore(request: HttpRequest, achievement: str) -> HttpResponse:
    found = _found(request, achievement)
    if found.is_archived:
        services.restore(found, request.user)
    messages.success(request, _("“%(name)s” is active again.") % {"name": found.name})
    return redirect("achievements:detail", request.organization.slug, found.public_id)


@organization_member(Role.ISSUER)
def delete(request: HttpRequest, achievement: str) -> HttpResponse:
    found = _found(request, achievement)
    in_use = services.is_in_use(found)
    if request.method == "POST":
        if services.delete_or_archive(found, request.user):
            messages.success(request, _("“%(name)s” is deleted.") % {"name": found.name})
            return redirect("achievements:list", request.organization.slug)
        messages.success(
            request,
            _("“%(name)s” has been issued, so it is archived instead of deleted.")
            % {"name": found.name},
        )
        return redirect("achievements:detail", request.organization.slug, found.public_id)
    return render(request, "achievements/delete.html", {"achievement": found, "in_use": in_use})


# --- public files -----------------------------------------------------------------------------


@require_GET
def image(
    request: HttpRequest, org: str, achievement: str, version: str, extension: str
) -> HttpResponse:
    """One version of a badge image; it never changes, so it is cached for a year."""
    found = get_object_or_404(
        BadgeImage.objects.select_related("achievement__organization"),
        achievement__organization__slug=org,
        achievement__public_id=achievement,
        version=version,
    )
    if extension == "png":
        if found.png is None:
            raise Http404
        data, content_type = bytes(found.png), PNG
    else:
        if found.content_type != SVG:
            raise Http404
        data, content_type = bytes(found.data), SVG
    response = HttpResponse(data, content_type=content_type)
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    # An SVG opened on its own must not run anything, even if the sanitizer missed something.
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
    response["Access-Control-Allow-Origin"] = "*"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response


@require_GET
def eu_context(request: HttpRequest) -> HttpResponse:
    """The EU extension's JSON-LD context, the same file the package ships and loads offline."""
    data = files("microcred.openbadges").joinpath(EU_CONTEXT_FILE).read_bytes()
    response = HttpResponse(data, content_type="application/ld+json")
    # The URL names a version; its content never changes.
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    response["Access-Control-Allow-Origin"] = "*"
    return response

"""Organization pages: create, overview, profile, logo, members and invitations."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from microcred.web.audit.log import record
from microcred.web.identity.dids import organization_did
from microcred.web.lib.mail import send_templated_mail
from microcred.web.lib.tenancy import get_scoped_or_404, organization_member
from microcred.web.organizations import services
from microcred.web.organizations.forms import (
    InvitationForm,
    OrganizationCreateForm,
    OrganizationProfileForm,
    RoleForm,
)
from microcred.web.organizations.models import Invitation, Membership, Organization, Role


@login_required
def create(request: HttpRequest) -> HttpResponse:
    form = OrganizationCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        organization = services.create_organization(owner=request.user, **data)
        messages.success(request, _("%(name)s is ready.") % {"name": organization.name})
        return redirect("organizations:overview", organization.slug)
    return render(request, "organizations/create.html", {"form": form})


@organization_member()
def overview(request: HttpRequest) -> HttpResponse:
    organization = request.organization
    return render(
        request,
        "organizations/overview.html",
        {
            "did": organization_did(organization),
            "member_count": organization.memberships.count(),
        },
    )


@organization_member(Role.ADMIN)
def profile(request: HttpRequest) -> HttpResponse:
    organization = request.organization
    form = OrganizationProfileForm(
        request.POST or None, request.FILES or None, instance=organization
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        record(organization, request.user, "organization.updated", target=organization)
        messages.success(request, _("The profile is saved."))
        return redirect("organizations:settings", organization.slug)
    return render(request, "organizations/profile.html", {"form": form})


def logo(request: HttpRequest, org: str) -> HttpResponse:
    """The logo is public: it is part of the issuer profile inside every credential."""
    organization = get_object_or_404(Organization, slug=org)
    if not organization.logo_version:
        raise Http404
    response = HttpResponse(bytes(organization.logo), content_type=organization.logo_content_type)
    if request.GET.get("v") == organization.logo_version:
        response["Cache-Control"] = "public, max-age=31536000, immutable"
    else:
        response["Cache-Control"] = "public, max-age=300"
    # An SVG opened on its own must not run anything, even if the sanitizer missed something.
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
    response["Access-Control-Allow-Origin"] = "*"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response


@organization_member()
def members(request: HttpRequest) -> HttpResponse:
    return _members_page(
        request, InvitationForm(roles=services.grantable_roles(request.membership))
    )


def _members_page(
    request: HttpRequest, invitation_form: InvitationForm, status: int = 200
) -> HttpResponse:
    actor = request.membership
    owners = request.organization.memberships.filter(role=Role.OWNER).count()
    memberships = request.organization.memberships.select_related("user").order_by(
        "user__name", "user__email"
    )
    rows = [
        {
            "membership": membership,
            "form": RoleForm(
                initial={"role": membership.role}, roles=services.grantable_roles(actor)
            )
            if services.can_grant(actor, membership.role)
            else None,
            "removable": (membership.pk == actor.pk or services.can_grant(actor, membership.role))
            and not (membership.role == Role.OWNER and owners == 1),
        }
        for membership in memberships
    ]
    return render(
        request,
        "organizations/members.html",
        {
            "rows": rows,
            "invitations": request.organization.invitations.open() if actor.is_admin else [],
            "invitation_form": invitation_form,
            "roles": list(Role),
        },
        status=status,
    )


@organization_member(Role.ADMIN)
@require_POST
def invite(request: HttpRequest) -> HttpResponse:
    form = InvitationForm(request.POST, roles=services.grantable_roles(request.membership))
    if not form.is_valid():
        return _members_page(request, form, status=400)
    try:
        invitation, token = services.invite(
            request.membership, form.cleaned_data["email"], form.cleaned_data["role"]
        )
    except services.MembershipError as error:
        form.add_error("email", str(error))
        return _members_page(request, form, status=400)
    send_templated_mail(
        invitation.email,
        "organizations/email/invitation",
        {
            "invitation": invitation,
            "inviter": request.user,
            "link": settings.MICROCRED_BASE_URL + reverse("organizations:invitation", args=[token]),
        },
    )
    messages.success(
        request, _("The invitation is on its way to %(email)s.") % {"email": invitation.email}
    )
    return redirect("organizations:members", request.organization.slug)


@organization_member(Role.ADMIN)
@require_POST
def revoke_invitation(request: HttpRequest, invitation_id: int) -> HttpResponse:
    invitation = get_scoped_or_404(Invitation.objects.open(), request, pk=invitation_id)
    services.revoke_invitation(request.membership, invitation)
    messages.success(
        request, _("The invitation to %(email)s is withdrawn.") % {"email": invitation.email}
    )
    return redirect("organizations:members", request.organization.slug)


@organization_member(Role.ADMIN)
@require_POST
def change_role(request: HttpRequest, membership_id: int) -> HttpResponse:
    member = get_scoped_or_404(Membership.objects.select_related("user"), request, pk=membership_id)
    form = RoleForm(request.POST, roles=list(Role))
    if form.is_valid():
        try:
            services.change_role(request.membership, member, form.cleaned_data["role"])
        except services.MembershipError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("%(person)s is now %(role)s.")
                % {"person": member.user, "role": Role(member.role).label},
            )
    else:
        messages.error(request, _("Please choose one of the roles."))
    return redirect("organizations:members", request.organization.slug)


@organization_member()
@require_POST
def remove_member(request: HttpRequest, membership_id: int) -> HttpResponse:
    member = get_scoped_or_404(Membership.objects.select_related("user"), request, pk=membership_id)
    leaving = member.pk == request.membership.pk
    try:
        services.remove_member(request.membership, member)
    except services.MembershipError as error:
        messages.error(request, str(error))
        return redirect("organizations:members", request.organization.slug)
    if leaving:
        messages.success(request, _("You left %(name)s.") % {"name": request.organization.name})
        return redirect("front:home")
    messages.success(request, _("%(person)s was removed.") % {"person": member.user})
    return redirect("organizations:members", request.organization.slug)


def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """The page an invitation link opens; accepting needs the invited address's account."""
    found = services.find_invitation(token)
    if found is None:
        return render(request, "organizations/invitation_invalid.html", status=404)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        try:
            services.accept_invitation(found, request.user)
        except services.MembershipError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Welcome to %(name)s.") % {"name": found.organization.name})
            return redirect("organizations:overview", found.organization.slug)
    return render(request, "organizations/invitation.html", {"invitation": found})

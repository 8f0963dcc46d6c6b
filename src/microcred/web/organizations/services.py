"""What people do with organizations, as functions the views (and the demo) call."""

from __future__ import annotations

import secrets
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from microcred.web.accounts.models import User, normalize_email
from microcred.web.audit.log import record
from microcred.web.identity.keys import create_key
from microcred.web.organizations.models import (
    INVITATION_LIFETIME,
    Invitation,
    Membership,
    Organization,
    Role,
    token_hash,
)


class MembershipError(ValueError):
    """A change to the members that the rules forbid; the message is shown to the person."""


def suggest_slug(name: str) -> str:
    """A free address for a new organization, derived from its name."""
    base = slugify(name)[:44].strip("-") or "organization"
    slug, number = base, 1
    while Organization.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def create_organization(*, owner: User, name: str, slug: str = "", **profile: Any) -> Organization:
    """The organization, its owner's membership and its first signing key, together."""
    with transaction.atomic():
        organization = Organization.objects.create(
            name=name, slug=slug or suggest_slug(name), **profile
        )
        Membership.objects.create(organization=organization, user=owner, role=Role.OWNER)
        record(organization, owner, "organization.created", target=organization)
        create_key(organization, actor=owner)
    return organization


# --- roles -------------------------------------------------------------------------------------


def can_grant(actor: Membership, role: Role | str) -> bool:
    """Admins manage admins, issuers and viewers; only owners manage owners."""
    if not actor.has_role(Role.ADMIN):
        return False
    return Role(role) != Role.OWNER or actor.has_role(Role.OWNER)


def grantable_roles(actor: Membership) -> list[Role]:
    return [role for role in Role if can_grant(actor, role)]


def change_role(actor: Membership, member: Membership, role: Role | str) -> Membership:
    role = Role(role)
    if not (can_grant(actor, member.role) and can_grant(actor, role)):
        raise MembershipError(_("Only owners can make someone an owner or change an owner's role."))
    with transaction.atomic():
        _keep_an_owner(member, leaving=role != Role.OWNER)
        previous = member.role
        member.role = role
        member.save(update_fields=["role"])
        record(
            actor.organization,
            actor.user,
            "member.role_changed",
            target=member.user,
            details={"from": previous, "to": role.value},
        )
    return member


def remove_member(actor: Membership, member: Membership) -> None:
    leaving_by_choice = actor.pk == member.pk
    if not leaving_by_choice and not can_grant(actor, member.role):
        raise MembershipError(_("Only owners can remove an owner."))
    with transaction.atomic():
        _keep_an_owner(member, leaving=True)
        member.delete()
        record(actor.organization, actor.user, "member.removed", target=member.user)


def _keep_an_owner(member: Membership, *, leaving: bool) -> None:
    if not leaving or member.role != Role.OWNER:
        return
    owners = Membership.objects.select_for_update().filter(
        organization_id=member.organization_id, role=Role.OWNER
    )
    if owners.count() <= 1:
        raise MembershipError(
            _("An organization needs at least one owner. Make someone else an owner first.")
        )


# --- invitations -------------------------------------------------------------------------------


def invite(actor: Membership, email: str, role: Role | str) -> tuple[Invitation, str]:
    """A new invitation and its secret token (only its hash is stored)."""
    email = normalize_email(email)
    if not can_grant(actor, role):
        raise MembershipError(_("Only owners can invite owners."))
    organization = actor.organization
    if Membership.objects.filter(organization=organization, user__email=email).exists():
        raise MembershipError(_("%(email)s is already a member.") % {"email": email})
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        # Inviting the same address again replaces the earlier link.
        organization.invitations.filter(email=email, accepted_at__isnull=True).delete()
        invitation = Invitation.objects.create(
            organization=organization,
            email=email,
            role=Role(role),
            token_hash=token_hash(token),
            invited_by=actor.user,
            expires_at=timezone.now() + INVITATION_LIFETIME,
        )
        record(
            organization,
            actor.user,
            "member.invited",
            label=email,
            details={"email": email, "role": Role(role).value},
        )
    return invitation, token


def find_invitation(token: str) -> Invitation | None:
    if not token or len(token) > 100:
        return None
    return (
        Invitation.objects.open()
        .select_related("organization")
        .filter(token_hash=token_hash(token))
        .first()
    )


def accept_invitation(invitation: Invitation, user: User) -> Membership:
    if normalize_email(user.email) != normalize_email(invitation.email):
        raise MembershipError(
            _("This invitation is for %(email)s. Log in with that address to accept it.")
            % {"email": invitation.email}
        )
    if not invitation.is_open:
        raise MembershipError(_("This invitation has expired or was already used."))
    try:
        with transaction.atomic():
            membership = Membership.objects.create(
                organization=invitation.organization, user=user, role=invitation.role
            )
            invitation.accepted_at = timezone.now()
            invitation.save(update_fields=["accepted_at"])
            record(
                invitation.organization, user, "member.joined", details={"role": invitation.role}
            )
    except IntegrityError:
        raise MembershipError(_("You are already a member of this organization.")) from None
    return membership


def revoke_invitation(actor: Membership, invitation: Invitation) -> None:
    with transaction.atomic():
        invitation.delete()
        record(
            actor.organization,
            actor.user,
            "invitation.revoked",
            label=invitation.email,
            details={"email": invitation.email},
        )

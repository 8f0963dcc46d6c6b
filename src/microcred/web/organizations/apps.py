from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganizationsConfig(AppConfig):
    name = "microcred.web.organizations"
    label = "organizations"
    verbose_name = _("Organizations")

    def ready(self) -> None:
        from microcred.web.audit import actions
        from microcred.web.organizations import navigation
        from microcred.web.organizations.models import Role

        navigation.register("organizations:overview", _("Overview"), order=0)
        navigation.register("organizations:members", _("Members"), order=80)
        navigation.register("organizations:settings", _("Profile"), min_role=Role.ADMIN, order=90)
        actions.register("organization.created", _("created the organization"))
        actions.register("organization.updated", _("changed the organization's profile"))
        actions.register("member.invited", _("invited a member"))
        actions.register("member.joined", _("joined the organization"))
        actions.register("member.role_changed", _("changed a member's role"))
        actions.register("member.removed", _("removed a member"))
        actions.register("invitation.revoked", _("withdrew an invitation"))

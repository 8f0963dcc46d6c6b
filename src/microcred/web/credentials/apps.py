from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CredentialsConfig(AppConfig):
    name = "microcred.web.credentials"
    label = "credentials"
    verbose_name = _("Credentials")

    def ready(self) -> None:
        from microcred.web.audit import actions
        from microcred.web.organizations import navigation
        from microcred.web.organizations.roles import Role

        navigation.register("credentials:list", _("Credentials"), order=30)
        navigation.register("credentials:settings", _("Issuing"), min_role=Role.ADMIN, order=86)
        actions.register("credential.issued", _("issued a credential"))
        actions.register("credential.revoked", _("revoked a credential"))
        actions.register("credential.suspended", _("suspended a credential"))
        actions.register("credential.unsuspended", _("lifted the suspension of a credential"))
        actions.register("issuing.updated", _("changed how credentials are issued"))

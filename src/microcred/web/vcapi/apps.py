from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VcApiConfig(AppConfig):
    name = "microcred.web.vcapi"
    label = "vcapi"
    verbose_name = _("VC API")

    def ready(self) -> None:
        from microcred.web.audit import actions
        from microcred.web.organizations import navigation
        from microcred.web.organizations.roles import Role

        navigation.register("vcapi:tokens", _("API tokens"), min_role=Role.ADMIN, order=88)
        actions.register("apitoken.created", _("created an API token"))
        actions.register("apitoken.revoked", _("revoked an API token"))

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SharingConfig(AppConfig):
    name = "microcred.web.sharing"
    label = "sharing"
    verbose_name = _("Sharing")

    def ready(self) -> None:
        from microcred.web.audit import actions
        from microcred.web.organizations import navigation
        from microcred.web.organizations.roles import Role

        navigation.register("sharing:settings", _("Sharing"), min_role=Role.ADMIN, order=87)
        actions.register("sharing.updated", _("changed how credentials are shared"))

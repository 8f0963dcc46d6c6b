from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "microcred.web.audit"
    label = "audit"
    verbose_name = _("Audit log")

    def ready(self) -> None:
        from microcred.web.organizations import navigation
        from microcred.web.organizations.roles import Role

        navigation.register("audit:events", _("Audit log"), min_role=Role.ADMIN, order=95)

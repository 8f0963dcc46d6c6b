from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IdentityConfig(AppConfig):
    name = "microcred.web.identity"
    label = "identity"
    verbose_name = _("Identity and keys")

    def ready(self) -> None:
        from microcred.web.audit import actions
        from microcred.web.identity import checks  # noqa: F401  (registers the system check)
        from microcred.web.organizations import navigation

        navigation.register("identity:settings", _("Identity & keys"), order=85)
        actions.register("key.created", _("created a signing key"))
        actions.register("key.rotated", _("rotated the signing key"))

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeliveryConfig(AppConfig):
    name = "microcred.web.delivery"
    label = "delivery"
    verbose_name = _("E-mail delivery")

    def ready(self) -> None:
        from microcred.web.audit import actions
        from microcred.web.credentials import panels
        from microcred.web.delivery.panel import panel_context
        from microcred.web.delivery.recovery import requeue_stranded
        from microcred.web.lib import worker_start

        panels.register("delivery", "delivery/panel.html", panel_context, order=20)
        actions.register("credential.delivery_resent", _("sent a credential's e-mail again"))
        worker_start.register("delivery.requeue_stranded", requeue_stranded)

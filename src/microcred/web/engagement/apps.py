from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EngagementConfig(AppConfig):
    name = "microcred.web.engagement"
    label = "engagement"
    verbose_name = _("Engagement")

    def ready(self) -> None:
        from microcred.web.credentials import panels
        from microcred.web.engagement.panel import panel_context
        from microcred.web.organizations import navigation

        navigation.register("engagement:overview", _("Engagement"), order=40)
        panels.register("engagement", "engagement/_panel.html", panel_context, order=30)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AchievementsConfig(AppConfig):
    name = "microcred.web.achievements"
    label = "achievements"
    verbose_name = _("Achievements")

    def ready(self) -> None:
        from microcred.web.audit import actions
        from microcred.web.organizations import navigation

        navigation.register("achievements:list", _("Badges"), order=10)
        actions.register("achievement.created", _("designed a badge"))
        actions.register("achievement.updated", _("changed a badge"))
        actions.register("achievement.archived", _("archived a badge"))
        actions.register("achievement.restored", _("restored an archived badge"))
        actions.register("achievement.deleted", _("deleted a badge"))

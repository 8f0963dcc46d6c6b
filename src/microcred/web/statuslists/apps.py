from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatusListsConfig(AppConfig):
    name = "microcred.web.statuslists"
    label = "statuslists"
    verbose_name = _("Status lists")

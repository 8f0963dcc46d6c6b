from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HolderConfig(AppConfig):
    name = "microcred.web.holder"
    label = "holder"
    verbose_name = _("Recipients")

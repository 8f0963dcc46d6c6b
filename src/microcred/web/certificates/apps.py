from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "microcred.web.certificates"
    label = "certificates"
    verbose_name = _("Certificates")

    def ready(self) -> None:
        from microcred.web.audit import actions
        from microcred.web.organizations import navigation
        from microcred.web.organizations.roles import Role

        navigation.register("certificates:design", _("Certificate"), min_role=Role.ADMIN, order=87)
        actions.register("certificate.design_updated", _("changed the certificate design"))

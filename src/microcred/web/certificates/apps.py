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
        _import_weasyprint_and_restore_pillow()


def _import_weasyprint_and_restore_pillow() -> None:
    """WeasyPrint switches Pillow to accept truncated images for the whole process when it
    is imported. That would also let damaged or bomb-carrying uploads (logos, badge images)
    through Pillow's checks elsewhere; certificates embed only images microcred made itself,
    so the setting goes back to Pillow's default, once, at start-up."""
    import weasyprint  # noqa: F401
    from PIL import ImageFile

    ImageFile.LOAD_TRUNCATED_IMAGES = False

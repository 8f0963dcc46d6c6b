"""One series of attempts to bring a credential to its recipient by e-mail.

A resend is a new row, so the page shows what happened to every e-mail that went out. The
error is kept as a kind and the mail server's own words; ``last_error`` turns them into a
sentence in the language of whoever reads the page. No IP addresses are stored.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    QUEUED = "queued", _("queued")
    SENDING = "sending", _("sending")
    SENT = "sent", _("sent")
    FAILED = "failed", _("failed")
    BOUNCED = "bounced", _("bounced")


class Problem(models.TextChoices):
    NONE = "", _("none")
    UNREACHABLE = "unreachable", _("mail server unreachable")
    TIMEOUT = "timeout", _("mail server too slow")
    DEFERRED = "deferred", _("deferred by the mail server")
    LOGIN = "login", _("login at the mail server refused")
    SENDER = "sender", _("sender address refused")
    RECIPIENT = "recipient", _("recipient address refused")
    MESSAGE = "message", _("message refused")
    REVOKED = "revoked", _("credential revoked")
    REPLACED = "replaced", _("replaced by a newer e-mail")
    UNEXPECTED = "unexpected", _("unexpected error")


_SENTENCES = {
    Problem.UNREACHABLE: _("The mail server could not be reached."),
    Problem.TIMEOUT: _("The mail server did not answer in time."),
    Problem.DEFERRED: _("The mail server asked to try again later."),
    Problem.LOGIN: _(
        "The mail server did not accept microcred's login; check MICROCRED_EMAIL_URL."
    ),
    Problem.SENDER: _("The mail server refused the sender address; check MICROCRED_EMAIL_FROM."),
    Problem.RECIPIENT: _(
        "The recipient's mail server refused the address; check it for typing errors."
    ),
    Problem.MESSAGE: _("The mail server refused the message."),
    Problem.REVOKED: _("The credential was revoked before the e-mail went out."),
    Problem.REPLACED: _("A newer e-mail to the recipient replaced this one."),
    Problem.UNEXPECTED: _("An unexpected error stopped the e-mail; the server log has details."),
}


class Delivery(models.Model):
    credential = models.ForeignKey(
        "credentials.IssuedCredential", on_delete=models.CASCADE, related_name="deliveries"
    )
    to_address = models.EmailField(_("to"))
    language = models.CharField(_("language"), max_length=8)
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    problem = models.CharField(max_length=12, choices=Problem.choices, blank=True, default="")
    # What the mail server said (or the network error), without stack traces.
    server_reply = models.CharField(max_length=300, blank=True, default="")
    queued_at = models.DateTimeField(_("queued"), default=timezone.now, editable=False)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)

    class Meta:
        verbose_name = _("e-mail delivery")
        verbose_name_plural = _("e-mail deliveries")
        ordering = ("-queued_at", "-pk")
        indexes = (
            models.Index(fields=["credential", "-queued_at"], name="delivery_by_credential"),
        )

    def __str__(self) -> str:
        return f"delivery {self.pk} of credential {self.credential_id}: {self.status}"

    @property
    def last_error(self) -> str:
        """The problem as a sentence, with the server's words when there are any."""
        if not self.problem:
            return ""
        sentence = str(_SENTENCES[Problem(self.problem)])
        return f"{sentence} ({self.server_reply})" if self.server_reply else sentence

    @property
    def is_pending(self) -> bool:
        return self.status in {Status.QUEUED, Status.SENDING}

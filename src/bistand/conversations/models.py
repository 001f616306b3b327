# SPDX-License-Identifier: EUPL-1.2
"""Secure messages between an applicant and the caseworkers of their case."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class SecureMessage(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="messages")
    sender = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    from_staff = models.BooleanField(_("from staff"))
    body = models.TextField(_("message"), max_length=5000)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    filed_to_journal_at = models.DateTimeField(_("filed in the journal"), null=True, blank=True)
    filed_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # The page's one-time key: a double click, a reload or a retried request sends one message.
    submission_key = models.UUIDField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["sender", "submission_key"], name="message_sent_once_per_key"
            ),
        ]
        verbose_name = _("secure message")
        verbose_name_plural = _("secure messages")

    def __str__(self) -> str:
        return f"{self.case_id} {self.created_at:%Y-%m-%d %H:%M}"

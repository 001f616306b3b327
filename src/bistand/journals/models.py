# SPDX-License-Identifier: EUPL-1.2
"""The case journal (SoL 14 kap. 3 §, 11 kap. 5 § before 2025-07): dated entries that are never
changed once signed, only followed by a correction entry."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class EntryKind(models.TextChoices):
    NOTE = "note", _("Journal note")
    MESSAGE = "message", _("Message from the e-service")
    DECISION = "decision", _("Decision")
    CORRECTION = "correction", _("Correction")


class JournalEntry(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="journal")
    kind = models.CharField(_("kind"), max_length=20, choices=EntryKind.choices)
    text = models.TextField(_("text"), max_length=20000)
    author = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    corrects = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="corrections",
        verbose_name=_("corrects"),
    )
    source_message = models.OneToOneField(
        "conversations.SecureMessage",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="journal_entry",
    )
    source_decision = models.OneToOneField(
        "decisions.Decision",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="journal_entry",
    )
    signed_at = models.DateTimeField(_("signed"), null=True, blank=True)
    # The page's one-time key: a double click saves one entry, which, once signed, stays.
    submission_key = models.UUIDField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["author", "submission_key"], name="journal_entry_once_per_key"
            ),
        ]
        verbose_name = _("journal entry")
        verbose_name_plural = _("journal")

    def __str__(self) -> str:
        return f"{self.case_id} {self.created_at:%Y-%m-%d} {self.kind}"

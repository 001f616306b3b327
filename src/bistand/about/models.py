# SPDX-License-Identifier: EUPL-1.2
"""What people tell us about the e-service's accessibility (ADR 0035)."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportKind(models.TextChoices):
    DEFICIENCY = "deficiency", _("Something is hard or impossible to use")
    ACCESSIBLE_COPY = "accessible_copy", _("I need content in another, accessible form")


class AccessibilityReport(models.Model):
    """A report of an accessibility deficiency, or a request for content in an accessible form.
    Anyone may send one, without logging in and without giving a name."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("what it is about"), max_length=20, choices=ReportKind.choices)
    page = models.CharField(_("the page"), max_length=300, blank=True)
    description = models.TextField(_("what happened"), max_length=4000)
    reply_to = models.EmailField(_("e-mail for the answer"), blank=True)
    language = models.CharField(_("language"), max_length=10)
    submission_key = models.UUIDField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)
    handled_by = models.CharField(_("handled by"), max_length=150, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["submission_key"], name="accessibility_report_once")
        ]
        verbose_name = _("accessibility report")
        verbose_name_plural = _("accessibility reports")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.created_at:%Y-%m-%d})"

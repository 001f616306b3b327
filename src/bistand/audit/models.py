# SPDX-License-Identifier: EUPL-1.2
"""The access log: every read of a person's or case's page, every export, every write.

Append-only. Rows name the actor by value (id, username, role, units) rather than by
foreign key, so that nothing done to a user later can rewrite history; on PostgreSQL a
trigger refuses UPDATE and DELETE (migration 0002).
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AccessAction(models.TextChoices):
    READ = "read", _("Read")
    WRITE = "write", _("Write")
    EXPORT = "export", _("Export")


class AccessLogEntry(models.Model):
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    actor_id = models.UUIDField(_("user id"), null=True)
    actor_username = models.CharField(_("user"), max_length=150)
    actor_role = models.CharField(_("role"), max_length=20)
    actor_units = models.CharField(_("user's units"), max_length=500, blank=True)
    action = models.CharField(_("action"), max_length=10, choices=AccessAction.choices)
    object_type = models.CharField(_("object type"), max_length=40)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    inside_unit = models.BooleanField(_("inside own unit"))
    granted = models.BooleanField(_("granted"))
    path = models.CharField(_("address"), max_length=500, blank=True)
    changes = models.JSONField(_("old and new values"), null=True, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["object_type", "object_id"], name="accesslog_object"),
            models.Index(fields=["actor_id", "at"], name="accesslog_actor"),
        ]
        verbose_name = _("access-log entry")
        verbose_name_plural = _("access log")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_username} {self.action} {self.object_type}"

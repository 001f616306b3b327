# SPDX-License-Identifier: EUPL-1.2
from django.db import models


class Submission(models.Model):
    key = models.UUIDField(unique=True)
    at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return str(self.key)

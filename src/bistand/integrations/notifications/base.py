# SPDX-License-Identifier: EUPL-1.2
"""Notification channels: one base class, one registry, one module per channel."""

from __future__ import annotations

from abc import ABC, abstractmethod


class SmsGateway(ABC):
    """Send one SMS. Implementations talk to the municipality's SMS provider."""

    @abstractmethod
    def send(self, *, to: str, text: str) -> None: ...

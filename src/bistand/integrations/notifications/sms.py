# SPDX-License-Identifier: EUPL-1.2
import logging

from bistand.integrations.notifications.base import SmsGateway

logger = logging.getLogger(__name__)
SENT: list[tuple[str, str]] = []  # the last messages, for local use and tests


class LoggingSmsGateway(SmsGateway):
    """Development gateway: records and logs instead of sending."""

    def send(self, *, to: str, text: str) -> None:
        SENT.append((to, text))
        del SENT[:-100]
        logger.info("SMS to %s: %s", to, text)

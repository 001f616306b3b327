# SPDX-License-Identifier: EUPL-1.2
"""The one shape of a refused action: a stable code (tests assert it) and a translated message."""

from typing import Any


class DomainError(ValueError):
    def __init__(self, code: str, message: Any) -> None:
        self.code = code
        self.message = message
        super().__init__(code)

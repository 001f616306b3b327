# SPDX-License-Identifier: EUPL-1.2
"""Checking an uploaded document by its content, never by its name or declared type."""

from __future__ import annotations

import io
from dataclasses import dataclass
from enum import StrEnum

from PIL import Image, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.errors import PdfReadError

PDF, PNG, JPEG = "application/pdf", "image/png", "image/jpeg"
_MAGIC = ((b"%PDF-", PDF), (b"\x89PNG\r\n\x1a\n", PNG), (b"\xff\xd8\xff", JPEG))
_EXTENSION = {PDF: "pdf", PNG: "png", JPEG: "jpg"}


class UploadErrorCode(StrEnum):
    EMPTY = "empty"
    TOO_LARGE = "too_large"
    UNSUPPORTED_TYPE = "unsupported_type"
    BROKEN_PDF = "broken_pdf"
    BROKEN_IMAGE = "broken_image"
    ALREADY_ADDED = "already_added"  # the same file is already one of the application's


class UploadError(ValueError):
    def __init__(self, code: UploadErrorCode, **params: object) -> None:
        self.code = code
        self.params = params
        super().__init__(code)


@dataclass(frozen=True)
class CheckedUpload:
    content_type: str
    extension: str
    size: int


def sniff_content_type(head: bytes) -> str | None:
    for magic, content_type in _MAGIC:
        if head.startswith(magic):
            return content_type
    return None


def check_upload(content: bytes, *, max_bytes: int) -> CheckedUpload:
    """Accept a PDF, PNG or JPEG that really is one and opens; refuse everything else."""
    size = len(content)
    if size == 0:
        raise UploadError(UploadErrorCode.EMPTY)
    if size > max_bytes:
        raise UploadError(UploadErrorCode.TOO_LARGE, max_mb=max_bytes // (1024 * 1024))
    content_type = sniff_content_type(content[:16])
    if content_type is None:
        raise UploadError(UploadErrorCode.UNSUPPORTED_TYPE)
    if content_type == PDF:
        try:
            if len(PdfReader(io.BytesIO(content), strict=False).pages) < 1:
                raise UploadError(UploadErrorCode.BROKEN_PDF)
        except (PdfReadError, ValueError, KeyError, TypeError, OSError) as error:
            if isinstance(error, UploadError):
                raise
            raise UploadError(UploadErrorCode.BROKEN_PDF) from error
    else:
        try:
            with Image.open(io.BytesIO(content)) as image:
                image.verify()
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
            raise UploadError(UploadErrorCode.BROKEN_IMAGE) from error
    return CheckedUpload(content_type, _EXTENSION[content_type], size)

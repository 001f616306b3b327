# SPDX-License-Identifier: EUPL-1.2
"""Checking an uploaded document by its content, never by its name or declared type."""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from enum import StrEnum

from PIL import Image, UnidentifiedImageError
from pypdf import PasswordType, PdfReader
from pypdf.errors import PdfReadError

PDF, PNG, JPEG = "application/pdf", "image/png", "image/jpeg"
_MAGIC = ((b"%PDF-", PDF), (b"\x89PNG\r\n\x1a\n", PNG), (b"\xff\xd8\xff", JPEG))
_EXTENSION = {PDF: "pdf", PNG: "png", JPEG: "jpg"}


class UploadErrorCode(StrEnum):
    EMPTY = "empty"
    TOO_LARGE = "too_large"
    UNSUPPORTED_TYPE = "unsupported_type"
    BROKEN_PDF = "broken_pdf"
    LOCKED_PDF = "locked_pdf"  # opens only with a password, which the caseworker does not have
    BROKEN_IMAGE = "broken_image"
    TOO_MANY_PIXELS = "too_many_pixels"
    ALREADY_ADDED = "already_added"  # the same file is already one of the application's
    TOO_MANY_DOCUMENTS = "too_many_documents"  # the application holds as many as it may


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


def check_size(size: int, *, max_bytes: int) -> None:
    """Refuse an empty or oversized file by its size alone, before it is read into memory."""
    if size == 0:
        raise UploadError(UploadErrorCode.EMPTY)
    if size > max_bytes:
        raise UploadError(UploadErrorCode.TOO_LARGE, max_mb=max_bytes // (1024 * 1024))


def check_upload(content: bytes, *, max_bytes: int, max_pixels: int) -> CheckedUpload:
    """Accept a PDF, PNG or JPEG that really is one and opens; refuse everything else.

    "Opens" means what the caseworker will do with it: a PDF has a page and needs no password;
    a picture is whole (a JPEG is decoded, at an eighth of its size, to find a cut-off file)
    and has no more than `max_pixels` pixels."""
    size = len(content)
    check_size(size, max_bytes=max_bytes)
    content_type = sniff_content_type(content[:16])
    if content_type is None:
        raise UploadError(UploadErrorCode.UNSUPPORTED_TYPE)
    if content_type == PDF:
        _check_pdf(content)
    else:
        _check_image(content, content_type, max_pixels=max_pixels)
    return CheckedUpload(content_type, _EXTENSION[content_type], size)


# Where a JPEG keeps what is said about the picture rather than the picture: APP1 (Exif: the
# place it was taken, the camera, the time; XMP) and APP13 (IPTC). The colour profile (APP2) and
# Adobe's colour transform (APP14) stay: without them some pictures show the wrong colours.
_JPEG_METADATA_MARKERS = frozenset({0xE1, 0xED})
_JPEG_START_OF_SCAN = 0xDA
_EXIF_ORIENTATION = 0x0112


def without_metadata(content: bytes, content_type: str) -> bytes:
    """A photo as the applicant sees it, without what its file says about them.

    A phone writes into a JPEG where the picture was taken, to the metre, and the phone's make
    and serial number. The caseworker needs none of it, and for a person with a protected
    address the place is the one thing that must not be kept. The picture itself is not
    decoded again: only the JPEG's metadata segments go, and one Exif segment holding only the
    orientation comes back, so that a photo taken upright is still shown upright. PDFs and PNGs
    are stored as they came. A JPEG whose segments cannot be read is stored as it came."""
    if content_type != JPEG:
        return content
    try:
        with Image.open(io.BytesIO(content)) as image:
            size, orientation = image.size, image.getexif().get(_EXIF_ORIENTATION)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return content
    kept = _jpeg_segments_kept(content)
    if kept is None:
        return content
    head, scan = kept
    if orientation not in (None, 1):
        exif = Image.Exif()
        exif[_EXIF_ORIENTATION] = orientation
        payload = exif.tobytes()
        segment = b"\xff\xe1" + (len(payload) + 2).to_bytes(2, "big") + payload
        head.insert(_after_jfif(head), segment)
    cleaned = b"\xff\xd8" + b"".join(head) + scan
    try:  # the same picture, read as a viewer reads it
        with Image.open(io.BytesIO(cleaned)) as image:
            same = image.size == size and image.getexif().get(_EXIF_ORIENTATION) == orientation
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        same = False
    return cleaned if same else content


def _jpeg_segments_kept(content: bytes) -> tuple[list[bytes], bytes] | None:
    """The segments before the picture's data, less the metadata ones, and the data itself."""
    segments: list[bytes] = []
    at = 2  # after the start-of-image marker
    while at + 4 <= len(content):
        if content[at] != 0xFF:
            return None
        marker = content[at + 1]
        if marker == 0xFF:  # a fill byte before a marker
            at += 1
            continue
        if marker == _JPEG_START_OF_SCAN:
            return segments, content[at:]
        end = at + 2 + int.from_bytes(content[at + 2 : at + 4], "big")
        if end > len(content):
            return None
        if marker not in _JPEG_METADATA_MARKERS:
            segments.append(content[at:end])
        at = end
    return None


def _after_jfif(segments: list[bytes]) -> int:
    """Where the Exif segment goes: first, or after the JFIF segment (APP0) when there is one."""
    return 1 if segments and segments[0][1] == 0xE0 else 0


def _check_pdf(content: bytes) -> None:
    try:
        reader = PdfReader(io.BytesIO(content), strict=False)
        # A PDF locked only against changes opens with the empty password, as in any reader.
        if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
            raise UploadError(UploadErrorCode.LOCKED_PDF)
        pages = len(reader.pages)
    except UploadError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as error:
        raise UploadError(UploadErrorCode.BROKEN_PDF) from error
    if pages < 1:
        raise UploadError(UploadErrorCode.BROKEN_PDF)


def _check_image(content: bytes, content_type: str, *, max_pixels: int) -> None:
    too_many = UploadError(UploadErrorCode.TOO_MANY_PIXELS, max_megapixels=max_pixels // 1_000_000)
    try:
        with warnings.catch_warnings():
            # Pillow warns above its own limit; the limit that counts here is max_pixels.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(content)) as image:
                width, height = image.size
                if width * height > max_pixels:
                    raise too_many
                if content_type == JPEG:
                    image.draft("RGB", (max(1, width // 8), max(1, height // 8)))
                    image.load()
                else:
                    image.verify()
    except UploadError:
        raise
    except Image.DecompressionBombError as error:  # beyond even Pillow's own hard limit
        raise too_many from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise UploadError(UploadErrorCode.BROKEN_IMAGE) from error

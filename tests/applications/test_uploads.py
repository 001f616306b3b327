"""Documents are checked by their content: a renamed program, an oversized file and a PDF that
is not one are refused with a clear message, and nothing is stored."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from bistand.applications.models import Attachment
from tests.factories import World, client_for, pdf_bytes, response_close


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, format="PNG")
    return buffer.getvalue()


PNG_1X1 = _png()


def _stored_files() -> set[Path]:
    root = Path(settings.ATTACHMENTS_ROOT)
    return {p for p in root.rglob("*") if p.is_file()} if root.exists() else set()


def _upload(world: World, name: str, content: bytes, content_type: str = "application/pdf"):  # type: ignore[no-untyped-def]
    url = reverse("applications:documents", kwargs={"application_id": world.draft_a.pk})
    return client_for(world.applicant).post(
        url, {"kind": "bank_statement", "file": SimpleUploadedFile(name, content, content_type)}
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("kontoutdrag.pdf", b"MZ\x90\x00\x03" + b"\x00" * 200, "bara ta emot PDF, JPG och PNG"),
        (
            "hyra.pdf",
            b"%PDF-1.7\nthis is not really a pdf at all\n%%EOF",
            "kan inte öppnas som en PDF",
        ),
        ("bild.png", b"\x89PNG\r\n\x1a\n" + b"garbage" * 10, "Bilden kan inte öppnas"),
        ("tom.pdf", b"", "är tom"),
    ],
)
def test_a_bad_file_is_refused_with_a_message_and_not_stored(
    world: World, name: str, content: bytes, message: str
) -> None:
    before_rows, before_files = Attachment.objects.count(), _stored_files()
    response = _upload(world, name, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Attachment.objects.count() == before_rows
    assert _stored_files() == before_files


@pytest.mark.django_db
def test_an_oversized_file_is_refused(world: World, settings) -> None:  # type: ignore[no-untyped-def]
    settings.BISTAND_ATTACHMENT_MAX_BYTES = 2048
    before = Attachment.objects.count()
    response = _upload(world, "stor.pdf", pdf_bytes(pages=40))
    assert "större än" in response.content.decode()
    assert Attachment.objects.count() == before


@pytest.mark.django_db
def test_real_pdf_and_image_are_stored_outside_the_web_root_and_typed_by_content(
    world: World,
) -> None:
    response = _upload(world, "kvitto.pdf", PNG_1X1, "application/pdf")  # a PNG named .pdf
    assert response.status_code == 302
    attachment = Attachment.objects.get(original_name="kvitto.pdf")
    assert attachment.content_type == "image/png"
    path = Path(attachment.file.path)
    assert path.is_relative_to(Path(settings.ATTACHMENTS_ROOT))
    assert not path.is_relative_to(Path(settings.STATIC_ROOT))
    download = client_for(world.applicant).get(
        reverse("applications:attachment", kwargs={"attachment_id": attachment.pk})
    )
    assert b"".join(download.streaming_content) == PNG_1X1
    response_close(download)

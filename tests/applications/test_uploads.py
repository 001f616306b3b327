"""Documents are checked by their content: a renamed program, an oversized file and a PDF that
is not one are refused with a clear message, and nothing is stored."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse
from PIL import Image

from bistand.applications.models import Attachment
from bistand.applications.services import attachment_add
from bistand.applications.uploads import UploadError, UploadErrorCode
from bistand.audit.models import AccessLogEntry
from tests.concurrency import at_once
from tests.factories import World, client_for, pdf_bytes, response_close


def _saved(image: Image.Image, kind: str) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=kind)
    return buffer.getvalue()


PNG_1X1 = _saved(Image.new("RGB", (4, 4), "white"), "PNG")


def _photo(width: int = 1200, height: int = 900) -> bytes:
    """A JPEG as a phone makes one: noise, so that its data is spread over the whole file."""
    return _saved(Image.effect_noise((width, height), 40).convert("RGB"), "JPEG")


def _noise_png() -> bytes:
    return _saved(Image.effect_noise((400, 300), 40), "PNG")


def _blank_png(width: int, height: int) -> bytes:
    """Many pixels in few bytes: one colour compresses to almost nothing."""
    return _saved(Image.new("1", (width, height)), "PNG")


def _first_half(data: bytes) -> bytes:
    return data[: len(data) // 2]


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
        # A photo cut off on its way (its first half): the header alone would pass. The page
        # runs where the decision letter's PDF library is loaded, as the server does.
        ("foto.jpg", _first_half(_photo()), "Bilden kan inte öppnas"),
        ("skärmbild.png", _first_half(_noise_png()), "Bilden kan inte öppnas"),
        (
            "kontoutdrag.pdf",
            pdf_bytes(password="hemligt"),
            "PDF-filen är låst med ett lösenord, så din handläggare kan inte öppna den.",
        ),
        # 20 000 × 20 000 pixels in 48 kB: beyond what the server will open at all.
        ("skanning.png", _blank_png(20_000, 20_000), "den har mer än 120 miljoner pixlar"),
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
def test_a_pdf_locked_only_against_changes_is_taken(world: World) -> None:
    """Banks often lock statements against editing, not against reading: such a PDF opens in
    any reader with no password, so the caseworker can read it."""
    response = _upload(world, "kontoutdrag-oktober.pdf", pdf_bytes(password=""))
    assert response.status_code == 302
    attachment = Attachment.objects.get(original_name="kontoutdrag-oktober.pdf")
    assert attachment.content_type == "application/pdf"


@pytest.mark.django_db
def test_a_picture_with_more_pixels_than_the_municipality_takes_is_refused(
    world: World, settings
) -> None:  # type: ignore[no-untyped-def]
    settings.BISTAND_ATTACHMENT_MAX_PIXELS = 1_000_000
    before_rows, before_files = Attachment.objects.count(), _stored_files()
    response = _upload(world, "hyra.jpg", _photo(1200, 900), "image/jpeg")  # 1.08 megapixels
    assert "den har mer än 1 miljoner pixlar. Ta ett nytt foto" in response.content.decode()
    assert (Attachment.objects.count(), _stored_files()) == (before_rows, before_files)
    assert _upload(world, "hyra.jpg", _photo(1000, 1000), "image/jpeg").status_code == 302


@pytest.mark.django_db
def test_an_application_holds_as_many_documents_as_the_municipality_allows(
    world: World, settings
) -> None:  # type: ignore[no-untyped-def]
    """The limit keeps one application from filling the disk; removing a document in a draft
    makes room again."""
    held = world.draft_a.attachments.count()
    settings.BISTAND_ATTACHMENTS_PER_APPLICATION = held + 2
    assert _upload(world, "sida-1.pdf", pdf_bytes(pages=1)).status_code == 302
    assert _upload(world, "sida-2.pdf", pdf_bytes(pages=2)).status_code == 302
    before_files = _stored_files()
    refused = _upload(world, "sida-3.pdf", pdf_bytes(pages=3))
    assert refused.status_code == 200
    assert (
        f"Ansökan har redan {held + 2} handlingar, så många som den kan ha."
        in refused.content.decode()
    )
    assert world.draft_a.attachments.count() == held + 2
    assert _stored_files() == before_files

    first = Attachment.objects.get(original_name="sida-1.pdf")
    documents = reverse("applications:documents", kwargs={"application_id": world.draft_a.pk})
    client_for(world.applicant).post(documents, {"remove": first.pk})
    assert _upload(world, "sida-3.pdf", pdf_bytes(pages=3)).status_code == 302


@pytest.mark.django_db
def test_the_page_names_the_size_limit_the_server_applies(world: World, settings) -> None:  # type: ignore[no-untyped-def]
    settings.BISTAND_ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024
    documents = reverse("applications:documents", kwargs={"application_id": world.draft_a.pk})
    page = client_for(world.applicant).get(documents).content.decode()
    assert "Välj en eller flera filer (PDF, JPG eller PNG, högst 20 MB var)" in page


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


@pytest.mark.django_db
def test_the_same_file_sent_twice_is_one_document(world: World) -> None:
    """A double click or a retried upload on a slow connection, or the same photo chosen again
    under another name: one document, and the page says which one is already there."""
    before_rows, before_files = Attachment.objects.count(), _stored_files()
    assert _upload(world, "kontoutdrag.pdf", pdf_bytes()).status_code == 302
    again = _upload(world, "kontoutdrag (1).pdf", pdf_bytes())
    assert again.status_code == 200
    assert "Filen är redan tillagd, som kontoutdrag.pdf." in again.content.decode()
    assert Attachment.objects.count() == before_rows + 1
    assert len(_stored_files() - before_files) == 1
    # Another file is another document.
    assert _upload(world, "hyra.png", PNG_1X1, "image/png").status_code == 302
    assert Attachment.objects.count() == before_rows + 2


@pytest.mark.django_db
def test_a_document_uploaded_by_mistake_is_taken_back_from_the_draft_only(
    world: World,
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    _upload(world, "fel-kontoutdrag.pdf", pdf_bytes())
    _upload(world, "kontoutdrag.pdf", pdf_bytes(pages=2))  # another document
    wrong = Attachment.objects.get(original_name="fel-kontoutdrag.pdf")
    kept = Attachment.objects.get(original_name="kontoutdrag.pdf")
    wrong_file, kept_file = Path(wrong.file.path), Path(kept.file.path)
    documents = reverse("applications:documents", kwargs={"application_id": world.draft_a.pk})
    applicant = client_for(world.applicant)
    page = applicant.get(documents).content.decode()
    # Each button says which document it removes, for a screen reader as well.
    assert (
        f'value="{wrong.pk}" class="secondary">Ta bort'
        '<span class="visually-hidden"> fel-kontoutdrag.pdf</span></button>' in page
    )

    # Someone else's login, or a document of another application, removes nothing.
    assert client_for(world.applicant_b).post(documents, {"remove": wrong.pk}).status_code == 404
    assert applicant.post(documents, {"remove": world.attachment_a.pk}).status_code == 404
    assert applicant.post(documents, {"remove": "inte-ett-id"}).status_code == 404

    with django_capture_on_commit_callbacks(execute=True):
        removed = applicant.post(documents, {"remove": wrong.pk}, follow=True)
    assert "Handlingen fel-kontoutdrag.pdf är borttagen." in removed.content.decode()
    assert list(world.draft_a.attachments.all()) == [kept]
    assert not wrong_file.exists()
    assert kept_file.exists()
    logged = AccessLogEntry.objects.filter(object_type="attachment", object_id=str(wrong.pk))
    assert logged.order_by("at", "id").last().changes == {  # type: ignore[union-attr]
        "before": {
            "application": str(world.draft_a.pk),
            "kind": "bank_statement",
            "content_type": "application/pdf",
            "size": wrong.size,
        },
        "after": None,
    }

    # A sent application's documents have reached the unit: they stay, and the page says so.
    sent = reverse("applications:documents", kwargs={"application_id": world.sent_a.pk})
    page = applicant.get(sent).content.decode()
    assert "Ta bort" not in page
    assert "Handlingar som du har skickat finns kvar i ansökan." in page
    with django_capture_on_commit_callbacks(execute=True):
        refused = applicant.post(sent, {"remove": world.attachment_a.pk}, follow=True)
    assert "Handlingar i en skickad ansökan finns kvar" in refused.content.decode()
    assert Path(world.attachment_a.file.path).exists()
    assert Attachment.objects.filter(pk=world.attachment_a.pk).exists()


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="two connections racing need PostgreSQL's row locks"
)
@pytest.mark.django_db(transaction=True)
def test_the_same_file_racing_on_two_connections_is_one_document_and_one_file(
    world: World,
) -> None:
    """Both requests may find the file not yet added; the unique constraint lets one in, the
    other is told it is already added, and its copy on disk is removed."""
    before_files = _stored_files()

    def add() -> Attachment:
        return attachment_add(
            application=world.draft_a,
            content=pdf_bytes(pages=3),
            original_name="hyresavi.pdf",
            kind="rent",
            acted_by=world.applicant,
        )

    outcomes = at_once(add, add)
    refused = [o for o in outcomes if isinstance(o, UploadError)]
    assert len([o for o in outcomes if isinstance(o, Attachment)]) == 1, outcomes
    assert [error.code for error in refused] == [UploadErrorCode.ALREADY_ADDED]
    assert world.draft_a.attachments.filter(original_name="hyresavi.pdf").count() == 1
    assert len(_stored_files() - before_files) == 1


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="two connections racing need PostgreSQL's row locks"
)
@pytest.mark.django_db(transaction=True)
def test_two_documents_racing_for_the_last_place_leave_one_out(world: World, settings) -> None:  # type: ignore[no-untyped-def]
    """Two uploads at once, with room for one more: they wait for each other on the
    application's row, so the second finds the application full and stores nothing."""
    settings.BISTAND_ATTACHMENTS_PER_APPLICATION = world.draft_a.attachments.count() + 1
    before_files = _stored_files()

    def add(pages: int) -> Attachment:
        return attachment_add(
            application=world.draft_a,
            content=pdf_bytes(pages=pages),
            original_name=f"sida-{pages}.pdf",
            kind="rent",
            acted_by=world.applicant,
        )

    outcomes = at_once(lambda: add(1), lambda: add(2))
    refused = [o for o in outcomes if isinstance(o, UploadError)]
    assert len([o for o in outcomes if isinstance(o, Attachment)]) == 1, outcomes
    assert [error.code for error in refused] == [UploadErrorCode.TOO_MANY_DOCUMENTS]
    assert world.draft_a.attachments.count() == settings.BISTAND_ATTACHMENTS_PER_APPLICATION
    assert len(_stored_files() - before_files) == 1


@pytest.mark.django_db
def test_several_files_chosen_at_once_are_each_a_document_checked_on_its_own(
    world: World,
) -> None:
    """Photos of each page of a rental contract, chosen together on a phone: the good ones are
    stored, each refused one is named with its reason, and the page keeps the choice of kind."""
    url = reverse("applications:documents", kwargs={"application_id": world.draft_a.pk})
    before_rows, before_files = world.draft_a.attachments.count(), _stored_files()
    answer = client_for(world.applicant).post(
        url,
        {
            "kind": "rent",
            "file": [
                SimpleUploadedFile("sida-1.jpg", _photo(), "image/jpeg"),
                SimpleUploadedFile("sida-2.jpg", _first_half(_photo()), "image/jpeg"),
                SimpleUploadedFile("sida-3.pdf", pdf_bytes(pages=2), "application/pdf"),
            ],
        },
    )
    assert answer.status_code == 200
    html = answer.content.decode()
    assert "\u2068sida-2.jpg\u2069: Bilden kan inte öppnas." in html
    assert "Handlingarna är uppladdade: \u2068sida-1.jpg\u2069, \u2068sida-3.pdf\u2069." in html
    stored = world.draft_a.attachments.filter(kind="rent").values_list("original_name", flat=True)
    assert sorted(stored) == ["sida-1.jpg", "sida-3.pdf"]
    assert world.draft_a.attachments.count() == before_rows + 2
    assert len(_stored_files() - before_files) == 2
    assert 'value="rent" selected' in html

    # All of them good: one message, and back to the page.
    again = client_for(world.applicant).post(
        url,
        {
            "kind": "payslip",
            "file": [
                SimpleUploadedFile("lön-1.pdf", pdf_bytes(pages=3), "application/pdf"),
                SimpleUploadedFile("lön-2.pdf", pdf_bytes(pages=4), "application/pdf"),
            ],
        },
        follow=True,
    )
    assert "Handlingarna är uppladdade: \u2068lön-1.pdf\u2069, \u2068lön-2.pdf\u2069." in (
        again.content.decode()
    )
    assert world.draft_a.attachments.filter(kind="payslip").count() == 2

"""A photo is kept without what the phone wrote into it: where it was taken, the phone, the time
(ADR 0037). The picture is the same to the pixel, upright as it was taken, in its colours."""

import hashlib
import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image, ImageCms

from bistand.applications.models import Attachment
from bistand.applications.uploads import JPEG, PNG, without_metadata
from bistand.audit.models import AccessLogEntry
from tests.factories import World, client_for, pdf_bytes

GPS_INFO, MAKE, MODEL, ORIENTATION, DATE_TIME = 0x8825, 0x010F, 0x0110, 0x0112, 0x0132
SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
XMP = b"<x:xmpmeta><exif:GPSLatitude>59,20.5N</exif:GPSLatitude></x:xmpmeta>"


def _phone_photo(*, orientation: int | None = 6) -> bytes:
    """A JPEG as a phone writes one: the place to the metre, the phone, the time, the colour
    profile, XMP, and the orientation that turns a sideways sensor upright."""
    exif = Image.Exif()
    exif[MAKE], exif[MODEL], exif[DATE_TIME] = "Telefonbolaget", "Modell 12", "2026:11:20 08:14:03"
    if orientation is not None:
        exif[ORIENTATION] = orientation
    gps = exif.get_ifd(GPS_INFO)
    gps[1], gps[2], gps[3], gps[4] = "N", (59.0, 24.0, 51.5), "E", (17.0, 56.0, 2.0)
    buffer = io.BytesIO()
    Image.effect_noise((640, 480), 40).convert("RGB").save(
        buffer, "JPEG", exif=exif, icc_profile=SRGB, xmp=XMP
    )
    return buffer.getvalue()


def _read(content: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(content))
    image.load()
    return image


def test_a_photo_loses_its_place_and_phone_and_keeps_its_picture_orientation_and_colours() -> None:
    photo = _phone_photo()
    assert b"Telefonbolaget" in photo
    assert b"GPSLatitude" in photo
    assert dict(_read(photo).getexif().get_ifd(GPS_INFO))  # the place is there to begin with

    cleaned = without_metadata(photo, JPEG)
    image = _read(cleaned)
    exif = image.getexif()
    assert dict(exif) == {ORIENTATION: 6}  # only what a viewer needs to show it upright
    assert not dict(exif.get_ifd(GPS_INFO))
    for trace in (b"Telefonbolaget", b"Modell 12", b"2026:11:20", b"GPSLatitude"):
        assert trace not in cleaned
    assert image.info["icc_profile"] == SRGB
    assert image.tobytes() == _read(photo).tobytes()  # not decoded again: the same pixels


def test_a_photo_taken_upright_gets_no_exif_at_all() -> None:
    cleaned = without_metadata(_phone_photo(orientation=None), JPEG)
    assert not dict(_read(cleaned).getexif())
    assert b"Exif" not in cleaned


@pytest.mark.parametrize("content_type", [PNG, "application/pdf"])
def test_other_files_are_stored_as_they_came(content_type: str) -> None:
    content = pdf_bytes() if content_type != PNG else _png()
    assert without_metadata(content, content_type) is content


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, "PNG")
    return buffer.getvalue()


def test_a_jpeg_whose_segments_cannot_be_followed_is_stored_as_it_came() -> None:
    photo = _phone_photo()
    cut = photo[:40]  # a segment that says it is longer than the file
    assert without_metadata(cut, JPEG) is cut


@pytest.mark.django_db
def test_an_uploaded_photo_is_stored_without_its_place(world: World) -> None:
    photo = _phone_photo()
    client = client_for(world.applicant)
    url = reverse("applications:documents", kwargs={"application_id": world.draft_a.pk})
    page = client.get(url).content.decode()
    assert "Ett foto sparas utan det som telefonen skrev in i filen" in page
    response = client.post(
        url,
        {"kind": "rent", "upload": "1", "file": SimpleUploadedFile("hyra.jpg", photo, JPEG)},
    )
    assert response.status_code == 302
    attachment = Attachment.objects.get(application=world.draft_a)
    stored = Path(attachment.file.path).read_bytes()
    assert b"GPSLatitude" not in stored
    assert b"Telefonbolaget" not in stored
    assert not dict(_read(stored).getexif().get_ifd(GPS_INFO))
    assert attachment.size == len(stored) < len(photo)
    # The record describes the file that is kept; the same photo again is still one document.
    assert attachment.sha256 == hashlib.sha256(stored).hexdigest()
    again = client.post(
        url,
        {"kind": "rent", "upload": "1", "file": SimpleUploadedFile("igen.jpg", photo, JPEG)},
    )
    assert "redan" in again.content.decode()
    assert Attachment.objects.filter(application=world.draft_a).count() == 1
    logged = AccessLogEntry.objects.filter(object_type="attachment", object_id=str(attachment.pk))
    assert logged.get().changes["after"]["size"] == len(stored)

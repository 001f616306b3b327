# SPDX-License-Identifier: EUPL-1.2
"""What the check of an uploaded document costs (applications/uploads.py: check_upload), for
the kinds of file applicants send: phone photos of 12, 50 and 108 megapixels, a scanned PNG,
PDFs of 1 and 30 pages, a PDF locked against changes only; and what a refusal costs for a cut-off
photo and a decompression bomb. CPU and wall time in milliseconds, median of a few runs, with
each file's size. The check runs inside the upload's request, so this is what it adds to it.

    .venv/bin/python bench/uploads.py [runs, default 5]
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from collections.abc import Callable

from PIL import Image
from pypdf import PdfWriter

from bistand.applications.uploads import UploadError, check_upload

MAX_BYTES = 200 * 1024 * 1024  # the size limit is not what is measured here
MAX_PIXELS = 120_000_000


def photo(width: int, height: int) -> bytes:
    """Noise in large blocks: a JPEG about as large as a phone's photo of a page."""
    small = Image.effect_noise((width // 16, height // 16), 60).convert("RGB")
    buffer = io.BytesIO()
    small.resize((width, height), Image.Resampling.BILINEAR).save(buffer, "JPEG", quality=88)
    return buffer.getvalue()


def scan(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.effect_noise((width // 8, height // 8), 30).resize((width, height)).save(buffer, "PNG")
    return buffer.getvalue()


def pdf(pages: int, *, locked: bool = False) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if locked:
        # A made-up owner password, as a bank sets one on a statement.
        writer.encrypt(user_password="", owner_password="banken", algorithm="AES-256")  # noqa: S106
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def bomb() -> bytes:
    buffer = io.BytesIO()
    Image.new("1", (20_000, 20_000)).save(buffer, "PNG")
    return buffer.getvalue()


def timed(check: Callable[[], object], runs: int) -> tuple[float, float, str]:
    cpu, wall, outcome = [], [], ""
    for _ in range(runs):
        c, w = time.process_time(), time.perf_counter()
        try:
            check()
            outcome = "taken"
        except UploadError as error:
            outcome = f"refused: {error.code}"
        cpu.append((time.process_time() - c) * 1000)
        wall.append((time.perf_counter() - w) * 1000)
    return statistics.median(cpu), statistics.median(wall), outcome


def main(runs: int) -> None:
    twelve = photo(4000, 3000)
    files = {
        "photo 12 MP": twelve,
        "photo 50 MP": photo(8160, 6120),
        "photo 108 MP": photo(12000, 9000),
        "scan PNG 2480x3508": scan(2480, 3508),
        "PDF 1 page": pdf(1),
        "PDF 30 pages": pdf(30),
        "PDF locked against changes": pdf(1, locked=True),
        "photo 12 MP cut in half": twelve[: len(twelve) // 2],
        "PNG 20000x20000 (bomb)": bomb(),
    }
    print(f"{'file':30} {'kB':>8} {'cpu ms':>8} {'wall ms':>8}  outcome")
    for name, content in files.items():
        cpu, wall, outcome = timed(
            lambda c=content: check_upload(c, max_bytes=MAX_BYTES, max_pixels=MAX_PIXELS), runs
        )
        print(f"{name:30} {len(content) // 1024:>8} {cpu:>8.1f} {wall:>8.1f}  {outcome}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)

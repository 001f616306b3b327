# SPDX-License-Identifier: EUPL-1.2
"""Every dashboard table as CSV (semicolon-separated, UTF-8 with BOM, as Swedish spreadsheet
programs open it) or XLSX (openpyxl). Suppressed cells are written as the suppression mark, never
as a number."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from fractions import Fraction

from openpyxl import Workbook

from bistand.followup.dashboard import Cell, Table

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _text(cell: Cell, mark: str) -> str:
    if cell is None:
        return mark
    if isinstance(cell, Fraction):
        return f"{float(cell) * 100:.1f}".replace(".", ",")
    if isinstance(cell, Decimal):
        return f"{cell:.2f}".replace(".", ",")
    return str(cell)


def table_csv(table: Table, *, mark: str) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow([_text(cell, mark) for cell in row])
    return ("\ufeff" + out.getvalue()).encode()


def table_xlsx(table: Table, *, mark: str) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # noqa: S101 - a new workbook always has its first sheet
    sheet.title = table.key[:31]
    sheet.append(table.columns)
    for row in table.rows:
        values: list[object] = []
        for cell in row:
            if cell is None:
                values.append(mark)
            elif isinstance(cell, Fraction):
                values.append(round(float(cell), 4))
            else:
                values.append(cell)
        sheet.append(values)
    for index, row in enumerate(table.rows, start=2):
        for column, cell in enumerate(row, start=1):
            if isinstance(cell, Fraction):
                sheet.cell(row=index, column=column).number_format = "0.0%"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()

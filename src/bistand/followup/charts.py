# SPDX-License-Identifier: EUPL-1.2
"""Charts of the dashboard's tables, drawn server-side as SVG with pygal. Each chart is shown
next to its table, which is the text alternative; suppressed cells are gaps, never zeros."""

from __future__ import annotations

import base64
import sys
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

import pygal
from pygal.style import Style

from bistand.followup.dashboard import Cell, Table

# pygal adds an import hook for its world-map plugins (pygal.maps.*, not used here) that only
# speaks the import protocol Python 3.12 removed; on 3.11 every later import through it warns.
sys.meta_path[:] = [hook for hook in sys.meta_path if type(hook).__name__ != "PluginImportFixer"]

STYLE = Style(
    background="white",
    plot_background="white",
    foreground="#1b1b1b",
    foreground_strong="#1b1b1b",
    foreground_subtle="#5a5a5a",
    colors=("#1f5fa8", "#b0480c", "#2e7d32", "#6a3d9a", "#8c6d1f", "#00758f", "#a8324f"),
    font_family="sans-serif",
)


@dataclass(frozen=True)
class ChartSpec:
    kind: str  # "line" or "bar"
    measures: tuple[int, ...]  # value columns counted from the end of the label columns
    percent: bool = False


SPECS = {
    "aid_per_month": ChartSpec("line", (0, 1)),
    "duration_per_year": ChartSpec("bar", (-1,), percent=True),
    "returns_to_aid": ChartSpec("bar", (2, 5), percent=True),
}


@dataclass(frozen=True)
class Chart:
    title: str
    data_uri: str


def _number(cell: Cell, *, percent: bool) -> float | None:
    if cell is None or isinstance(cell, str):
        return None
    if isinstance(cell, Fraction | Decimal):
        return round(float(cell) * (100 if percent else 1), 1)
    return float(cell)


def chart_for(table: Table) -> Chart | None:
    """One series per measure, or, when the table is broken down, one per breakdown value of its
    first measure."""
    spec, label_columns = SPECS.get(table.key), table.labels
    if spec is None or not table.rows:
        return None
    xs = list(dict.fromkeys(str(row[0]) for row in table.rows))
    series: dict[str, dict[str, float | None]] = defaultdict(dict)
    for row in table.rows:
        values = row[label_columns:]
        if label_columns > 1:
            measure = spec.measures[0]
            name = f"{table.columns[label_columns + measure % len(values)]}: {row[1]}"
            series[name][str(row[0])] = _number(values[measure], percent=spec.percent)
            continue
        for measure in spec.measures:
            name = table.columns[label_columns + measure % len(values)]
            series[name][str(row[0])] = _number(values[measure], percent=spec.percent)
    kind = pygal.Line if spec.kind == "line" else pygal.Bar
    chart = kind(
        style=STYLE,
        js=[],
        width=800,
        height=320,
        x_label_rotation=45 if len(xs) > 12 else 0,
        show_minor_x_labels=len(xs) <= 24,
        x_labels_major_every=max(1, len(xs) // 12),
        legend_at_bottom=True,
        truncate_legend=-1,
        value_formatter=(lambda v: f"{v:.1f} %") if spec.percent else (lambda v: f"{v:,.0f}"),
        print_values=False,
        allow_interruptions=True,
    )
    chart.title = table.title
    chart.x_labels = xs
    for name, points in series.items():
        chart.add(name, [points.get(x) for x in xs])
    svg: bytes = chart.render()
    return Chart(table.title, "data:image/svg+xml;base64," + base64.b64encode(svg).decode())

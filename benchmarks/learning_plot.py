"""The learning curve as a PNG, drawn with QPainter (matplotlib is not a dependency).

One panel per corpus: x = training sentences on a log scale, y = exact micro F1, one line for the
rules alone and one for rules + learnt; the machine under the panels.
"""
from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPen

PANEL_W, PANEL_H, MARGIN = 520, 400, 70
_app = None
ARMS = (("rules", "rules + dictionary", QColor("#7f7f7f"), Qt.DashLine),
        ("learnt", "rules + dictionary + learnt (CRF)", QColor("#1f5fbf"), Qt.SolidLine))


def _panel(p: QPainter, x0: float, y0: float, title: str, rows: list[dict]) -> None:
    plot = QRectF(x0 + MARGIN, y0 + 40, PANEL_W - MARGIN - 20, PANEL_H - 40 - 60)
    sizes = [r["sentences"] for r in rows]
    lo, hi = math.log10(min(sizes)) - 0.08, math.log10(max(sizes)) + 0.08

    def at(n: float, f: float) -> QPointF:
        x = plot.left() + (math.log10(n) - lo) / (hi - lo) * plot.width()
        return QPointF(x, plot.bottom() - f * plot.height())

    bold = QFont("DejaVu Sans", 12, QFont.Bold)
    small = QFont("DejaVu Sans", 9)
    p.setFont(bold)
    p.setPen(Qt.black)
    p.drawText(QRectF(x0, y0 + 8, PANEL_W, 24), Qt.AlignHCenter, title)
    p.setFont(small)
    for k in range(11):  # y grid every 0.1
        f = k / 10
        p.setPen(QPen(QColor("#e0e0e0"), 1))
        p.drawLine(at(10 ** lo, f), QPointF(plot.right(), at(10 ** lo, f).y()))
        p.setPen(Qt.black)
        p.drawText(QRectF(plot.left() - 40, at(10 ** lo, f).y() - 8, 34, 16), Qt.AlignRight | Qt.AlignVCenter,
                   f"{f:.1f}")
    for n in sizes:  # x ticks at the measured sizes
        pt = at(n, 0)
        p.setPen(QPen(QColor("#e0e0e0"), 1))
        p.drawLine(QPointF(pt.x(), plot.top()), pt)
        p.setPen(Qt.black)
        p.drawText(QRectF(pt.x() - 30, plot.bottom() + 4, 60, 16), Qt.AlignHCenter, f"{n:,}")
    p.setPen(QPen(Qt.black, 1))
    p.drawRect(plot)
    p.drawText(QRectF(plot.left(), plot.bottom() + 22, plot.width(), 18), Qt.AlignHCenter,
               "training sentences (log scale)")
    p.save()
    p.translate(x0 + 16, plot.center().y())
    p.rotate(-90)
    p.drawText(QRectF(-120, -10, 240, 20), Qt.AlignHCenter, "exact micro F1")
    p.restore()
    for key, _, colour, style in ARMS:
        points = [at(r["sentences"], r[key]["overall"]["exact"]["f1"]) for r in rows]
        p.setPen(QPen(colour, 2.5, style))
        for a, b in zip(points, points[1:]):
            p.drawLine(a, b)
        p.setPen(QPen(colour, 1))
        p.setBrush(colour)
        other = "rules" if key == "learnt" else "learnt"
        for r, pt in zip(rows, points):
            p.drawEllipse(pt, 4, 4)
            value = r[key]["overall"]["exact"]["f1"]
            above = value >= r[other]["overall"]["exact"]["f1"]  # the higher line labelled above, so they never meet
            p.drawText(QRectF(pt.x() - 30, pt.y() - 22 if above else pt.y() + 6, 60, 16), Qt.AlignHCenter,
                       f"{value:.2f}")
        p.setBrush(Qt.NoBrush)


def draw(path: Path, curves: dict[str, list[dict]], machine: str) -> None:
    global _app
    if QGuiApplication.instance() is None:  # fonts need an application; kept alive for the whole run
        _app = QGuiApplication([])
    width, height = PANEL_W * len(curves), PANEL_H + 70
    image = QImage(width, height, QImage.Format_RGB32)
    image.fill(Qt.white)
    p = QPainter(image)
    p.setRenderHint(QPainter.Antialiasing)
    p.setRenderHint(QPainter.TextAntialiasing)
    for i, (title, rows) in enumerate(curves.items()):
        _panel(p, i * PANEL_W, 0, title, rows)
    p.setFont(QFont("DejaVu Sans", 10))
    x = 20
    for _, label, colour, style in ARMS:  # legend, once for all panels
        p.setPen(QPen(colour, 2.5, style))
        p.drawLine(QPointF(x, PANEL_H + 12), QPointF(x + 36, PANEL_H + 12))
        p.setPen(Qt.black)
        p.drawText(QRectF(x + 44, PANEL_H + 2, 320, 20), Qt.AlignVCenter, label)
        x += 340
    p.setFont(QFont("DejaVu Sans", 8))
    p.setPen(QColor("#555555"))
    p.drawText(QRectF(20, PANEL_H + 30, width - 40, 34), Qt.AlignLeft | Qt.TextWordWrap,
               f"benchmarks/bench_learn.py; {machine}")
    p.end()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(path)):
        raise OSError(f"could not write {path}")

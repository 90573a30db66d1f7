"""Shows the assessment report (accuracy, areas with 95 % intervals, error matrices) written by assess_map, or
the per-unit chart of crop_area_statistics.

Why the SVG dance: the report's plots are inline SVG so that it opens in any browser; Qt's rich-text browser
does not draw inline SVG, so each plot is rendered once to an image resource of the document (QtSvg).
"""

from __future__ import annotations

import re
from pathlib import Path

from qgis.PyQt.QtCore import QByteArray, QCoreApplication, QUrl
from qgis.PyQt.QtGui import QDesktopServices, QImage, QPainter, QTextDocument
from qgis.PyQt.QtSvg import QSvgRenderer
from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

_SVG = re.compile(r"<svg\b.*?</svg>", re.DOTALL)


def tr(text: str) -> str:
    return QCoreApplication.translate("AreaReportDialog", text)


class AreaReportDialog(QDialog):
    def __init__(self, report: str | Path, parent: QWidget | None = None, title: str | None = None) -> None:
        super().__init__(parent)
        self.report = Path(report)
        self.setWindowTitle(title or tr("Accuracy and area report"))
        self.resize(820, 760)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        open_button = buttons.addButton(tr("Open in browser"), QDialogButtonBox.ButtonRole.ActionRole)
        open_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.report))))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.images = 0
        self.browser.setHtml(self._with_images(self.report.read_text(encoding="utf-8")))

    def _with_images(self, page: str) -> str:
        """Each inline SVG becomes an image resource of the browser's document, referenced by an <img>."""
        def replace(match: re.Match) -> str:
            name = f"wc-plot-{self.images}.png"
            self.images += 1
            self.browser.document().addResource(QTextDocument.ResourceType.ImageResource, QUrl(name),
                                                _render(match.group(0)))
            return f"<img src='{name}'/>"

        return _SVG.sub(replace, page)


def _render(svg: str) -> QImage:
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    size = renderer.defaultSize()
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image

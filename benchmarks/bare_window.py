"""Reference for cold start: a bare pyqtgraph window with one bar chart, started the same way."""
from __future__ import annotations

import sys

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication


def main() -> int:
    app = QApplication(sys.argv[:1])
    w = pg.PlotWidget()
    w.addItem(pg.BarGraphItem(x0=np.zeros(3), y=np.arange(3), height=0.6, width=np.array([70.0, 50.0, 30.0])))
    w.resize(1280, 800)
    w.show()
    QTimer.singleShot(0, w.grab)
    QTimer.singleShot(0, app.quit)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())

"""The main window: builds the panels and connects them to the session. Nothing else."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QMainWindow, QScrollArea, QSplitter, QTabWidget, QVBoxLayout, QWidget,
)

from evaluator.decision.scoring import Result
from evaluator.decision.session import Session
from ui import case_actions, file_actions
from ui.panels.case_panel import CasePanel
from ui.panels.contribution_chart import ContributionChart
from ui.panels.figures_table import FiguresTable
from ui.panels.header import CaseHeader
from ui.panels.messages_panel import MessagesPanel
from ui.panels.ranking_table import RankingTable
from ui.panels.deferred_tab import DeferredTab
from ui.panels.score_chart import ScoreChart
from ui.panels.weights_panel import WeightsPanel
from ui.session_signals import SessionSignals

if TYPE_CHECKING:
    from ui.panels.robustness_panel import RobustnessPanel


class MainWindow(QMainWindow):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.signals = SessionSignals(session, self)
        result = session.result

        self.header = CaseHeader(result)
        self.case = CasePanel(session)
        self.weights = WeightsPanel(session)
        self.messages = MessagesPanel(result)
        self.scores = ScoreChart(result)
        self.contributions = ContributionChart(result)
        self.ranking = RankingTable(result)
        self.figures = FiguresTable(result)
        self.how_sure: DeferredTab[RobustnessPanel] = DeferredTab(_robustness_panel, result)
        self.views = (self.header, self.case, self.weights, self.messages, self.scores, self.contributions,
                      self.ranking, self.figures, self.how_sure)
        for view in self.views:
            self.signals.result_changed.connect(view.show_result)
        self.signals.result_changed.connect(self._on_result)
        self.figures.doubleClicked.connect(self._on_figure_double_clicked)
        self.ranking.doubleClicked.connect(self._on_ranking_double_clicked)
        self.setAcceptDrops(True)

        self.setCentralWidget(self._layout())
        self._menus()
        self._on_result(result)
        self.resize(1280, 800)

    def _layout(self) -> QWidget:
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.addWidget(self.case)
        left_box.addWidget(self.weights)
        left_box.addWidget(self.messages)
        left_box.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(left)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(250)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        charts = QSplitter(Qt.Orientation.Vertical)
        charts.addWidget(self.scores)
        charts.addWidget(self.contributions)
        tabs = self.tabs = QTabWidget()
        tabs.addTab(self.ranking, "&Ranking")
        tabs.addTab(self.figures, "&Figures and sources")
        tabs.addTab(_scrolling(self.how_sure), "How &sure")
        charts.addWidget(tabs)
        charts.setSizes([230, 260, 230])

        body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(scroll)
        body.addWidget(charts)
        body.setStretchFactor(1, 1)
        body.setSizes([300, 980])

        page = QWidget()
        box = QVBoxLayout(page)
        box.addWidget(self.header)
        box.addWidget(body, 1)
        return page

    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self._action(file_menu, "&Open scenario…", QKeySequence.StandardKey.Open, self._on_open)
        self._action(file_menu, "&Save scenario as…", QKeySequence.StandardKey.Save, self._on_save)
        self.export_action = self._action(file_menu, "&Export fit report…", QKeySequence("Ctrl+E"), self._on_export)
        file_menu.addSeparator()
        self._action(file_menu, "Load &league file…", QKeySequence("Ctrl+L"), self._on_load_league)
        self._action(file_menu, "Load s&quad list…", QKeySequence("Ctrl+Shift+L"), self._on_load_squad)
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", QKeySequence.StandardKey.Quit, self.close)

    def _action(self, menu, text: str, shortcut, slot) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    # --- slots: one call each -------------------------------------------------------
    def _on_open(self) -> None:
        file_actions.open_scenario(self, self.session)

    def _on_save(self) -> None:
        file_actions.save_scenario_as(self, self.session)

    def _on_export(self) -> None:
        file_actions.export_fit_report(self, self.session)

    def _on_load_league(self) -> None:
        case_actions.load_league_file(self, self.session)

    def _on_load_squad(self) -> None:
        case_actions.load_squad_file(self, self.session)

    def _on_figure_double_clicked(self, index: QModelIndex) -> None:
        file_actions.edit_figure(self, self.session, index.row(), self.figures.model_.column_at(index.column()).id)

    def _on_ranking_double_clicked(self, index: QModelIndex) -> None:
        case_actions.show_club_detail(self, self.session, int(self.session.result.order[index.row()]))

    def dragEnterEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        for url in event.mimeData().urls():
            file_actions.open_dropped(self, self.session, url.toLocalFile())

    @property
    def robustness(self) -> RobustnessPanel:
        """The How sure panel (built on first use: it is deferred until its tab is shown)."""
        return self.how_sure.panel()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.how_sure.built:
            self.robustness.shutdown()      # no SMAA left running into a closing window
        super().closeEvent(event)

    def _on_result(self, result: Result) -> None:
        self.setWindowTitle(self.header.window_title(result))


def _robustness_panel(result: Result) -> "RobustnessPanel":
    from ui.panels.robustness_panel import RobustnessPanel   # its maths stays off the start-up path
    return RobustnessPanel(result)


def _scrolling(widget: QWidget) -> QScrollArea:
    """A tall panel scrolls inside its tab instead of forcing the window taller."""
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    widget.setMinimumHeight(760)
    return area

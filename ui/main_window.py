"""The main window: builds the panels, menus and history and connects them to the session.
Nothing else: no state of its own, no arithmetic; every slot is one call."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable, cast

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QMainWindow, QMenu, QScrollArea, QSplitter, QTabWidget, QVBoxLayout, QWidget,
)

from evaluator.decision.scoring import Result
from evaluator.session import Change, Session
from ui import case_actions, document_actions, file_actions, settings
from ui.menus import DEFAULT_SPLITS, HelpMenu, ViewMenu
from ui.panels.case_panel import CasePanel
from ui.panels.contribution_chart import ContributionChart
from ui.panels.deferred_tab import DeferredTab
from ui.until_shown import UntilShown, View
from ui.panels.figures_table import FiguresTable
from ui.panels.header import CaseHeader
from ui.panels.messages_panel import MessagesPanel
from ui.panels.profiles_panel import ProfilesPanel
from ui.panels.ranking_table import RankingTable
from ui.panels.score_chart import ScoreChart
from ui.panels.steady_text import SteadyText
from ui.panels.weights_panel import WeightsPanel
from ui.session_signals import SessionSignals
from ui.status import DataFreshness
from ui.tab_room import TabRoom
from ui.undo import UndoHistory

if TYPE_CHECKING:
    from ui.panels.robustness_panel import RobustnessPanel
    from ui.panels.season_chart import SeasonPanel


class MainWindow(QMainWindow):
    def __init__(self, session: Session, template: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.template = template            # what File > New starts from (the bundled case)
        self.signals = SessionSignals(session, self)
        self.history = UndoHistory(session, self)
        result = session.result

        self.header = CaseHeader(result)
        self.case = CasePanel(session)
        self.weights = WeightsPanel(session)
        self.messages = MessagesPanel(result)
        self.scores = ScoreChart(result)
        self.contributions = ContributionChart(result)
        self.ranking = RankingTable(result)
        self.figures = FiguresTable(result)
        self.how_sure: DeferredTab[RobustnessPanel] = DeferredTab(self._robustness_panel, result)
        self.season: DeferredTab[SeasonPanel] = DeferredTab(self._season_panel, result)
        self.freshness = DataFreshness(session)
        self.profiles = ProfilesPanel(session)
        # The charts and the Ranking table hear of changes only while in sight (ui/until_shown.py);
        # the tabs built on first show keep the newest result themselves.
        out_of_sight = tuple(UntilShown(v) for v in (self.scores, self.contributions, self.ranking))
        self.views: tuple[View, ...] = (self.header, self.case, self.weights, self.messages, *out_of_sight,
                                        self.figures, self.how_sure, self.season, self.freshness, self.profiles)
        for view in self.views:
            self.signals.changed.connect(view.show_result)
        self.signals.changed.connect(self._on_change)
        self.weights.step_done.connect(self.history.close_step)
        self.history.stack.cleanChanged.connect(self._on_clean_changed)
        self.figures.doubleClicked.connect(self._on_figure_double_clicked)
        self.ranking.doubleClicked.connect(self._on_ranking_double_clicked)
        self.setAcceptDrops(True)

        self.setCentralWidget(self._layout())
        self._menus()
        self.view_menu = ViewMenu(self, self)
        self.help_menu = HelpMenu(self, self.menuBar().addMenu("&Help"))
        self.statusBar().addPermanentWidget(self.freshness)
        self.statusBar().showMessage("Ready")
        self._on_change(result, Change.ALL)
        self.resize(1280, 800)
        self._restore_layout()

    def _layout(self) -> QWidget:
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.addWidget(self.case)
        left_box.addWidget(self.weights)
        left_box.addWidget(self.messages)
        left_box.addStretch(1)
        scroll = self.side = QScrollArea()
        scroll.setObjectName("side")
        scroll.setAccessibleName("Case and weights")
        scroll.setAccessibleDescription("The case's date and sources, and one weight and direction per criterion")
        scroll.setWidget(left)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(250)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        charts = self.charts_split = QSplitter(Qt.Orientation.Vertical)
        charts.setObjectName("charts")
        charts.addWidget(self.scores)
        charts.addWidget(self.contributions)
        tabs = self.tabs = QTabWidget()
        tabs.addTab(self.ranking, "&Ranking")
        tabs.addTab(self.figures, "&Figures and sources")
        tabs.tabBar().setAccessibleName("Tables")
        tabs.tabBar().setAccessibleDescription("Ranking, figures with their sources, weight profiles, the season and "
                                               "how sure the ranking is; Ctrl+Tab moves between them")
        tabs.addTab(self.profiles, "&Profiles")   # weight profiles side by side (ui/panels/profiles_panel.py)
        tabs.addTab(self.season, "S&eason")   # before How sure, which stays the last tab
        how_sure_page = _scrolling(self.how_sure)
        tabs.addTab(how_sure_page, "How &sure")
        for i, tip in enumerate(("Clubs best first, with the points each criterion adds",
                                 "Every figure with where it came from; double-click one to edit it",
                                 "Named weight profiles (stakeholders) and the ranking under each, side by side",
                                 "Each club's fit score on every matchday of the season; click a date to move to it",
                                 "How much the weights or a figure would have to change to alter the ranking")):
            tabs.setTabToolTip(i, tip)
        charts.addWidget(tabs)
        self.room = TabRoom(charts, tabs, how_sure_page, DEFAULT_SPLITS["charts"])

        body = self.body_split = QSplitter(Qt.Orientation.Horizontal)
        body.setObjectName("body")
        body.addWidget(scroll)
        body.addWidget(charts)
        body.setStretchFactor(1, 1)
        body.setSizes(DEFAULT_SPLITS["body"])

        page = QWidget()
        box = QVBoxLayout(page)
        box.addWidget(SteadyText(self.header))   # a new club count re-lays out nothing (panels/header.py)
        box.addWidget(body, 1)
        return page

    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self._action(file_menu, "&New case…", QKeySequence.StandardKey.New, self._on_new_case)
        self._action(file_menu, "New from e&xample", QKeySequence(), self._on_new)
        self._action(file_menu, "&Open scenario…", QKeySequence.StandardKey.Open, self._on_open)
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._on_recent_menu)
        self._action(file_menu, "&Save", QKeySequence.StandardKey.Save, self._on_save)
        self._action(file_menu, "Save &as…", QKeySequence.StandardKey.SaveAs, self._on_save_as)
        self.export_action = self._action(file_menu, "&Export fit report…", QKeySequence("Ctrl+E"), self._on_export)
        file_menu.addSeparator()
        self._action(file_menu, "Load &league file…", QKeySequence("Ctrl+L"), self._on_load_league)
        self._action(file_menu, "Load s&quad list…", QKeySequence("Ctrl+Shift+L"), self._on_load_squad)
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", QKeySequence.StandardKey.Quit, self.close)

        edit_menu = self.menuBar().addMenu("&Edit")
        self.undo_action = self.history.stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.history.stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        self._action(edit_menu, "&Add club…", QKeySequence("Ctrl+Shift+A"), self._on_add_club)
        self.remove_action = self._action(edit_menu, "Re&move club", QKeySequence(), self._on_remove_club)
        self._action(edit_menu, "Rank every club of the &leagues…", QKeySequence("Ctrl+Shift+R"), self._on_discover)
        edit_menu.addSeparator()
        self._action(edit_menu, "&Criteria…", QKeySequence("Ctrl+Shift+K"), self._on_criteria)
        # Delete on a table row, and its context menu, remove that row's club.
        for table in (self.ranking, self.figures):
            remove = QAction("Remove club", table)
            remove.setShortcut(QKeySequence.StandardKey.Delete)
            remove.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            remove.triggered.connect(self._on_remove_club)
            table.addAction(remove)
            table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def _action(self, menu: QMenu, text: str, shortcut: QKeySequence | QKeySequence.StandardKey,
                slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    # --- slots: one call each -------------------------------------------------------
    def _on_new_case(self) -> None:
        document_actions.new_case(self, self.session, self.history)

    def _on_new(self) -> None:
        document_actions.new_document(self, self.session, self.history, self.template)

    def _on_open(self) -> None:
        document_actions.open_document(self, self.session, self.history)

    def _on_open_recent(self) -> None:
        document_actions.open_recent(self, self.session, self.history, cast(QAction, self.sender()).data())   # only the Open Recent actions call this

    def _on_save(self) -> None:
        document_actions.save(self, self.session, self.history)

    def _on_save_as(self) -> None:
        document_actions.save_as(self, self.session, self.history)

    def _on_export(self) -> None:
        file_actions.export_fit_report(self, self.session)

    def _on_load_league(self) -> None:
        case_actions.load_league_file(self, self.session)

    def _on_load_squad(self) -> None:
        case_actions.load_squad_file(self, self.session)

    def _on_add_club(self) -> None:
        case_actions.add_club_interactively(self, self.session)

    def _on_criteria(self) -> None:
        from ui import criteria_dialog      # dialogs load when first opened, not at start-up
        criteria_dialog.show_criteria(self, self.session, self.signals)

    def _on_discover(self) -> None:
        from ui import discover_dialog
        discover_dialog.show_discover(self, self.session)

    def _on_remove_club(self) -> None:
        case_actions.remove_club(self, self.session, self._selected_club())

    def _on_figure_double_clicked(self, index: QModelIndex) -> None:
        file_actions.edit_figure(self, self.session, index.row(), self.figures.model_.column_at(index.column()).id)

    def _on_ranking_double_clicked(self, index: QModelIndex) -> None:
        case_actions.show_club_detail(self, self.session, int(self.session.result.order[index.row()]))

    def _on_clean_changed(self, clean: bool) -> None:
        self.setWindowModified(self.history.modified)   # a clean stack may still hold never-saved work

    def _on_change(self, result: Result, changes: Change) -> None:
        self.setWindowTitle(self.header.window_title(result, self.session.document_name))
        if changes & Change.DOCUMENT:   # another document, or saved under a name: the marker may change
            self.setWindowModified(self.history.modified)

    def _on_recent_menu(self) -> None:
        _fill_recent(self.recent_menu, self._on_open_recent)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            file_actions.open_dropped(self, self.session, self.history, url.toLocalFile())

    @property
    def robustness(self) -> RobustnessPanel:
        """The How sure panel (built on first use: it is deferred until its tab is shown)."""
        return self.how_sure.panel()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not document_actions.confirm_discard(self, self.session, self.history):
            event.ignore()                  # Cancel: everything stays as it was
            return
        with settings.batch():              # one write of the settings file, not four
            settings.save_window_state(self.saveGeometry(), self.saveState())
            settings.save_splitter_sizes(self.body_split.objectName(), self.body_split.sizes())
            self.room.save()                # the charts splitter: one set of sizes per kind of tab
        if self.how_sure.built:
            self.robustness.shutdown()      # no SMAA left running into a closing window
        super().closeEvent(event)

    # --- helpers that only wire ---------------------------------------------------------
    def _robustness_panel(self, result: Result) -> RobustnessPanel:
        from ui.panels.robustness_panel import RobustnessPanel   # its maths stays off the start-up path
        panel = RobustnessPanel(result)
        panel.sampling.message.connect(self.statusBar().showMessage)
        return panel

    def _season_panel(self, result: Result) -> SeasonPanel:
        from ui.panels.season_chart import SeasonPanel   # built when its tab is first shown
        return SeasonPanel(self.session, result)

    def _selected_club(self) -> str | None:
        table = self.figures if self.tabs.currentWidget() is self.figures else self.ranking
        return table.selected_club_id()

    def _restore_layout(self) -> None:
        geometry, state = settings.window_state()
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        if not state.isEmpty():
            self.restoreState(state)
        sizes = settings.splitter_sizes(self.body_split.objectName())
        if len(sizes) == self.body_split.count():
            self.body_split.setSizes(sizes)


def _fill_recent(menu: QMenu, slot: Callable[[], None]) -> None:
    menu.clear()
    gone = settings.prune_recent_files()
    for path in settings.recent_files():
        action = menu.addAction(Path(path).name)
        action.setData(path)
        action.setToolTip(path)
        action.triggered.connect(slot)
    if gone:
        note = menu.addAction(f"{len(gone)} missing file{'s' if len(gone) != 1 else ''} removed from this list")
        note.setEnabled(False)
    if menu.isEmpty():
        menu.addAction("No recent scenarios").setEnabled(False)




def _scrolling(widget: QWidget) -> QScrollArea:
    """A tall panel scrolls inside its tab instead of forcing the window taller."""
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    # Down only: scrolling sideways hid half of the charts at 800 px; they narrow instead.
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    widget.setMinimumHeight(1200)
    return area

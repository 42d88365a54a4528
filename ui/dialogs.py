"""Every modal the app shows goes through these functions, so tests can replace them."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLabel, QMessageBox, QWidget

from ui.themed import set_style


def _plain_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, message: str) -> None:
    # Messages quote file names and values from files: shown as plain text, never as HTML.
    box = QMessageBox(icon, title, message, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def problem_label() -> QLabel:
    """Where a page or dialog says why it cannot go on, in one line naming the field (empty when
    all is well): shown in place, so the user corrects the field without losing what was typed."""
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)   # it may quote what the user typed
    set_style(label, "color: $error_text;")        # follows a theme switch (ui/themed.py)
    label.setAccessibleName("Problem")
    label.setAccessibleDescription("Why the page cannot go on yet")
    return label


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    _plain_box(parent, QMessageBox.Icon.Warning, title, message)


def show_info(parent: QWidget | None, title: str, message: str) -> None:
    _plain_box(parent, QMessageBox.Icon.Information, title, message)


def ask_open_path(parent: QWidget | None, title: str, filters: str, folder: str = "") -> str:
    path, _ = QFileDialog.getOpenFileName(parent, title, folder, filters)
    return path


def ask_save_path(parent: QWidget | None, title: str, suggested: str, filters: str) -> str:
    """``suggested``: a file name, or a whole path (its folder is where the dialog opens)."""
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return path


def ask_save_changes(parent: QWidget | None, name: str) -> str:
    """'save', 'discard' or 'cancel' for a document with unsaved changes."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Unsaved changes",
                      f"Save the changes to {name} before closing it?",
                      QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                      | QMessageBox.StandardButton.Cancel, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)   # the name is the user's file name
    box.setInformativeText("Your changes will be lost if you don't save them.")
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    return {QMessageBox.StandardButton.Save: "save",
            QMessageBox.StandardButton.Discard: "discard"}.get(QMessageBox.StandardButton(answer), "cancel")


def ask_item(parent: QWidget | None, title: str, label: str, items: list[str], current: str) -> str:
    """One of ``items``, or "" when cancelled."""
    index = items.index(current) if current in items else 0
    item, ok = QInputDialog.getItem(parent, title, label, items, index, False)
    return item if ok else ""


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """A line of text typed by the user, or None when cancelled."""
    typed, ok = QInputDialog.getText(parent, title, label, text=text)
    return typed if ok else None


def replace_box(parent: QWidget | None, title: str, message: str) -> QMessageBox:
    """A Replace / Cancel question, Cancel by default (built apart so tests can look at it)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, message, QMessageBox.StandardButton.Cancel, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)   # the message quotes names the user typed
    box.addButton("Replace", QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box


def ask_replace(parent: QWidget | None, title: str, message: str) -> bool:
    box = replace_box(parent, title, message)
    box.exec()
    return box.buttonRole(box.clickedButton()) == QMessageBox.ButtonRole.AcceptRole


def show_list(parent: QWidget | None, title: str, items: tuple[str, ...] | list[str]) -> None:
    """A long list of lines to read and copy, in a resizable window."""
    from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    box = QVBoxLayout(dialog)
    text = QPlainTextEdit("\n".join(items))
    text.setReadOnly(True)
    box.addWidget(text)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    box.addWidget(buttons)
    dialog.resize(760, 480)
    dialog.exec()


def ask_yes_no(parent: QWidget | None, title: str, message: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, message,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def show_document(parent: QWidget | None, title: str, text: str, base: Path | None, markdown: bool = False) -> None:
    """Rich text (HTML, or Markdown when ``markdown``) to read, with pictures found under ``base``."""
    from PySide6.QtCore import QUrl
    from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    box = QVBoxLayout(dialog)
    view = QTextBrowser()
    view.setOpenExternalLinks(True)
    view.setAccessibleName(title)
    if base is not None:
        view.setSearchPaths([str(base)])
        view.document().setBaseUrl(QUrl.fromLocalFile(str(base) + "/"))
    if markdown:
        view.setMarkdown(text)
    else:
        view.setHtml(text)
    _fit_images(view.document(), 720)
    box.addWidget(view)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    box.addWidget(buttons)
    dialog.resize(820, 640)
    dialog.exec()


def _fit_images(doc: QTextDocument, width: int) -> None:
    """Screenshots are 1280 px wide: show them at ``width`` so the page needs no sideways scroll."""
    from PySide6.QtGui import QTextCursor
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if fmt.isImageFormat():
                image = fmt.toImageFormat()
                image.setWidth(width)
                cursor = QTextCursor(doc)
                cursor.setPosition(fragment.position())
                cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                cursor.setCharFormat(image)
            it += 1
        block = block.next()

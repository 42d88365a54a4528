"""Every modal the app shows goes through these functions, so tests can replace them."""
from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.warning(parent, title, message)


def show_info(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.information(parent, title, message)


def ask_open_path(parent: QWidget | None, title: str, filters: str) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
    return path


def ask_save_path(parent: QWidget | None, title: str, suggested: str, filters: str) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return path


def ask_item(parent: QWidget | None, title: str, label: str, items: list[str], current: str) -> str:
    """One of ``items``, or "" when cancelled."""
    index = items.index(current) if current in items else 0
    item, ok = QInputDialog.getItem(parent, title, label, items, index, False)
    return item if ok else ""


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

"""How full each page of a paginated QTextDocument is, to check the report's layout."""
from __future__ import annotations

from PySide6.QtGui import QTextDocument


def page_fill(doc: QTextDocument) -> list[float]:
    """For each page, 0..1: how far down the page its last line of content reaches."""
    layout = doc.documentLayout()
    page_h = doc.pageSize().height()
    fill = [0.0] * doc.pageCount()
    block = doc.begin()
    while block.isValid():
        rect = layout.blockBoundingRect(block)
        if block.length() > 1 or block.text():   # empty spacer blocks do not count as content
            first, last = int(rect.top() // page_h), int(max(rect.top(), rect.bottom() - 1) // page_h)
            for page in range(first, min(last, len(fill) - 1) + 1):
                reach = min(rect.bottom(), (page + 1) * page_h) - page * page_h
                fill[page] = max(fill[page], reach / page_h)
        block = block.next()
    return fill

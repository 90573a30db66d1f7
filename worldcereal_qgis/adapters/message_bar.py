"""Message-bar items the plugin pushes and takes back (the user may have closed them already)."""

from __future__ import annotations

from typing import Callable

from qgis.PyQt.QtWidgets import QPushButton


def pop(bar, item) -> None:
    """Take our item off the bar; one the user closed is already gone, which is fine."""
    if item is None:
        return
    try:
        bar.popWidget(item)
    except RuntimeError:
        pass


def with_button(bar, text: str, button_text: str, on_click: Callable[[], None]):
    """A "WorldCereal" message with one button; returns (item, button), not yet pushed."""
    item = bar.createMessage("WorldCereal", text)
    button = QPushButton(button_text)
    button.clicked.connect(lambda _checked=False: on_click())
    item.layout().addWidget(button)
    return item, button

"""The class picker's tree: EWOC groups, classes of the mapping and their codes, ticks and renames.

``TreeMixin`` is the tree half of ``ClassPickerDialog`` (gui/class_picker.py): it turns ``core.class_hierarchy``
nodes into items, keeps ``ticked``/``renames`` in step with the check boxes and the "Trains as" column, and
shows what each node trains as.
"""

from __future__ import annotations

from typing import Optional

from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtGui import QBrush, QColor, QFont
from qgis.PyQt.QtWidgets import QTreeWidgetItem

from ..core import class_hierarchy as ch

COL_NAME, COL_COUNT, COL_AS = 0, 1, 2
KEY_ROLE = Qt.ItemDataRole.UserRole
GREY = QColor(120, 120, 120)


def tr(text: str) -> str:
    """The class picker's words (this module and gui/class_picker.py)."""
    return QCoreApplication.translate("ClassPicker", text)


class TreeMixin:
    """Tree items <-> the user's ticks and renames (needs ``tree``, ``roots``, ``mapping``, ``samples``)."""

    # -- the tree ------------------------------------------------------------------------------------------------
    def _rebuild_tree(self) -> None:
        self._fill_tree()
        self._refresh()

    def _fill_tree(self) -> None:
        """The tree's items for the mapping and the counts; ticks and renames of classes that are gone drop."""
        counts = self.samples.code_counts() if self.samples is not None else {}
        self.roots = ch.build_tree(self.mapping, counts) if self.mapping else []
        self._nodes = {n.key: n for r in self.roots for n in r.walk()}
        keys = set(self._nodes)
        self.ticked &= keys
        self.renames = {k: v for k, v in self.renames.items() if k in keys}
        self.tree.blockSignals(True)
        self.tree.clear()
        self._items = {}
        for root in self.roots:
            self.tree.addTopLevelItem(self._item(root))
        for root in self.roots:  # the class hierarchy open, the EWOC codes of each class folded
            for node in root.walk():
                self._items[node.key].setExpanded(any(c.kind != "code" for c in node.children))
        self.tree.blockSignals(False)

    def _item(self, node: ch.Node) -> QTreeWidgetItem:
        item = QTreeWidgetItem([node.name, str(node.count), ""])
        item.setData(COL_NAME, KEY_ROLE, node.key)
        item.setTextAlignment(COL_COUNT, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter))
        if node.kind == "group":
            font = QFont(item.font(COL_NAME))
            font.setBold(True)
            item.setFont(COL_NAME, font)
            item.setToolTip(COL_NAME, tr("EWOC group {name}: tick it to train all its classes as one class").format(
                name=node.name))
        elif node.kind == "code":
            item.setText(COL_NAME, f"EWOC {node.name}")
            item.setForeground(COL_NAME, QBrush(GREY))
            item.setToolTip(COL_NAME, tr("Samples with EWOC code {code}").format(code=node.codes[0]))
        else:
            codes = ", ".join(ch.format_code(c) for c in node.codes[:12]) + (" …" if len(node.codes) > 12 else "")
            item.setToolTip(COL_NAME, tr("Class of the mapping; EWOC codes: {codes}").format(codes=codes))
        self._items[node.key] = item
        for child in node.children:
            item.addChild(self._item(child))
        return item

    def tick(self, name_or_key: str, on: bool = True) -> None:
        """Tick (or untick) a class or group by name or key, as a click on its box does."""
        node = self.node(name_or_key)
        if node is None or not node.selectable:
            raise KeyError(name_or_key)
        item = self._items[node.key]
        item.setCheckState(COL_NAME, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def rename(self, name_or_key: str, new_name: str) -> None:
        node = self.node(name_or_key)
        if node is None:
            raise KeyError(name_or_key)
        self._items[node.key].setText(COL_AS, new_name)

    def node(self, name_or_key: str) -> Optional[ch.Node]:
        found = self._nodes.get(name_or_key)
        return found or next((n for n in self._nodes.values() if n.name == name_or_key and n.selectable), None)

    def _edit_name(self, item: QTreeWidgetItem, _column: int) -> None:
        """Double-click on a ticked class: rename the class it trains as."""
        if item.flags() & Qt.ItemFlag.ItemIsEditable:
            self.tree.editItem(item, COL_AS)

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        key = item.data(COL_NAME, KEY_ROLE)
        if column == COL_NAME and item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            if item.checkState(COL_NAME) == Qt.CheckState.Checked:
                self.ticked.add(key)
            else:
                self.ticked.discard(key)
        elif column == COL_AS and key in self.ticked:
            node = self._nodes.get(key)
            text = item.text(COL_AS).strip()
            if node is not None and text and text != node.name:
                self.renames[key] = text
            else:
                self.renames.pop(key, None)
        self._refresh()

    # -- the choice ----------------------------------------------------------------------------------------------
    def _refresh(self) -> None:
        self._show_ticks()
        self._show_choice()
        self._style_layer()

    def _show_ticks(self) -> None:
        """The choice the ticks and renames make, shown on every item (what each trains as)."""
        self.choice = ch.choose(self.roots, self.ticked, self.renames)
        roots = {n.key for n in ch.selected_roots(self.roots, self.ticked)}
        self.tree.blockSignals(True)
        for key, item in self._items.items():
            self._show_item(item, self._nodes.get(key), roots)
        self.tree.blockSignals(False)

    def _show_item(self, item: QTreeWidgetItem, node: Optional[ch.Node], roots: set[str]) -> None:
        if node is None:
            return
        assert self.choice is not None
        owner = node.parent if node.kind == "code" else node
        covered = node.key not in roots and ch.covered(node, roots)
        target = self._target(owner, roots)
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if node.selectable and not covered:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        if node.key in roots:
            flags |= Qt.ItemFlag.ItemIsEditable
        item.setFlags(flags)
        if node.selectable:
            checked = node.key in roots or covered
            item.setCheckState(COL_NAME, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        item.setText(COL_AS, target if node.key in roots else (f"→ {target}" if covered else target))
        item.setForeground(COL_AS, QBrush(QColor(0, 0, 0) if node.key in roots else GREY))
        font = QFont(item.font(COL_AS))
        font.setBold(node.key in roots)  # the model's classes stand out
        item.setFont(COL_AS, font)
        if node.key in roots:
            item.setToolTip(COL_AS, tr("Double-click to rename this class"))

    def _target(self, node: Optional[ch.Node], roots: set[str]) -> str:
        """The class the samples of ``node`` train as."""
        while node is not None:
            if node.key in roots:
                return (self.renames.get(node.key) or node.name).strip()
            node = node.parent
        return ch.OTHER

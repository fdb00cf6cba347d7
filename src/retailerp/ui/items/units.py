"""The shop's list of units (计量单位): add a unit, take one out of use or bring it back."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from retailerp import i18n
from retailerp.domain.errors import DomainError
from retailerp.services import Services
from retailerp.ui.errors import message_for, show_error
from retailerp.ui.sources import ENDED_COLOUR
from retailerp.ui.styles import ERROR_STYLE

UNIT_ROLE = Qt.ItemDataRole.UserRole + 1


class UnitsDialog(QDialog):
    """The units items pick from; one out of use stays on the items that have it.

    ``changed()`` follows every change.
    """

    changed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("units_dialog")
        self.setWindowTitle(self.tr("Units"))
        self.list = QListWidget()
        self.list.setObjectName("units")
        self.list.currentRowChanged.connect(lambda _row: self._update_actions())
        self.new_name = QLineEdit()
        self.new_name.setObjectName("new_unit")
        self.new_name.setPlaceholderText(self.tr("New unit, e.g. 箱 or kg"))
        self.new_name.returnPressed.connect(self.add)
        self.add_button = QPushButton(self.tr("&Add"))
        self.add_button.clicked.connect(lambda: self.add())
        self.active_button = QPushButton(self.tr("&Take out of use"))
        self.active_button.clicked.connect(lambda: self.toggle_selected())
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self._lay_out()
        self.load()

    def _lay_out(self) -> None:
        adding = QHBoxLayout()
        adding.addWidget(self.new_name, 1)
        adding.addWidget(self.add_button)
        buttons = QDialogButtonBox()
        buttons.addButton(self.active_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close).clicked.connect(self.reject)
        for button in (self.add_button, self.active_button):
            button.setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(adding)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.new_name.setFocus(Qt.FocusReason.OtherFocusReason)

    def load(self, select: str | None = None) -> None:
        self.list.clear()
        for unit in self.services.items.units():
            text = (
                unit.name if unit.active else self.tr("{unit} (out of use)").format(unit=unit.name)
            )
            entry = QListWidgetItem(text)
            entry.setData(UNIT_ROLE, unit)
            if not unit.active:
                entry.setForeground(QColor(ENDED_COLOUR))
            self.list.addItem(entry)
            if unit.name == select:
                self.list.setCurrentItem(entry)
        self._update_actions()

    def names(self) -> list[str]:
        return [self.list.item(i).data(UNIT_ROLE).name for i in range(self.list.count())]

    def selected(self):  # noqa: ANN201 - a Unit or None
        entry = self.list.currentItem()
        return entry.data(UNIT_ROLE) if entry is not None else None

    def _update_actions(self) -> None:
        unit = self.selected()
        self.active_button.setEnabled(unit is not None)
        in_use = unit is None or unit.active
        self.active_button.setText(
            self.tr("&Take out of use") if in_use else self.tr("Bring &back into use")
        )

    def add(self) -> bool:
        name = self.new_name.text()
        if not self._run(lambda: self.services.items.add_unit(name)):
            return False
        self.new_name.clear()
        self.load(select=name.strip())
        return True

    def toggle_selected(self) -> bool:
        unit = self.selected()
        if unit is None:
            return False
        if not self._run(lambda: self.services.items.set_unit_active(unit.id, not unit.active)):
            return False
        self.load(select=unit.name)
        return True

    def _run(self, action) -> bool:  # noqa: ANN001 - a service call
        try:
            action()
        except DomainError as error:
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(message_for(error, i18n.translate))
            return False
        except Exception as error:  # noqa: BLE001 - shown and logged, the dialog stays
            show_error(self, error)
            return False
        self.message.clear()
        self.changed.emit()
        return True

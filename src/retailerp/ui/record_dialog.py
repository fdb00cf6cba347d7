"""What the master-data cards (customer, item) share: a form, a status line under it, Save,
service calls whose refusals appear next to their fields, and a question before typed
changes are thrown away.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QWidget

from retailerp import i18n
from retailerp.domain.errors import DomainError
from retailerp.services.changes import Change, ChangeBus
from retailerp.ui import prompts
from retailerp.ui.changes import ChangeWatcher, watch
from retailerp.ui.errors import show_error
from retailerp.ui.styles import WARNING_STYLE
from retailerp.ui.widgets import FormPage


class Record(Protocol):
    id: int | None
    version: int


R = TypeVar("R", bound=Record)
RecordOf = Callable[[], Any]
"""The record a card shows now (``None`` while new)."""

log = logging.getLogger(__name__)


class RecordDialog(QDialog):
    """Base of the customer and item cards.  Ctrl+S saves (the dialog stays open), Esc closes.

    A subclass builds :attr:`form` and implements :meth:`save` and :meth:`load`;
    ``saved(record_id)`` follows every change.
    """

    saved = Signal(int)

    form: FormPage

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info = QLabel()
        self.info.setObjectName("info")
        self.elsewhere = QLabel()
        """"Being edited on PC-2 by anna since 09:12" (another PC has the record open)."""
        self.elsewhere.setObjectName("edited_elsewhere")
        self.elsewhere.setWordWrap(True)
        self.elsewhere.setStyleSheet(WARNING_STYLE)
        self.elsewhere.setVisible(False)
        self._claimed: tuple[str, str] | None = None

    def share_editing(self, office: Any, bus: ChangeBus, entity: str, shown: RecordOf) -> None:
        """Tell other PCs this card has the record open, and show who else has it.

        ``office`` is ``services.office``; the claim goes when the card closes."""

        def update() -> None:
            record = shown()
            key = (entity, str(record.id)) if record is not None and record.id else None
            try:
                if key != self._claimed:
                    if self._claimed is not None:
                        office.release(*self._claimed)
                    self._claimed = key
                    claims = office.claim(*key) if key else []
                else:
                    claims = office.claims_on(*key) if key else []
            except Exception:  # noqa: BLE001 - who else edits is a courtesy, never a blocker
                log.warning("Could not share which record is open", exc_info=True)
                return
            self.show_claims(claims)

        def release() -> None:
            if self._claimed is not None:
                try:
                    office.release(*self._claimed)
                except Exception:  # noqa: BLE001 - it expires with the session
                    log.warning("Could not release the record", exc_info=True)
                self._claimed = None

        watch(self, bus, {Change.SESSIONS}, update)
        self.saved.connect(lambda _id: update())
        self.finished.connect(lambda _r: release())
        self.destroyed.connect(lambda *_a: release())
        QTimer.singleShot(0, self, update)

    def show_claims(self, claims: Iterable[Any]) -> None:
        lines = [
            QCoreApplication.translate(
                "RecordDialog", "Being edited on {pc} by {user} since {since}."
            ).format(
                pc=c.pc, user=c.username, since=c.since.astimezone().strftime("%Y-%m-%d %H:%M")
            )
            for c in claims
        ]
        self.elsewhere.setText("\n".join(lines))
        self.elsewhere.setVisible(bool(lines))

    def add_save_button(self, buttons: QDialogButtonBox) -> QPushButton:
        button = buttons.addButton(
            QCoreApplication.translate("RecordDialog", "&Save"),
            QDialogButtonBox.ButtonRole.ActionRole,
        )
        button.setToolTip(QCoreApplication.translate("RecordDialog", "Save (Ctrl+S)"))
        button.clicked.connect(self.save)
        return button

    def save(self) -> bool:
        raise NotImplementedError

    def follow(
        self,
        bus: ChangeBus,
        kinds: Iterable[str],
        shown: Callable[[], Record | None],
        get: Callable[[int], Any],
    ) -> ChangeWatcher:
        """Show the record again when someone else changed it (what the user typed stays).

        ``shown()`` is the record on the card (``None`` while new), ``get(id)`` reads it."""

        def changed() -> None:
            record = shown()
            if record is None or record.id is None:
                return
            try:
                fresh = get(record.id)
            except Exception:  # noqa: BLE001 - gone or unreadable: the card keeps what it has
                return
            if fresh.version != record.version:
                self.load(fresh, keep_edits=True)

        return watch(self, bus, kinds, changed)

    def load(self, record: Any, *, keep_edits: bool = False) -> None:
        """Show ``record``; with ``keep_edits`` a dirty form keeps what the user typed."""
        raise NotImplementedError

    def save_record(
        self,
        record: R | None,
        create: Callable[[Mapping[str, Any]], R],
        update: Callable[[int, int, Mapping[str, Any]], R],
    ) -> bool:
        """Create the record or update it from the form; refusals appear next to fields."""
        values = self.form.values()
        if record is None:
            done = self.run_service(lambda: create(values), keep_edits=False)
        else:
            done = self.run_service(
                lambda: update(record.id or 0, record.version, values), keep_edits=False
            )
        if done is None:
            return False
        self.info.setText(QCoreApplication.translate("RecordDialog", "Saved."))
        return True

    def run_with_reason(
        self, title: str, label: str, act: Callable[[str], R], *, required: bool = True
    ) -> R | None:
        """Ask why, and run ``act(reason)`` while the prompt is open: a refused reason stays
        in the prompt; other refusals appear on the card, which shows the record returned."""
        return self.run_service(
            lambda: prompts.ask_reason(self, title, label, act=act, required=required),
            keep_edits=True,
        )

    def run_service(
        self, action: Callable[[], R | None], *, keep_edits: bool, emit: bool = True
    ) -> R | None:
        """Run a service call that returns the record and show the record it returns.

        A refusal appears on the form, anything else in a message box; the card stays open.
        ``keep_edits`` keeps what the user typed but did not save yet.  An action that
        returns ``None`` (a prompt cancelled) changes nothing."""
        self.info.clear()
        try:
            record = action()
        except DomainError as error:
            self.form.show_domain_error(error, i18n.translate)
            return None
        except Exception as error:  # noqa: BLE001 - shown and logged, the card stays open
            show_error(self, error)
            return None
        if record is None:
            return None
        self.form.clear_errors()
        self.load(record, keep_edits=keep_edits)
        if emit:
            self.saved.emit(record.id or 0)
        return record

    def reject(self) -> None:
        if self.form.dirty and not prompts.ask_discard(self):
            return
        super().reject()

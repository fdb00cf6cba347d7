"""The company page of the settings dialog: the details every printed document is headed with.

Name, address, phone, tax id (checked by the settings service), bank and account, and a logo
chosen from an image file (PNG or JPEG; kept in the database, so a backup carries it).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from retailerp import i18n
from retailerp.domain.company import LOGO_MAX_BYTES, CompanyDetails
from retailerp.domain.errors import DomainError
from retailerp.services import Services
from retailerp.ui.errors import show_error
from retailerp.ui.widgets import FormPage

TEXT_KEYS = ("name", "address", "phone", "tax_id", "bank_name", "bank_account")
LOGO_HEIGHT = 48


class CompanyPage(QWidget):
    """Company details loaded from and saved through ``services.settings``."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.logo = b""
        self.setObjectName("company_page")
        self.heading = QLabel(self.tr("Company (printed at the head of every document)"), self)
        self.heading.setWordWrap(True)
        self.form = FormPage(self)
        for key, label in (
            ("name", self.tr("Company na&me")),
            ("address", self.tr("Addr&ess")),
            ("phone", self.tr("P&hone")),
            ("tax_id", self.tr("&Tax ID (unified social credit code)")),
            ("bank_name", self.tr("Ban&k")),
            ("bank_account", self.tr("Bank acco&unt")),
        ):
            self.form.add_field(key, label, QLineEdit())
        self.logo_preview = QLabel(self)
        self.logo_preview.setObjectName("logo_preview")
        self.logo_preview.setMinimumHeight(LOGO_HEIGHT)
        self.logo_error = QLabel(self)
        self.logo_error.setObjectName("logo_error")
        self.logo_error.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Choose lo&go…"), self)
        self.choose_button.setAutoDefault(False)
        self.choose_button.clicked.connect(lambda: self.choose_logo())
        self.remove_button = QPushButton(self.tr("Remove log&o"), self)
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(lambda: self.set_logo(b""))
        self._build_layout()
        self.load()

    def _build_layout(self) -> None:
        logo_row = QHBoxLayout()
        logo_row.addWidget(QLabel(self.tr("Logo"), self))
        logo_row.addWidget(self.logo_preview, 1)
        logo_row.addWidget(self.choose_button)
        logo_row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.form)
        layout.addLayout(logo_row)
        layout.addWidget(self.logo_error)
        layout.addStretch(1)

    def load(self) -> None:
        company = self.services.settings.company()
        self.form.set_values({key: getattr(company, key) for key in TEXT_KEYS})
        self.set_logo(company.logo)

    def set_logo(self, data: bytes) -> None:
        """Show ``data`` as the logo to save (empty: no logo)."""
        self.logo = data
        self.logo_error.clear()
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            self.logo_preview.setPixmap(
                pixmap.scaledToHeight(LOGO_HEIGHT, Qt.TransformationMode.SmoothTransformation)
            )
        else:
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText(self.tr("No logo") if not data else "")
        self.remove_button.setEnabled(bool(data))

    def choose_logo(self, path: str | Path | None = None) -> bool:
        """Take the logo from an image file (asked for when not given); checked on save."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Company logo"),
                "",
                self.tr("Images (*.png *.jpg *.jpeg)"),
            )
            if not path:
                return False
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            show_error(self, error)
            return False
        self.set_logo(data)
        if len(data) > LOGO_MAX_BYTES:
            self.logo_error.setText(
                self.tr("The logo is {size} KB; at most {limit} KB can be stored.").format(
                    size=(len(data) + 1023) // 1024, limit=LOGO_MAX_BYTES // 1024
                )
            )
        return True

    def values(self) -> dict[str, object]:
        values: dict[str, object] = dict(self.form.values())
        values["logo"] = self.logo
        return values

    def save(self) -> CompanyDetails | None:
        """Save through the settings service; refusals appear next to their fields."""
        self.logo_error.clear()
        try:
            return self.services.settings.save_company(self.values())
        except DomainError as error:
            self.form.show_domain_error(error, i18n.translate)
            logo = getattr(error, "by_field", lambda: {})().get("logo")
            if logo is not None:
                self.logo_error.setText(logo.render(i18n.translate))
            return None

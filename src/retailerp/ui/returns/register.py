"""Adding the returns modules to the main window."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from retailerp.services import Services
from retailerp.ui.main_window import MainWindow, screen
from retailerp.ui.styles import icon


def register_returns_modules(window: MainWindow, services: Services) -> None:
    """Returns and the returns analysis, each built when first opened."""
    window.add_module(
        "returns",
        QCoreApplication.translate("ReturnsModules", "Returns"),
        screen("retailerp.ui.returns.list_page", "ReturnsPage", services),
        icon("reverse"),
    )
    window.add_module(
        "return_analysis",
        QCoreApplication.translate("ReturnsModules", "Returns by reason"),
        screen("retailerp.ui.returns.list_page", "ReturnAnalysisPage", services),
        icon("classes"),
    )

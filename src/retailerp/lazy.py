"""Names a package hands out, imported from their module when first asked for (PEP 562).

Start-up imports a package (``retailerp.ui.customers``, ``retailerp.services``) without the
screens or queries it re-exports; ``from package import Name`` still works, and loads
``Name``'s module then.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def exports(package: str, where: Mapping[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` for ``package``: each name of ``where`` is imported from its
    module (absolute, or relative to ``package`` with a leading dot) on first use."""

    def __getattr__(name: str) -> Any:  # noqa: ANN401 - whatever the module defines
        if name not in where:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(where[name], package), name)

    return __getattr__

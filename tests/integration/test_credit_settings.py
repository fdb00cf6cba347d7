"""The overdue grace of the credit check: a shop setting, checked, stored and audited."""

from __future__ import annotations

import pytest

from retailerp.domain.errors import ValidationError
from retailerp.persistence.engine import Database
from retailerp.services import Services
from support.dbtools import audit_entries


def test_the_overdue_grace_is_stored_checked_and_audited(services: Services, db: Database) -> None:
    assert services.settings.get().overdue_grace_days == 30
    saved = services.settings.save_values({"overdue_grace_days": "45"})
    assert saved.overdue_grace_days == 45 == services.settings.get().overdue_grace_days
    with pytest.raises(ValidationError) as refused:
        services.settings.save_values({"overdue_grace_days": "forty", "price_floor": "50"})
    assert set(refused.value.by_field()) == {"overdue_grace_days"}
    assert services.settings.get().overdue_grace_days == 45
    assert [a for _, a, _ in audit_entries(db)] == ["settings.save"]
    services.settings.save_values({"price_floor": "40"})  # other keys keep the grace
    assert services.settings.get().overdue_grace_days == 45

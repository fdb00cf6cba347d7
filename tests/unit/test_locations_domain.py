"""Warehouses and bins as master data, and units as a list: the rules, without a database."""

from __future__ import annotations

import pytest

from retailerp.domain import locations as loc
from retailerp.domain.errors import FieldError, StateError
from retailerp.domain.stock import Location, LocationKind
from retailerp.domain.units import DEFAULT_UNIT, check_item_unit, clean_unit_name

WH = Location("WH", "Main warehouse", LocationKind.WAREHOUSE, id=1)
EAST = Location("EAST", "East store", LocationKind.WAREHOUSE, id=2)
A01 = Location("A-01", "Shelf A-01", LocationKind.BIN, parent_id=1, id=10)
B01 = Location("B-01", "Shelf B-01", LocationKind.BIN, parent_id=2, id=11)
QC = Location("QC", "Quarantine", LocationKind.QUARANTINE, id=3)
SOLD = Location("CUSTOMERS", "Customers (sold)", LocationKind.CUSTOMER, id=4)


def test_a_new_bin_lies_in_a_warehouse_in_use() -> None:
    bin_ = loc.new_location({"kind": "bin", "code": "a-02", "name": " Shelf A-02 "}, WH)
    assert (bin_.code, bin_.name, bin_.kind, bin_.parent_id, bin_.active) == (
        "A-02",
        "Shelf A-02",
        LocationKind.BIN,
        1,
        True,
    )
    with pytest.raises(FieldError) as missing:
        loc.new_location({"kind": "bin", "code": "A-03"}, None)
    assert missing.value.field == "warehouse"
    with pytest.raises(FieldError) as not_a_warehouse:
        loc.new_location({"kind": "bin", "code": "A-03"}, A01)
    assert not_a_warehouse.value.field == "warehouse"
    closed = Location("OLD", "Old store", LocationKind.WAREHOUSE, active=False, id=9)
    with pytest.raises(FieldError, match="no longer in use"):
        loc.new_location({"kind": "bin", "code": "A-03"}, closed)


def test_a_new_warehouse_has_no_parent_and_takes_its_code_as_name() -> None:
    warehouse = loc.new_location({"kind": "warehouse", "code": "east"}, WH)
    assert (warehouse.code, warehouse.name, warehouse.parent_id) == ("EAST", "EAST", None)


@pytest.mark.parametrize("kind", ["quarantine", "customer", "consignment", "nonsense"])
def test_only_warehouses_and_bins_are_created_by_hand(kind: str) -> None:
    with pytest.raises(FieldError) as error:
        loc.new_location({"kind": kind, "code": "X1"}, None)
    assert error.value.field == "kind"


def test_a_code_is_checked_and_unique() -> None:
    with pytest.raises(FieldError) as bad:
        loc.new_location({"kind": "warehouse", "code": "-bad code"}, None)
    assert bad.value.field == "code"
    with pytest.raises(FieldError, match="exists already"):
        loc.check_code_free("A-01", A01)
    loc.check_code_free("A-09", None)


def test_real_places_are_renamed_virtual_ends_are_not() -> None:
    shelf = Location("A-05", "A-05", LocationKind.BIN, parent_id=1, id=20)
    assert loc.rename(shelf, "  Tea shelf ") == "Tea shelf" and shelf.name == "Tea shelf"
    with pytest.raises(FieldError):
        loc.rename(shelf, " ")
    with pytest.raises(StateError):
        loc.rename(Location("CUSTOMERS", "x", LocationKind.CUSTOMER, id=4), "Sold")


def test_a_place_is_taken_out_of_use_only_when_empty_unassigned_and_without_bins() -> None:
    shelf = Location("A-06", "A-06", LocationKind.BIN, parent_id=1, id=21)
    for use, words in (
        (loc.LocationUse(holds_stock=True), "still holds stock"),
        (loc.LocationUse(items=3), "bin of 3 items"),
        (loc.LocationUse(active_children=2), "2 bins in use"),
    ):
        with pytest.raises(StateError, match=words):
            loc.deactivate(shelf, use)
        assert shelf.active
    loc.deactivate(shelf, loc.LocationUse(has_history=True))
    assert not shelf.active


def test_standard_locations_always_stay_in_use() -> None:
    warehouse = Location("WH", "Main warehouse", LocationKind.WAREHOUSE, id=1)
    with pytest.raises(StateError, match="standard location"):
        loc.deactivate(warehouse, loc.LocationUse())
    with pytest.raises(StateError, match="standard location"):
        loc.check_delete(
            Location("QC", "Quarantine", LocationKind.QUARANTINE, id=3), loc.LocationUse()
        )


def test_a_bin_comes_back_into_use_only_inside_a_warehouse_in_use() -> None:
    shelf = Location("B-02", "B-02", LocationKind.BIN, parent_id=2, active=False, id=22)
    closed = Location("EAST", "East", LocationKind.WAREHOUSE, active=False, id=2)
    with pytest.raises(FieldError, match="no longer in use"):
        loc.reactivate(shelf, closed)
    loc.reactivate(shelf, EAST)
    assert shelf.active


def test_a_place_that_was_ever_used_is_never_deleted() -> None:
    shelf = Location("A-07", "A-07", LocationKind.BIN, parent_id=1, id=23)
    for use in (
        loc.LocationUse(has_history=True),
        loc.LocationUse(holds_stock=True),
        loc.LocationUse(items=1),
        loc.LocationUse(active_children=1),
    ):
        with pytest.raises(StateError, match="never deleted"):
            loc.check_delete(shelf, use)
    loc.check_delete(shelf, loc.LocationUse())  # a typing mistake nobody used


def test_an_items_bin_is_a_warehouse_or_bin_in_use_unless_it_already_had_it() -> None:
    assert loc.check_item_place(A01, None) == 10
    assert loc.check_item_place(WH, None) == 1
    assert loc.check_item_place(None, 10) is None
    with pytest.raises(FieldError) as wrong_kind:
        loc.check_item_place(QC, None)
    assert wrong_kind.value.field == "bin_id"
    retired = Location("A-08", "A-08", LocationKind.BIN, parent_id=1, active=False, id=24)
    with pytest.raises(FieldError, match="no longer in use"):
        loc.check_item_place(retired, None)
    assert loc.check_item_place(retired, 24) == 24  # saving the card again keeps it


def test_a_line_goes_to_the_bin_asked_for_else_the_items_bin_else_the_document_place() -> None:
    assert loc.line_location(B01, A01, EAST) is B01
    assert loc.line_location(None, A01, WH) is A01  # the item's bin lies in WH
    assert loc.line_location(None, B01, WH) is WH  # the item's bin is in another warehouse
    assert loc.line_location(None, None, WH) is WH
    retired = Location("A-09", "A-09", LocationKind.BIN, parent_id=1, active=False, id=25)
    assert loc.line_location(None, retired, WH) is WH
    assert loc.line_location(None, A01, A01) is A01  # a receipt straight into a bin


def test_a_line_place_must_lie_in_the_documents_location_and_be_in_use() -> None:
    loc.check_line_location("lines.1.location", A01, WH)
    loc.check_line_location("lines.1.location", WH, WH)
    with pytest.raises(FieldError, match="is not in WH") as outside:
        loc.check_line_location("lines.2.location", B01, WH)
    assert outside.value.field == "lines.2.location"
    with pytest.raises(FieldError, match="is not in"):
        loc.check_line_location("lines.1.location", QC, WH)
    retired = Location("A-10", "A-10", LocationKind.BIN, parent_id=1, active=False, id=26)
    with pytest.raises(FieldError, match="no longer in use"):
        loc.check_line_location("lines.1.location", retired, WH)


def test_units_come_from_the_list() -> None:
    assert DEFAULT_UNIT == "pcs"
    assert clean_unit_name(" 箱 ", {"个"}) == "箱"
    with pytest.raises(FieldError, match="on the list already"):
        clean_unit_name("个", {"个", "kg"})
    with pytest.raises(FieldError):
        clean_unit_name("", set())
    with pytest.raises(FieldError):
        clean_unit_name("a very long unit", set())
    assert check_item_unit("kg", {"个", "kg"}, None) == "kg"
    with pytest.raises(FieldError) as off_list:
        check_item_unit("打", {"个", "kg"}, None)
    assert off_list.value.field == "unit"
    assert check_item_unit("打", {"个"}, "打") == "打"  # taken off the list, kept by the item

"""The one permission table: what every public service method needs.

Each public service method is named ``"ServiceClass.method"`` and mapped to the
:class:`~retailerp.domain.security.Permission` it needs, or to :data:`ANYONE` (reads, the
login).  ``@door`` (``services/door.py``) looks the method up *before* it checks the
arguments, so a role that may not call it gets :class:`PermissionDenied` and nothing runs; a
method missing here is refused too, and ``tests/integration/test_permissions.py`` lists the
missing ones.  A new service method needs one line here.

Refusals that depend on the arguments stay where they are decided: an override needs
``sales.override`` only when an override reason is given, a complaint's solution is approved
by the role its severity asks for (``domain.complaints.may_approve``).

The UI asks the same table (:func:`may`, :func:`why_not`) to hide or disable what a role
cannot do.
"""

from __future__ import annotations

from typing import Final

from retailerp.domain.errors import PermissionDenied
from retailerp.domain.security import Actor, Permission, denied
from retailerp.domain.text import QT_TRANSLATE_NOOP


class _Anyone:
    """Marker: every logged-in user (and the login step itself) may call the method."""

    def __repr__(self) -> str:
        return "ANYONE"


ANYONE: Final = _Anyone()

P = Permission

TABLE: dict[str, Permission | _Anyone] = {
    # AuditService: the owner reads, checks and exports the trail
    "AuditService.page": P.ADMINISTER,
    "AuditService.filters": P.ADMINISTER,
    "AuditService.export": P.ADMINISTER,
    "AuditService.verify": P.ADMINISTER,
    "AuditService.verify_at_start": P.ADMINISTER,
    # DocumentLinkService
    "DocumentLinkService.of": ANYONE,
    # OfficeService: every PC announces itself and sees the others
    "OfficeService.open": ANYONE,
    "OfficeService.heartbeat": ANYONE,
    "OfficeService.close": ANYONE,
    "OfficeService.connected": ANYONE,
    "OfficeService.last_known": ANYONE,
    "OfficeService.others": ANYONE,
    "OfficeService.claim": ANYONE,
    "OfficeService.release": ANYONE,
    "OfficeService.claims_on": ANYONE,
    "OfficeService.poll_remote": ANYONE,
    # ComplaintResolutionService
    "ComplaintResolutionService.return_goods": P.HANDLE_COMPLAINTS,
    "ComplaintResolutionService.replace": P.HANDLE_COMPLAINTS,
    "ComplaintResolutionService.exchange": P.HANDLE_COMPLAINTS,
    "ComplaintResolutionService.damages": P.RECORD_PAYMENTS,  # money owed; a refund also REFUNDS
    "ComplaintResolutionService.allowance": P.RED_INVOICES,  # drafts a red invoice
    "ComplaintResolutionService.compensate": P.HANDLE_COMPLAINTS,
    "ComplaintResolutionService.compensate_same_total": P.HANDLE_COMPLAINTS,
    "ComplaintResolutionService.plan_visit": P.HANDLE_COMPLAINTS,
    "ComplaintResolutionService.record_visit": P.HANDLE_COMPLAINTS,
    "ComplaintResolutionService.link_document": P.HANDLE_COMPLAINTS,
    # ComplaintService
    "ComplaintService.settings": ANYONE,
    "ComplaintService.suggest": ANYONE,
    "ComplaintService.tickets": ANYONE,
    "ComplaintService.get": ANYONE,
    "ComplaintService.by_number": ANYONE,
    "ComplaintService.detail": ANYONE,
    "ComplaintService.customer_deliveries": ANYONE,
    "ComplaintService.delivery_items": ANYONE,
    "ComplaintService.delivery_customer": ANYONE,
    "ComplaintService.attachment": ANYONE,
    "ComplaintService.insight": ANYONE,
    "ComplaintService.batch_warning": ANYONE,
    "ComplaintService.configure": P.ADMINISTER,
    "ComplaintService.save_settings": P.ADMINISTER,
    "ComplaintService.settings_text": ANYONE,
    "ComplaintService.page": ANYONE,
    "ComplaintService.bad_batches_of": ANYONE,
    "ComplaintService.create": P.HANDLE_COMPLAINTS,
    "ComplaintService.update": P.HANDLE_COMPLAINTS,
    "ComplaintService.change_severity": P.HANDLE_COMPLAINTS,
    "ComplaintService.act": P.HANDLE_COMPLAINTS,
    "ComplaintService.propose": P.HANDLE_COMPLAINTS,
    "ComplaintService.follow_up": P.HANDLE_COMPLAINTS,
    "ComplaintService.record_cause": P.HANDLE_COMPLAINTS,
    "ComplaintService.verify_action": P.HANDLE_COMPLAINTS,
    "ComplaintService.add_attachment": P.HANDLE_COMPLAINTS,
    "ComplaintService.remove_attachment": P.HANDLE_COMPLAINTS,
    "ComplaintService.escalate_overdue": P.HANDLE_COMPLAINTS,
    # ConsignmentService
    "ConsignmentService.links": ANYONE,
    "ConsignmentService.returnable": ANYONE,
    "ConsignmentService.statement_export": ANYONE,  # a read written to a file
    "ConsignmentService.get": ANYONE,
    "ConsignmentService.by_number": ANYONE,
    "ConsignmentService.documents": ANYONE,
    "ConsignmentService.lots": ANYONE,
    "ConsignmentService.layers": ANYONE,
    "ConsignmentService.horizon_days": ANYONE,
    "ConsignmentService.set_horizon_days": P.ADMINISTER,
    "ConsignmentService.stock": ANYONE,
    "ConsignmentService.page": ANYONE,
    "ConsignmentService.overview": ANYONE,
    "ConsignmentService.position": ANYONE,
    "ConsignmentService.expiring": ANYONE,
    "ConsignmentService.statement": ANYONE,
    "ConsignmentService.count_sheet": ANYONE,
    "ConsignmentService.statement_document": ANYONE,
    "ConsignmentService.count_sheet_pdf": ANYONE,
    "ConsignmentService.statement_pdf": ANYONE,
    "ConsignmentService.create_fill_up": P.SHIP,
    "ConsignmentService.plan_fill_up": P.SHIP,
    "ConsignmentService.post_fill_up": P.SHIP,
    "ConsignmentService.create_issue": P.SHIP,
    "ConsignmentService.post_issue": P.SHIP,
    "ConsignmentService.invoice_issue": P.INVOICE,
    "ConsignmentService.create_pickup": P.SHIP,
    "ConsignmentService.post_pickup": P.SHIP,
    "ConsignmentService.create_return": P.RETURNS,
    "ConsignmentService.post_return": P.RETURNS,
    "ConsignmentService.release_billing_block": P.RED_INVOICES,
    "ConsignmentService.create_count": P.COUNT_STOCK,
    "ConsignmentService.settle_count": P.COUNT_STOCK,
    "ConsignmentService.cancel": P.SHIP,
    "ConsignmentService.reverse": P.REVERSE_STOCK,
    # CustomerService
    "CustomerService.page": ANYONE,
    "CustomerService.get": ANYONE,
    "CustomerService.reviews": ANYONE,
    "CustomerService.due_for_review_count": ANYONE,
    "CustomerService.check": ANYONE,
    "CustomerService.create": P.EDIT_CUSTOMERS,
    "CustomerService.import_many": P.EDIT_CUSTOMERS,
    "CustomerService.update": P.EDIT_CUSTOMERS,
    "CustomerService.end": P.END_CUSTOMERS,
    "CustomerService.reactivate": P.END_CUSTOMERS,
    "CustomerService.pin_class": P.PIN_CUSTOMER_CLASS,
    "CustomerService.record_review": P.REVIEW_CUSTOMERS,
    "CustomerService.import_revenue": P.EDIT_CUSTOMERS,
    "CustomerService.recompute_classes": P.EDIT_CUSTOMERS,
    "CustomerService.consignment_location": ANYONE,
    # EInvoiceService
    "EInvoiceService.record": P.INVOICE,
    # ExchangeService
    "ExchangeService.of_return": ANYONE,
    "ExchangeService.of_order": ANYONE,
    "ExchangeService.exchange": P.EDIT_ORDERS,
    "ExchangeService.cancel": P.EDIT_ORDERS,
    # HomeService
    "HomeService.overview": ANYONE,
    # InvoiceService
    "InvoiceService.page": ANYONE,
    "InvoiceService.invoice": P.INVOICE,
    "InvoiceService.record_payment": P.RECORD_PAYMENTS,
    "InvoiceService.preview_payment": ANYONE,
    "InvoiceService.apply_credit": P.RECORD_PAYMENTS,
    "InvoiceService.refund": P.REFUNDS,
    "InvoiceService.refunds_of": ANYONE,
    "InvoiceService.get": ANYONE,
    "InvoiceService.get_payment": ANYONE,
    "InvoiceService.uninvoiced_deliveries": ANYONE,
    "InvoiceService.position": ANYONE,
    "InvoiceService.ageing": ANYONE,
    # ItemService
    "ItemService.page": ANYONE,
    "ItemService.get": ANYONE,
    "ItemService.get_many": ANYONE,
    "ItemService.find": ANYONE,
    "ItemService.check": ANYONE,
    "ItemService.units": ANYONE,
    "ItemService.default_unit": ANYONE,
    "ItemService.add_unit": P.EDIT_ITEMS,
    "ItemService.set_unit_active": P.EDIT_ITEMS,
    "ItemService.create": P.EDIT_ITEMS,
    "ItemService.import_many": P.EDIT_ITEMS,
    "ItemService.update": P.EDIT_ITEMS,
    "ItemService.set_active": P.EDIT_ITEMS,
    # PrintService
    "PrintService.document": ANYONE,
    "PrintService.pdf": ANYONE,
    "PrintService.complaint_form": ANYONE,
    # RedInvoiceService
    "RedInvoiceService.page": ANYONE,
    "RedInvoiceService.get": ANYONE,
    "RedInvoiceService.by_number": ANYONE,
    "RedInvoiceService.of_invoice": ANYONE,
    "RedInvoiceService.of_return": ANYONE,
    "RedInvoiceService.blue_invoice": ANYONE,
    "RedInvoiceService.blue_lines": ANYONE,
    "RedInvoiceService.create": P.RED_INVOICES,
    "RedInvoiceService.from_return": P.RED_INVOICES,
    "RedInvoiceService.submit": P.RED_INVOICES,
    "RedInvoiceService.confirm": P.RED_INVOICES,
    "RedInvoiceService.issue": P.RED_INVOICES,
    "RedInvoiceService.void": P.RED_INVOICES,
    # ReturnService
    "ReturnService.deliveries_of_invoice": ANYONE,
    "ReturnService.scanned": ANYONE,
    "ReturnService.get": ANYONE,
    "ReturnService.by_number": ANYONE,
    "ReturnService.of_delivery": ANYONE,
    "ReturnService.delivery": ANYONE,
    "ReturnService.delivery_by_number": ANYONE,
    "ReturnService.returnable": ANYONE,
    "ReturnService.policy": ANYONE,
    "ReturnService.threshold": ANYONE,
    "ReturnService.save_policy": P.ADMINISTER,
    "ReturnService.reset_policy": P.ADMINISTER,
    "ReturnService.page": ANYONE,
    "ReturnService.analysis": ANYONE,
    "ReturnService.preview": ANYONE,
    "ReturnService.return_rate": ANYONE,
    "ReturnService.create": P.RETURNS,
    "ReturnService.update": P.RETURNS,
    "ReturnService.post": P.RETURNS,
    "ReturnService.cancel": P.RETURNS,
    "ReturnService.reverse": P.REVERSE_STOCK,
    # OrderService
    "OrderService.page": ANYONE,
    "OrderService.deliveries_page": ANYONE,
    "OrderService.get": ANYONE,
    "OrderService.by_number": ANYONE,
    "OrderService.free_stock": ANYONE,
    "OrderService.open_picking": ANYONE,
    "OrderService.documents": ANYONE,
    "OrderService.deliveries_of": ANYONE,
    "OrderService.credit_check": ANYONE,
    "OrderService.create": P.EDIT_ORDERS,
    "OrderService.update": P.EDIT_ORDERS,
    "OrderService.confirm": P.EDIT_ORDERS,
    "OrderService.start_picking": P.SHIP,
    "OrderService.replan_picking": P.SHIP,
    "OrderService.cancel_picking": P.SHIP,
    "OrderService.ship": P.SHIP,
    "OrderService.cancel": P.EDIT_ORDERS,
    "OrderService.close_short": P.EDIT_ORDERS,
    "OrderService.close": P.EDIT_ORDERS,
    "OrderService.progress": ANYONE,
    # SettingsService
    "SettingsService.get": ANYONE,
    "SettingsService.company": ANYONE,
    "SettingsService.save_company": P.ADMINISTER,
    "SettingsService.save_values": P.ADMINISTER,
    "SettingsService.save": P.ADMINISTER,
    # StockService
    "StockService.page": ANYONE,
    "StockService.documents": ANYONE,
    "StockService.document_view": ANYONE,
    "StockService.ledger": ANYONE,
    "StockService.balance": ANYONE,
    "StockService.location_page": ANYONE,
    "StockService.location": ANYONE,
    "StockService.places": ANYONE,
    "StockService.document": ANYONE,
    "StockService.moves_of": ANYONE,
    "StockService.locations": ANYONE,
    "StockService.quantity": ANYONE,
    "StockService.book_quantities": ANYONE,
    "StockService.ledger_mismatches": ANYONE,
    "StockService.add_bin": P.EDIT_ITEMS,
    "StockService.add_location": P.EDIT_ITEMS,
    "StockService.rename_location": P.EDIT_ITEMS,
    "StockService.set_location_active": P.EDIT_ITEMS,
    "StockService.delete_location": P.EDIT_ITEMS,
    "StockService.receive": P.RECEIVE_GOODS,
    "StockService.count": P.COUNT_STOCK,
    "StockService.reverse": P.REVERSE_STOCK,
    # UserService
    "UserService.has_users": ANYONE,
    "UserService.create_first_owner": ANYONE,
    "UserService.login": ANYONE,
    "UserService.login_without_password": ANYONE,
    "UserService.change_password": ANYONE,
    "UserService.logout": ANYONE,
    "UserService.users": ANYONE,
    "UserService.roles": ANYONE,
    "UserService.pcs_without_login": ANYONE,
    "UserService.add": P.MANAGE_USERS,
    "UserService.reset_password": P.MANAGE_USERS,
    "UserService.end": P.MANAGE_USERS,
    "UserService.unlock": P.MANAGE_USERS,
    "UserService.change_role": P.MANAGE_USERS,
    "UserService.save_role": P.MANAGE_USERS,
    "UserService.delete_role": P.MANAGE_USERS,
    "UserService.set_login_free": P.MANAGE_USERS,
}
"""``"ServiceClass.method"`` → the permission it needs, or ANYONE."""


def needed(method: str) -> Permission | _Anyone | None:
    """What ``method`` needs; ``None`` when it is not in the table."""
    return TABLE.get(method)


def may(actor: Actor, method: str) -> bool:
    """Whether ``actor`` may call ``method`` (``"CustomerService.create"``)."""
    need = TABLE.get(method)
    if need is None:
        return False
    return need is ANYONE or actor.may(need)  # type: ignore[arg-type]


def check(actor: Actor, method: str) -> None:
    """Refuse the call when ``actor`` may not call ``method`` (or it is not in the table)."""
    need = TABLE.get(method)
    if need is None:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP(
                "errors", "{method} is not in the permission table, so nobody may call it."
            ),
            method=method,
        )
    if need is not ANYONE and not actor.may(need):  # type: ignore[arg-type]
        raise denied(actor, need)  # type: ignore[arg-type]


def why_not(actor: Actor, method: str) -> PermissionDenied | None:
    """The refusal ``method`` would meet (for a tooltip), or ``None`` when allowed."""
    try:
        check(actor, method)
    except PermissionDenied as refusal:
        return refusal
    return None

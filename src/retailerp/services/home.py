"""The home page (今日工作台): how much work of each kind waits today, in one read.

The queues are a registry: each :class:`Queue` names its label, how to count it (SQL through
``persistence.home_queries``), and which list it opens with which filters.  A later area
(returns, consignment, complaints) adds its queue with one :func:`register` call next to its
own service; the home page shows every registered queue the acting user may work on.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from retailerp.domain.money import Money
from retailerp.domain.sales import OrderState
from retailerp.domain.security import Permission
from retailerp.domain.text import QT_TRANSLATE_NOOP
from retailerp.persistence import home_queries as hq
from retailerp.persistence.core_work import CoreWork, read
from retailerp.persistence.home_queries import FirstSteps, Tally
from retailerp.services.context import ServiceContext
from retailerp.services.door import door
from retailerp.services.settings import COMPANY_NAME, load_settings

Counter = Callable[[Any, date], Tally]
"""Counts a queue in the home page's read: a :class:`CoreWork`, or the ORM's
``UnitOfWork`` for a queue registered with ``orm=True``."""
FilterMaker = Callable[[date], Mapping[str, object]]


@dataclass(frozen=True)
class Queue:
    """One kind of waiting work.

    ``label`` is English marked for translation in the ``"terms"`` context; ``module`` is
    the key of the main window's module whose list ``filters(today)`` opens; ``permission``
    (when given) hides the queue from users who may not do that work; ``orm``: its count
    reads through the ORM's repositories (the overview then reads in the ORM's unit of
    work; the others count on Core, which the window's start uses without the ORM).
    """

    key: str
    label: str
    count: Counter
    module: str
    filters: FilterMaker
    permission: Permission | None = None
    money: bool = False
    orm: bool = False


@dataclass(frozen=True)
class QueueCount:
    """A queue's count today, with what the home page needs to open its list."""

    key: str
    label: str
    count: int
    amount: Money | None
    module: str
    filters: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class HomeOverview:
    """Today's queues, or (while no order was ever made) the start checklist."""

    queues: list[QueueCount]
    first_steps: FirstSteps

    @property
    def is_new_shop(self) -> bool:
        return not self.first_steps.order


QUEUES: list[Queue] = []


def register(queue: Queue) -> Queue:
    """Add a queue to the home page (keys are unique; the order is the order shown)."""
    if any(q.key == queue.key for q in QUEUES):
        raise ValueError(f"home queue {queue.key!r} is already registered")
    QUEUES.append(queue)
    return queue


def _state(*states: OrderState) -> Counter:
    return lambda uow, _today: hq.orders_in_state(uow.session, *states)


def _review_due(uow: CoreWork, today: date) -> Tally:
    start = load_settings(uow).review.period_start(today)
    return hq.customers_due_for_review(uow.session, start)


def _always(filters: Mapping[str, object]) -> FilterMaker:
    return lambda _today: filters


for _queue in (
    Queue(
        "drafts",
        QT_TRANSLATE_NOOP("terms", "Drafts to confirm"),
        _state(OrderState.DRAFT),
        "orders",
        _always({"state": OrderState.DRAFT.value}),
        permission=Permission.EDIT_ORDERS,
    ),
    Queue(
        "to_pick",
        QT_TRANSLATE_NOOP("terms", "Orders to pick"),
        _state(OrderState.CONFIRMED, OrderState.PARTLY_SHIPPED),
        "orders",
        _always({"state": [OrderState.CONFIRMED.value, OrderState.PARTLY_SHIPPED.value]}),
        permission=Permission.SHIP,
    ),
    Queue(
        "to_ship",
        QT_TRANSLATE_NOOP("terms", "Orders to ship"),
        _state(OrderState.PICKING),
        "orders",
        _always({"state": OrderState.PICKING.value}),
        permission=Permission.SHIP,
    ),
    Queue(
        "to_invoice",
        QT_TRANSLATE_NOOP("terms", "Deliveries to invoice"),
        lambda uow, _today: hq.uninvoiced_deliveries(uow.session),
        "deliveries",
        _always({"uninvoiced": True}),
        permission=Permission.INVOICE,
    ),
    Queue(
        "prepayment",
        QT_TRANSLATE_NOOP("terms", "Prepaid orders awaiting payment"),
        lambda uow, _today: hq.awaiting_prepayment(uow.session),
        "orders",
        _always({"awaiting_prepayment": True}),
        permission=Permission.RECORD_PAYMENTS,
    ),
    Queue(
        "overdue",
        QT_TRANSLATE_NOOP("terms", "Overdue receivables"),
        lambda uow, today: hq.overdue_invoices(uow.session, today),
        "invoices",
        lambda today: {"overdue_on": today},
        money=True,
        permission=Permission.RECORD_PAYMENTS,
    ),
    Queue(
        "below_minimum",
        QT_TRANSLATE_NOOP("terms", "Items below minimum stock"),
        lambda uow, _today: hq.items_below_minimum(uow.session),
        "items",
        _always({"below_min": True}),
        permission=Permission.RECEIVE_GOODS,
    ),
    Queue(
        "review_due",
        QT_TRANSLATE_NOOP("terms", "Customers due for review"),
        _review_due,
        "customers",
        _always({"due_for_review": True}),
        permission=Permission.REVIEW_CUSTOMERS,
    ),
):
    register(_queue)


class HomeService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @door
    def overview(self) -> HomeOverview:
        """Every queue the user may work on, counted in one short read, and the first steps."""
        today = self.ctx.today()
        queues = [q for q in QUEUES if q.permission is None or self.ctx.actor.may(q.permission)]

        def work(uow: Any) -> HomeOverview:
            counts = []
            for queue in queues:
                tally = queue.count(uow, today)
                counts.append(
                    QueueCount(
                        queue.key,
                        queue.label,
                        tally.count,
                        tally.amount,
                        queue.module,
                        dict(queue.filters(today)),
                    )
                )
            return HomeOverview(counts, hq.first_steps(uow.session, COMPANY_NAME))

        if any(q.orm for q in queues):
            from retailerp.persistence.unit_of_work import read as read_orm

            return read_orm(self.ctx.db, work)
        return read(self.ctx.db, work)

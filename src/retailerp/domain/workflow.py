"""Document workflows: one mechanism for every kind of document that moves through states.

A workflow is a table ``(state, action) → the states the action may lead to``.  A pair that
is not in the table is refused with a message naming the document, its state and the action;
where an action may end in more than one state the caller names the one it reached (a
shipment ends *shipped* or *partly shipped*).  Sales orders and picking lists use it today;
returns, red invoices, consignment documents and complaint tickets get tables of their own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

from retailerp.domain.errors import StateError
from retailerp.domain.text import QT_TRANSLATE_NOOP, Term

S = TypeVar("S", bound=StrEnum)
A = TypeVar("A", bound=StrEnum)


@dataclass(frozen=True)
class Workflow(Generic[S, A]):
    """The allowed moves of one kind of document, with the words used to refuse the rest."""

    document: Term
    transitions: Mapping[tuple[S, A], frozenset[S]]
    state_labels: Mapping[S, Term]
    action_labels: Mapping[A, Term]

    def allows(self, state: S, action: A) -> bool:
        return (state, action) in self.transitions

    def actions_from(self, state: S) -> list[A]:
        """The actions the table allows from ``state``, in the order they were declared."""
        return [a for (s, a) in self.transitions if s == state]

    def targets(self, state: S, action: A, number: str) -> frozenset[S]:
        """The states ``action`` may lead to from ``state``; a refusal names both."""
        targets = self.transitions.get((state, action))
        if targets is None:
            raise StateError(
                QT_TRANSLATE_NOOP("errors", "{document} {number} is {state}: it cannot {action}."),
                document=self.document,
                number=number,
                state=self.state_labels[state],
                action=self.action_labels[action],
            )
        return targets

    def move(self, state: S, action: A, number: str, target: S | None = None) -> S:
        """The state after ``action``; ``target`` chooses where the table allows several."""
        targets = self.targets(state, action, number)
        if target is None:
            if len(targets) != 1:
                raise ValueError(f"{action} from {state} needs an explicit target")
            (target,) = targets
        if target not in targets:
            raise ValueError(f"{action} cannot lead from {state} to {target}")
        return target

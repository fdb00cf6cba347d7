"""Maps the pure domain classes onto the tables (imperative mapping: the domain stays plain)."""

from __future__ import annotations

from sqlalchemy.orm import registry, relationship

from retailerp.domain.customers import Customer, CustomerReview
from retailerp.domain.inventory import StockDocument, StockDocumentLine
from retailerp.domain.items import Item
from retailerp.domain.numbering import NumberSeries
from retailerp.domain.stock import Location, StockMove
from retailerp.persistence import tables as t

mapper_registry = registry(metadata=t.metadata)
_started = False


def start_mappers() -> None:
    """Map every domain class once per process."""
    global _started
    if _started:
        return
    _started = True
    mapper_registry.map_imperatively(Customer, t.customers, version_id_col=t.customers.c.version)
    mapper_registry.map_imperatively(CustomerReview, t.customer_reviews)
    mapper_registry.map_imperatively(Item, t.items, version_id_col=t.items.c.version)
    mapper_registry.map_imperatively(Location, t.locations)
    mapper_registry.map_imperatively(StockMove, t.stock_moves)
    mapper_registry.map_imperatively(NumberSeries, t.number_series)
    mapper_registry.map_imperatively(StockDocumentLine, t.stock_document_lines)
    mapper_registry.map_imperatively(
        StockDocument,
        t.stock_documents,
        properties={
            "lines": relationship(
                StockDocumentLine,
                order_by=t.stock_document_lines.c.line_no,
                cascade="all, delete-orphan",
                lazy="selectin",
            )
        },
    )

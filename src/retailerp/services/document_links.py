"""The documents linked to one document of a return's chain (delivery ↔ return ↔ red invoice
↔ refund ↔ exchange), for every screen and printout that shows them."""

from __future__ import annotations

from retailerp.domain.document_links import DocumentLink
from retailerp.persistence.document_links import links_of
from retailerp.persistence.unit_of_work import read
from retailerp.services.context import ServiceContext
from retailerp.services.door import door


class DocumentLinkService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @door
    def of(self, number: str) -> list[DocumentLink]:
        """What is linked to the delivery, return, red invoice, refund, invoice or order
        ``number``: each document once, with its role and state, in role order."""
        key = number.strip().upper()
        return read(self.ctx.db, lambda uow: links_of(uow.session, key))

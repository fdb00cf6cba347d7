"""The company and a customer as printed documents show them (shared by every document's
print data)."""

from __future__ import annotations

from retailerp.domain.customers import Customer
from retailerp.persistence.unit_of_work import UnitOfWork
from retailerp.printing import model as pm
from retailerp.services.settings import load_company


def company_party(uow: UnitOfWork) -> pm.Party:
    company = load_company(uow)
    return pm.Party(
        name=company.name or "RetailERP",
        address=company.address,
        phone=company.phone,
        tax_id=company.tax_id,
        bank_name=company.bank_name,
        bank_account=company.bank_account,
        logo=company.logo,
    )


def customer_party(customer: Customer) -> pm.Party:
    return pm.Party(
        name=customer.name,
        code=customer.code,
        address=customer.address,
        phone=customer.phone,
        contact=customer.contact,
        tax_id=customer.tax_id,
        bank_name=customer.bank_name,
        bank_account=customer.bank_account,
    )

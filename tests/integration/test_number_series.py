"""Document numbers as production takes them: ``DocumentRepository.next_number`` (one SQL
upsert in the document's own transaction), on SQLite and PostgreSQL.

Property: after any sequence of postings that commit or fail, each series (document type and
year) has handed out exactly 1, 2, … n to the committed ones — gapless, unique, in order —
and a failed posting gave its number back to the next one.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from retailerp.domain.numbering import DocumentType, format_number, parse_number
from retailerp.persistence import tables as t
from retailerp.persistence.engine import Database
from retailerp.persistence.unit_of_work import UnitOfWork, read, write

SERIES = [(DocumentType.GOODS_RECEIPT, 2026), (DocumentType.GOODS_RECEIPT, 2027),
          (DocumentType.INVOICE, 2026)]  # fmt: skip


class PostingFailed(Exception):
    """A posting that fails after it took its number (the transaction rolls back)."""


def last_numbers(db: Database) -> dict[tuple[str, int], int]:
    s = t.number_series
    rows = read(db, lambda uow: uow.session.execute(select(s.c.doc_type, s.c.year, s.c.last)))
    return {(doc_type, year): last for doc_type, year, last in rows}


def take(db: Database, doc_type: DocumentType, year: int, commit: bool) -> str:
    def work(uow: UnitOfWork) -> str:
        number = uow.documents.next_number(doc_type, year)
        if not commit:
            raise PostingFailed(number)
        return number

    try:
        return write(db, work)
    except PostingFailed as failed:
        return f"failed:{failed.args[0]}"


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(SERIES), st.booleans()), max_size=25))
def test_numbers_are_gapless_unique_and_a_failure_gives_its_number_back(
    db: Database, postings: list[tuple[tuple[DocumentType, int], bool]]
) -> None:
    start = last_numbers(db)  # the database is shared by the examples: count from here
    committed: dict[tuple[DocumentType, int], list[str]] = {key: [] for key in SERIES}
    for (doc_type, year), commit in postings:
        expected = format_number(
            doc_type,
            year,
            start.get((doc_type.value, year), 0) + len(committed[(doc_type, year)]) + 1,
        )
        number = take(db, doc_type, year, commit)
        if commit:
            assert number == expected
            committed[(doc_type, year)].append(number)
        else:
            assert number == f"failed:{expected}"  # it would have had the next number ...
    for (doc_type, year), numbers in committed.items():  # ... and the next one got it
        first = start.get((doc_type.value, year), 0) + 1
        assert [parse_number(n) for n in numbers] == [
            (doc_type, year, seq) for seq in range(first, first + len(numbers))
        ]
        assert last_numbers(db).get((doc_type.value, year), 0) == first - 1 + len(numbers)
    every = [n for numbers in committed.values() for n in numbers]
    assert len(every) == len(set(every))


def test_the_first_number_of_a_new_year_is_one(db: Database) -> None:
    assert take(db, DocumentType.DELIVERY, 2031, commit=False) == "failed:DN2031-000001"
    assert take(db, DocumentType.DELIVERY, 2031, commit=True) == "DN2031-000001"
    assert take(db, DocumentType.DELIVERY, 2031, commit=True) == "DN2031-000002"
    assert take(db, DocumentType.DELIVERY, 2032, commit=True) == "DN2032-000001"

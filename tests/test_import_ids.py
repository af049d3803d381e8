"""Task ids the importer gives stay within what ids may be (they name files), whatever a number cell holds."""

from __future__ import annotations

from sitegen.content import schema
from sitegen.core import limits
from sitegen.importer.content import assign_ids
from sitegen.importer.items import Attachment, Body, Header, Parsed, Task

LONG = "特困供养人员基本生活标准不低于当地最低生活保障标准且不低于当地现行特困人员救助供养标准" * 3


def ids_of(numbers: list[str | None]) -> list[str]:
    att = Attachment(tasks=[Task(number=n, line=i) for i, n in enumerate(numbers)])
    parsed = Parsed(header=Header(title=""), body=Body(), attachments=[att], leaders=[])
    assign_ids(parsed)
    return [t.id for t in att.tasks]


def test_a_number_that_is_words_gives_an_id_within_the_limit_and_each_its_own():
    ids = ids_of(["1", LONG, LONG, "3"])
    assert ids[0] == "1-1" and ids[3] == "1-3"
    assert len(set(ids)) == 4
    assert all(schema.id_problem(value) is None for value in ids), ids
    assert max(len(value) for value in ids) > limits.MAX_ID_LENGTH - 20  # cut short, not dropped


def test_short_numbers_keep_their_ids():
    assert ids_of(["一", "(2)", None, "1.1"]) == ["1-1", "1-2", "1-u1", "1-1-1"]


def test_the_notices_own_list_and_its_attachment_1_never_share_an_id():
    own = Attachment(tasks=[Task(number="1", line=1), Task(number="2", line=2)])
    first = Attachment(number="1", tasks=[Task(number="1", line=10), Task(number="2", line=11)])
    parsed = Parsed(header=Header(title=""), body=Body(), attachments=[own, first], leaders=[])
    assign_ids(parsed)
    ids = [t.id for a in (own, first) for t in a.tasks]
    assert ids[:2] == ["1-1", "1-2"]
    assert len(set(ids)) == 4

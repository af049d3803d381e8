"""The loader builds values straight from libyaml's node tree, and notice and progress files are
parsed one at a time, each let go once the model has what it needs."""

from __future__ import annotations

import datetime as dt

import pytest

from sitegen.content import load
from sitegen.core.errors import Problems
from sitegen.content.load import LazySource, Located, LocatedList, parse_yaml, read_site
from sitegen.content.resolve import resolve_keeping

NOTICE = "content/notices/ceshi-2019-1.yaml"


def parse(text: str):
    problems = Problems()
    return parse_yaml(text, "f.yaml", problems), [p.format() for p in problems.items]


def test_values_and_marks():
    data, problems = parse("a: 1\nb: [x, 2019-01-01, 2019-02-30, ~, true, 1.5]\nc: {d: '7'}\n")
    assert problems == []
    assert type(data) is Located and (data.line, data.column) == (1, 1)
    assert data.key_marks == {"a": (1, 1), "b": (2, 1), "c": (3, 1)}
    assert type(data["b"]) is LocatedList and (data["b"].line, data["b"].column) == (2, 4)
    assert data["b"] == ["x", dt.date(2019, 1, 1), "2019-02-30", None, True, 1.5]  # an impossible date stays text
    assert data["b"].item_marks == [(2, 5), (2, 8), (2, 20), (2, 32), (2, 35), (2, 41)]
    assert data["c"] == {"d": "7"} and data["c"].mark("d") == (3, 5)


def test_keys_duplicates_and_aliases():
    data, problems = parse("? [1, 2]\n: x\n2019-01-01: d\n1: a\n1: b\nm: &m {k: v}\nn: *m\nl: [*m, *m]\n")
    assert list(data) == ["[1, 2]", "2019-01-01", 1, "m", "n", "l"]  # keys other than scalars become text
    assert data["n"] is data["m"] and data["l"][0] is data["l"][1] is data["m"]  # a node used twice: one value
    assert problems == ["f.yaml:5:1: error: 1: this key appears twice in the same mapping — remove one of them"]


def test_recursion_and_odd_tags_are_values_or_problems():
    data, _ = parse("&a [1, *a]\n")  # at the top, as PyYAML does: a recursive value
    assert data[1] is data
    for text, words in [("x: &a [*a]\n", "recursive node"), ("d:\n  <<: {x: 1}\n", "tag:yaml.org,2002:merge"),
                        ("a: !!map x\n", "expected a mapping node"), ("a: !!seq {x: 1}\n", "expected a sequence node"),
                        ("a: !foo 1\n", "could not determine a constructor"), ("a: [1\n", "invalid YAML")]:
        data, problems = parse(text)
        assert data is None and len(problems) == 1 and words in problems[0], (text, problems)
    data, problems = parse("s: !!set {a}\no: !!omap [{k: [1]}]\nb: !!binary aGk=\n")
    assert data == {"s": {"a"}, "o": [("k", [1])], "b": b"hi"} and problems == []
    assert type(data["o"][0][1]) is LocatedList


def test_notices_and_progress_are_parsed_one_at_a_time(mini, monkeypatch):
    for n in (2, 3):
        text = (mini / NOTICE).read_text(encoding="utf-8")
        (mini / f"content/notices/ceshi-2019-{n}.yaml").write_text(text, encoding="utf-8")
    problems = Problems()
    raw = read_site(mini, problems)
    sources = [*raw.notices, *raw.progress]
    assert len(sources) == 4 and all(isinstance(s, LazySource) for s in sources)

    def held() -> list:
        return [s.shown for s in sources if s._data is not load._UNREAD]

    assert held() == []  # nothing parsed yet
    parsing, seen = load.load_yaml, []

    def watched(path, shown, problems):
        seen.append((shown, held()))
        return parsing(path, shown, problems)

    monkeypatch.setattr(load, "load_yaml", watched)
    _, site = resolve_keeping(raw, problems)
    assert [shown for shown, _ in seen] == [s.shown for s in sources]
    assert all(others == [] for _, others in seen)  # no other file's data held while one is parsed
    assert held() == []
    assert not problems.errors and len(site.notices) == 3
    assert site.notices[0].tasks[0].updates  # the progress file was read

    again = raw.notices[0].data  # released data is parsed again when read (sitegen serve reuses sources)
    assert again["jurisdiction"] == "ceshi-shi" and not problems.errors


def test_problems_of_lazy_files_are_reported_once(mini):
    (mini / "content/progress/nope.yaml").write_text("a: 1\na: 2\n", encoding="utf-8")
    problems = Problems()
    raw = read_site(mini, problems)
    resolve_keeping(raw, problems)
    messages = sorted(p.format() for p in problems.items if "nope" in p.file)
    assert len(messages) == 2 and "no notice with id 'nope'" in messages[0] and "appears twice" in messages[1]
    source = next(s for s in raw.progress if "nope" in s.shown)
    assert source.data == {"a": 2}  # read again: reported the first time only
    assert sum("nope" in p.file for p in problems.items) == 2


@pytest.mark.parametrize("text", ["", "# only a comment\n"])
def test_empty_file_is_reported(text):
    message = "f.yaml:1: error: the file is empty — write [] for an empty list, or remove the file"
    assert parse(text) == (None, [message])

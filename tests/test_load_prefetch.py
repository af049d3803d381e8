"""Notice and progress files parsed by a forked worker (sitegen/content/prefetch.py) give exactly what parsing
them in the process gives: the same model, the same problems in the same order, whichever process
parsed the broken file; the worker never outlives the load; anything wrong with it falls back quietly."""

from __future__ import annotations

import dataclasses
import gc
import os
import random
from collections import deque
from pathlib import Path

import pytest
from yaml.nodes import MappingNode, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from conftest import run
from sitegen.content import load, prefetch
from sitegen.core.errors import ContentError, Problems
from sitegen.content.load import LocLoader, read_site
from sitegen.content.loadsite import load_keeping, load_site
from sitegen.content.resolve import resolve_keeping

NOTICES = 24  # with as many progress files: 48 lazy files, every other one parsed by the worker
pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork: every file is parsed in-process")


@pytest.fixture
def big(mini) -> Path:
    """The mini site with NOTICES notices and a progress file for each (above prefetch.MIN_FILES)."""
    notice = (mini / "content/notices/ceshi-2019-1.yaml").read_text(encoding="utf-8")
    progress = (mini / "content/progress/ceshi-2019-1.yaml").read_text(encoding="utf-8")
    for n in range(2, NOTICES + 1):
        (mini / f"content/notices/ceshi-2019-{n:02}.yaml").write_text(notice, encoding="utf-8")
        (mini / f"content/progress/ceshi-2019-{n:02}.yaml").write_text(progress, encoding="utf-8")
    return mini


def lazy_files(site: Path) -> list[str]:
    """The lazy files as shown, in the order the model stage reads them (the worker takes [1::2])."""
    return [f"content/{kind}/{p.name}" for kind in ("notices", "progress")
            for p in sorted((site / "content" / kind).glob("*.yaml")) if not p.is_symlink()]


def write(site: Path, shown: str, text: str | bytes) -> None:
    path = site / shown
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))


def edit(site: Path, shown: str, old: str, new: str) -> None:
    text = (site / shown).read_text(encoding="utf-8")
    assert old in text, (shown, old)
    write(site, shown, text.replace(old, new, 1))


def outcome(site: Path, monkeypatch, workers: str, strict: bool = False) -> tuple:
    """Everything load_site gives people: the model (object by object) and warnings, or the error report;
    plus every problem in the order found."""
    monkeypatch.setenv("SITEGEN_WORKERS", workers)
    problems = Problems()
    raw = read_site(site, problems)
    with prefetch.prefetching([*raw.notices, *raw.progress]):  # as load_keeping does
        resolve_keeping(raw, problems)
    found = [p.format() for p in problems.items]
    try:
        model = load_site(site, strict=strict)
    except ContentError as error:
        return found, error.report(), error.report("github")
    return found, dump(model), [p.format() for p in model.warnings]


def dump(site) -> list[str]:
    """The model object by object (breadth first; references by number)."""
    numbers, queue, lines = {}, deque(), []

    def value(v):
        if dataclasses.is_dataclass(v) and not isinstance(v, type):
            if id(v) not in numbers:
                numbers[id(v)] = len(numbers)
                queue.append(v)
            return f"@{numbers[id(v)]}"
        if isinstance(v, dict):
            return "{" + ", ".join(f"{value(k)}: {value(x)}" for k, x in v.items()) + "}"
        if isinstance(v, (list, tuple)):
            return f"{type(v).__name__}[" + ", ".join(map(value, v)) + "]"
        return f"{type(v).__name__}:{v!r}"

    value(site)
    while queue:
        v = queue.popleft()
        fields = {**vars(v), **{f.name: getattr(v, f.name) for f in dataclasses.fields(v)}}
        lines.append(f"{type(v).__name__} " + " ".join(f"{k}={value(x)}" for k, x in sorted(fields.items())))
    return lines


def parsed_in_parent(monkeypatch) -> list:
    """Records the notice and progress files the parent parses itself: its own share (through
    load.load_yaml) and any it takes back from the worker (prefetch.load_yaml; the worker's own calls
    are recorded in the worker's copy of the list)."""
    seen, parent = [], os.getpid()
    for module in (load, prefetch):
        original = module.load_yaml

        def recording(path, shown, problems, original=original):
            if os.getpid() == parent and shown.startswith(("content/notices/", "content/progress/")):
                seen.append(shown)
            return original(path, shown, problems)

        monkeypatch.setattr(module, "load_yaml", recording)
    return seen


def assert_same_as_serial(site: Path, monkeypatch, strict: bool = False) -> tuple:
    seen = parsed_in_parent(monkeypatch)
    parallel = outcome(site, monkeypatch, "2", strict)
    files = lazy_files(site)
    assert seen[:len(files[::2])] == files[::2]  # the worker parsed the others
    serial = outcome(site, monkeypatch, "1", strict)
    assert parallel == serial
    return parallel


def test_model_and_warnings_identical(big, monkeypatch):
    edit(big, "content/progress/ceshi-2019-03.yaml", '"1-2":', '"1-9":')  # a warning, from the worker
    edit(big, "content/progress/ceshi-2019-04.yaml", '"1-2":', '"1-8":')  # and one from the parent
    _, model, warnings = assert_same_as_serial(big, monkeypatch)
    assert len(model) > 100 and len(warnings) == 2 and all("warning" in w for w in warnings)
    _, report, _ = assert_same_as_serial(big, monkeypatch, strict=True)
    assert report.endswith("2 error(s) in the content")


BROKEN = {  # (file, old, new): a file the worker parses (odd place), then one the parent parses
    "yaml syntax": ("title: 测试市", "title: [测试市"),
    "duplicate key": ("short_title: 测试市2019年重点工作分工", "short_title: a\nshort_title: b"),
    "unknown field": ("            deadline: 6月底前", "            dealine: 6月底前"),
    "tab": ("    rule: 列第一位者", "\trule: 列第一位者"),
    "recursive anchor": ("themes: [cai-zheng]", "themes: &loop [*loop]"),
    "unknown unit": ("{name: 市发改委, role: 牵头}", "{name: 市发改萎, role: 牵头}"),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_problems_identical_whoever_parses(big, monkeypatch, name):
    old, new = BROKEN[name]
    files = lazy_files(big)
    for shown in (files[3], files[4]):  # a notice of the worker's, one of the parent's
        edit(big, shown, old, new)
    _, report, _ = assert_same_as_serial(big, monkeypatch)
    assert files[3] in report and files[4] in report, report


def test_broken_files_of_every_kind(big, monkeypatch, tmp_path):
    files = lazy_files(big)
    notices = [f for f in files if "notices" in f]
    progress = [f for f in files if "progress" in f]
    write(big, notices[1], "")  # empty
    write(big, notices[2], "# only a comment\n")
    write(big, notices[5], "title: x\n".encode("gb18030") + "标题: 测试\n".encode("gb18030"))  # not UTF-8
    write(big, notices[6], b"\xff\xfet\x00i\x00")  # UTF-16
    write(big, notices[7], "a: 1\n" * 2000)  # larger than MAX_FILE_BYTES below
    write(big, notices[9], "- just\n- a list\n")  # schema: not a mapping
    write(big, progress[1], "1-1: {a: 1}\n1-1: []\n")  # duplicate key, wrong shapes
    write(big, progress[2], "1-1:\n  - date: 2019-02-30\n    status: nope\n")
    write(big, "content/progress/no-such-notice.yaml", '"1-1": []\n')
    (big / "content/notices/elsewhere.yaml").symlink_to(tmp_path / "outside.yaml")
    (tmp_path / "outside.yaml").write_text("title: x\n", encoding="utf-8")
    monkeypatch.setattr(load, "MAX_FILE_BYTES", 5000)  # before the fork: the worker sees it too
    _, report, _ = assert_same_as_serial(big, monkeypatch)
    for words in ("the file is empty", "not valid UTF-8", "UTF-16", "larger than", "appears twice",
                  "no notice with id 'no-such-notice'", "points outside the site"):
        assert words in report, (words, report)


def test_cli_output_identical(big, monkeypatch):
    edit(big, lazy_files(big)[1], "title: 测试市", "title: [测试市")
    edit(big, lazy_files(big)[2], "            deadline: 6月底前", "            dealine: 6月底前")
    outputs = []
    for workers in ("2", "1"):
        monkeypatch.setenv("SITEGEN_WORKERS", workers)
        result = run("check", "--site", big)
        assert result.exit_code == 1 and "Traceback" not in result.output
        outputs.append(result.output)
    assert outputs[0] == outputs[1]


def children() -> list[str]:
    found = []
    for task in Path(f"/proc/{os.getpid()}/task").iterdir():
        found += (task / "children").read_text().split()
    return found


needs_proc = pytest.mark.skipif(not Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").exists(),
                                reason="no /proc children list")


@needs_proc
def test_worker_reaped_after_content_error(big, monkeypatch):
    monkeypatch.setenv("SITEGEN_WORKERS", "2")
    edit(big, lazy_files(big)[1], "title: 测试市", "title: [测试市")
    before = children()
    with pytest.raises(ContentError):
        load_site(big)
    assert children() == before
    assert gc.isenabled()


@needs_proc
def test_worker_reaped_when_the_load_fails_midway(big, monkeypatch):
    monkeypatch.setenv("SITEGEN_WORKERS", "2")
    from sitegen.content import resolve

    calls = []
    notice = resolve.NoticeResolver.notice

    def failing(self):
        calls.append(self.source.shown)
        if len(calls) == 5:
            raise RuntimeError("a bug")
        return notice(self)

    monkeypatch.setattr(resolve.NoticeResolver, "notice", failing)
    before = children()
    with pytest.raises(RuntimeError, match="a bug"):
        load_site(big)
    assert children() == before
    assert gc.isenabled()


@pytest.mark.parametrize("fault", ["dies", "garbage", "wrong file"])
def test_a_failing_worker_leaves_the_rest_to_the_parent(big, monkeypatch, fault):
    edit(big, lazy_files(big)[9], "title: 测试市", "title: [测试市")  # problems after the failure still reported
    serial = outcome(big, monkeypatch, "1")
    sent = []
    send = prefetch._send

    def faulty(write_end, message):
        sent.append(message[0])
        if len(sent) == 3:
            if fault == "dies":
                os._exit(3)
            if fault == "garbage":
                os.write(write_end, b"\x80\x05not a pickle at all")
                return
            message = ("content/notices/other.yaml", *message[1:])
        send(write_end, message)

    monkeypatch.setattr(prefetch, "_send", faulty)
    seen = parsed_in_parent(monkeypatch)
    assert outcome(big, monkeypatch, "2") == serial
    files = lazy_files(big)
    assert files[5] in seen and files[3] not in seen  # taken back from the third of the worker's files


def test_files_read_in_another_order(big, monkeypatch):
    monkeypatch.setenv("SITEGEN_WORKERS", "1")
    problems = Problems()
    raw = read_site(big, problems)
    expected = [s.data for s in raw.notices + raw.progress]
    order = [0, 1, 2, 5, 3, 4] + list(range(6, len(expected)))  # the worker's 3rd before its 2nd
    monkeypatch.setenv("SITEGEN_WORKERS", "2")
    raw = read_site(big, problems)
    sources = raw.notices + raw.progress
    with prefetch.prefetching(sources):
        assert [sources[i].data for i in order] == [expected[i] for i in order]
    assert not problems.items


def test_released_files_are_parsed_again_in_process(big, monkeypatch):
    """sitegen serve reads unchanged files again after the load: here, in its own process."""
    monkeypatch.setenv("SITEGEN_WORKERS", "2")
    _, _, raw = load_keeping(big)
    assert all(s.prefetch is None for s in raw.notices + raw.progress)
    seen = parsed_in_parent(monkeypatch)
    assert raw.notices[1].data["jurisdiction"] == "ceshi-shi" and seen == [raw.notices[1].shown]


def test_data_and_shared_strings_come_back_as_parsed(tmp_path):
    text = ("a shared key: &m {k: a shared value, n: [1, 2019-01-01, 2019-02-30, ~, true, 1.5, .nan]}\n"
            f"b: *m\nc: {'长' * (load.SHARED_LENGTH + 1)}\ns: !!set {{x}}\no: !!omap [{{k: [1]}}]\n"
            "bin: !!binary aGk=\nr: &r [1, 2]\nt: *r\n")
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    problems = Problems()
    source = load.LazySource(path, "f.yaml", problems)
    prefetcher = prefetch.Prefetcher.start([source])
    try:
        data = source.data
    finally:
        prefetcher.close()
    expected = load.LazySource(path, "g.yaml", problems).data
    assert repr(data) == repr(expected) and problems.items == []
    assert data["b"] is data["a shared key"] and data["t"] is data["r"]  # aliases: one object, as parsed
    for key in ("a shared key", "r"):
        assert data[key].__dict__ == expected[key].__dict__  # line, column, key or item marks
    assert type(data["o"][0][1]) is load.LocatedList and data["o"][0][1].__dict__ == expected["o"][0][1].__dict__
    first = next(iter(data))
    assert first is next(iter(expected)) and data[first]["k"] is expected[first]["k"]  # shared, as load._shared does


def test_resolve_gives_pyyaml_tags():
    loader = LocLoader("")
    values = ["", " ", "~", "null", "Null", "NULL", "nul", "true", "True", "TRUE", "tRue", "yes", "No", "on",
              "OFF", "y", "n", "0", "1", "-1", "+1", "0x1F", "0o7", "017", "08", "0b101", "1_000", "1:30",
              "190:20:30", "1.5", ".5", "1.", "-.inf", ".NaN", ".nan", "1e3", "1.0e+3", "1.0e3", "2019-01-01",
              "2019-1-1 10:00:00", "2019-01-01T10:00:00Z", "2019-01-01 10:00:00.5 +08:00", "2019-02-30",
              "=", "<<", "<", "abc", "市", "!", "&", "*", "true\n", "1 ", "- 1", "0.1.2", "1_0.5_"]
    alphabet = "0123456789-+._:eExXbo tTfFnNyY~<=!&*aZ市"
    rng = random.Random(7)
    values += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12))) for _ in range(20000)]
    for value in values:
        for implicit in [(True, False), (False, True), (False, False), (True, True)]:
            expected = BaseResolver.resolve(loader, ScalarNode, value, implicit)
            assert loader.resolve(ScalarNode, value, implicit) == expected, (value, implicit)
    for kind in (MappingNode, SequenceNode):
        for implicit in (True, False):
            assert loader.resolve(kind, None, implicit) == BaseResolver.resolve(loader, kind, None, implicit)
    loader.dispose()

"""Shapes found by the fifth sweep of real notices (issue 17; benchmarks/import_sweep.md, "Fifth sweep").
Each input is a small notice written here, in the layout and wordings those notices print."""

from __future__ import annotations

from test_import_sweep2_shapes import tasks_of

from sitegen.importer import import_text
from sitegen.importer.units import looks_like_unit, parse_group


def _units(task):
    return [name for name, _ in task["units"]]


def test_a_note_in_a_bracket_inside_a_name_is_no_remark(tmp_path):
    # 各区县〔自治县,以下简称区县〕政府: the bracket glosses the name; its 以下 is no remark about the list
    body = ("一、推进融合发展\n(一)推动旅游与城镇化融合发展。\n1.建设美丽宜居村庄、旅游小镇。"
            "(责任单位:市住建委、市发展改革委、各区县〔自治县,以下简称区县〕政府)\n"
            "2.发展工业旅游。(责任单位:市经济信息委、各区县政府)")
    tasks = tasks_of(tmp_path, body)
    assert [_units(t) for t in tasks] == [
        ["市住建委", "市发展改革委", "各区县〔自治县,以下简称区县〕政府"], ["市经济信息委", "各区县政府"]]


def test_a_remark_after_the_names_still_is_a_remark():
    # the bracket at the end of the list, not inside a name, keeps its words a remark
    assert not looks_like_unit("市发改委、市财政局(以下各项工作均需各区县落实)")
    assert not looks_like_unit("以下各项工作均需各区县落实")


def test_the_autonomous_region_prefix_is_shared_in_traditional_characters_too():
    # 自治區農牧廳、發展改革委、財政廳 (a traditional mirror) means 自治區發展改革委, as 自治区… does
    assert [u.name for u in parse_group("自治區農牧廳、發展改革委、財政廳")] == [
        "自治區農牧廳", "自治區發展改革委", "自治區財政廳"]
    assert [u.name for u in parse_group("自治区农牧厅、发展改革委、财政厅")] == [
        "自治区农牧厅", "自治区发展改革委", "自治区财政厅"]


def test_the_prefix_is_shared_under_a_mirror_s_pinyin_glosses(tmp_path):
    # 自治區(qū)農(nóng)牧廳、發(fā)展改革委: the glosses are read around and given back to the names
    body = ("一、推進農(nóng)牧業(yè)轉型\n(一)增強糧食生產(chǎn)能力。\n"
            "1.實施增糧示范行動,穩(wěn)定糧食播種面積。(責任單位:自治區(qū)農(nóng)牧廳、發(fā)展改革委、財政廳)\n"
            "2.實施耕地保護與建設行動。(責任單位:自治區(qū)農(nóng)牧廳、財政廳)")
    tasks = tasks_of(tmp_path, body)
    assert [_units(t) for t in tasks] == [
        ["自治區(qū)農(nóng)牧廳", "自治區(qū)發(fā)展改革委", "自治區(qū)財政廳"],
        ["自治區(qū)農(nóng)牧廳", "自治區(qū)財政廳"]]


def test_the_issuer_of_a_title_passing_a_document_on_is_the_office_before_the_verb(tmp_path):
    # 重庆市人民政府办公厅贯彻落实国务院办公厅关于…的通知: the office before 贯彻落实 issues it, not the text up to 关于
    lines = "1.建设美丽宜居村庄。(责任单位:市住建委、各区县政府)\n2.发展工业旅游。(责任单位:市经济信息委)\n"
    for n, (title, issuer) in enumerate((("某某市人民政府办公厅贯彻落实国务院办公厅关于促进全域旅游发展指导意见重点任务分工的通知",
                           "某某市人民政府办公厅"),
                          ("某某市人民政府转发省人民政府关于推进养老服务发展的意见的通知", "某某市人民政府"),
                          ("某某市人民政府关于印发2023年重点工作分工方案的通知", "某某市人民政府"))):
        result = import_text(title + "\n" + lines, tmp_path / str(n), stem="t", jurisdiction="某某市")
        assert result.data["issuer"] == issuer, title


def test_municipal_works_is_a_name_not_the_city_prefix():
    # 城管局、市政局、环卫处 (a district's own bodies, printed bare): 市政局 is the works bureau, not 市 + 政局,
    # so 环卫处 takes no 市; a list opened by 市政府办公室 or 市政协 still shares its 市
    assert [u.name for u in parse_group("城管局、市政局、环卫处")] == ["城管局", "市政局", "环卫处"]
    assert [u.name for u in parse_group("市政府办公室、财政局")] == ["市政府办公室", "市财政局"]
    assert [u.name for u in parse_group("市政协、财政局")] == ["市政协", "市财政局"]


def test_progress_columns_named_by_their_period_are_no_units(tmp_path):
    # 1-10月推进情况 / 是否达序 / 说明, a cell a line each with a bar after it: the progress of the month, whether it
    # is on schedule and the remark are no units and no group row (是 is no heading)
    header = ["序号", "主要任务", "分管 领导", "牵头 单位", "责任主体与协同单位", "1-10月推进情况", "是否达序", "说明"]
    rows = [["1", "优化提升50条背街后巷交通组织。", "徐国江", "城管局", "市政局、相关街道", "已进场施工,完成30%。", "是", ""],
            ["2", "新建建筑垃圾中转站8个。", "徐国江", "城管局", "崇川经济开发区、相关街道", "已建成3个,其余已启动。", "否",
             "招标滞后,后期将加快推进。"]]
    body = "2023年区政府重点民生实事项目推进情况\n" + "".join(
        "".join(f"{cell} |\n" if cell else "||\n" for cell in row) for row in [header] + rows)
    tasks = tasks_of(tmp_path, body)
    assert [_units(t) for t in tasks] == [["城管局", "市政局", "相关街道"], ["城管局", "崇川经济开发区", "相关街道"]]
    assert [t["leader"] for t in tasks] == ["徐国江", "徐国江"]


def test_a_title_ending_in_its_own_bracket_keeps_it(tmp_path):
    # …推进情况(1-11月): the title's own bracket keeps its ); a 文号 in brackets after a title leaves none behind
    lines = "1.优化提升背街后巷交通组织。(责任单位:区城管局)\n2.新建建筑垃圾中转站。(责任单位:区城管局)\n"
    for n, (line, title) in enumerate((("2023年区政府重点民生实事项目推进情况(1-11月)", "2023年区政府重点民生实事项目推进情况(1-11月)"),
                                       ("关于落实2020年重点工作任务分工方案的通知(南经管发〔2020〕81号)",
                                        "关于落实2020年重点工作任务分工方案的通知"))):
        result = import_text(line + "\n" + lines, tmp_path / str(n), stem="t", jurisdiction="某某区")
        assert result.data["title"] == title

"""Tables as real converters turn them into text (tests/importer_convfuzz.py measures them by route), on
made-up notices: a browser's copy of a web table whose cells hold line breaks (TAB rows broken inside a
cell), and pdftotext -layout of a printed table (columns of spaces, each cell wrapped inside its column,
a full line packed with one space between cells, names apart by spaces wrapped where the width ends)."""

from __future__ import annotations

from sitegen.importer import import_text
from sitegen.importer.content import iter_tasks

HEAD = ("某某县人民政府办公室关于印发2021年重点工作任务分解表的通知\n"
        "各乡镇人民政府,县直各单位:\n现将分解表印发给你们。\n某某县人民政府办公室\n2021年3月1日\n附件\n"
        "重点工作任务分解表\n")


def tasks(tmp_path, body: str) -> list[tuple]:
    result = import_text(HEAD + body + "\n", tmp_path, stem="t", jurisdiction="某某县")
    return [(t.get("number"), t["text"], [u["name"] for u in t.get("units", [])],
             [u["name"] for u in t.get("units", []) if u.get("role") == "牵头"], t.get("deadline"))
            for t in iter_tasks(result.data)]


def test_a_tab_row_broken_inside_a_cell_is_one_row(tmp_path):
    # Chromium's inner_text of <td>县发改局<br>县财政局<br>县商务局</td>: the row's line ends inside the cell,
    # the cell's last line carries the cells after it
    body = "\n".join(["序号\t工作任务\t牵头单位\t配合单位\t完成时限",
                      "1\t新建城区污水处理厂。\t县住建局\t县发改局", "县财政局", "县商务局\t12月底前",
                      "2\t改造农村公路100公里。\t县交通局\t各乡镇\t2021年"])
    assert tasks(tmp_path, body) == [
        ("1", "新建城区污水处理厂。", ["县住建局", "县发改局", "县财政局", "县商务局"], ["县住建局"], "12月底前"),
        ("2", "改造农村公路100公里。", ["县交通局", "各乡镇"], ["县交通局"], "2021年")]


def test_names_one_a_line_under_a_tab_rows_last_cell(tmp_path):
    # the broken cell is the row's last: its next names follow without a TAB; a group row's name is no unit
    body = "\n".join(["序号\t工作任务\t牵头单位\t配合单位", "一、经济发展",
                      "1\t新建城区污水处理厂。\t县住建局\t县发改局", "县财政局", "县商务局",
                      "二、民生保障", "2\t改造农村公路100公里。\t县交通局\t各乡镇"])
    assert [t[2] for t in tasks(tmp_path, body)] == [["县住建局", "县发改局", "县财政局", "县商务局"],
                                                    ["县交通局", "各乡镇"]]


LAYOUT = """\
序号         具体任务      主责单位   参与单位    完成时限
108、       继续全面      县教育局   13 个街   2010 年
           推进素质             道、镇
           教育
109、       深化推进      县教育局   县民政局,   2010 年
           二期课程             县残联
           教材改革
110、       加强 0-3   县教育局   人口计生 2010 年
           岁婴幼儿             委,相关
           教育               部门
111、       义务教育 县教育局         县残联     2010 年
           阶段残障
           儿童入学"""


def test_a_table_in_columns_of_spaces_with_cells_wrapped_inside_them(tmp_path):
    # pdftotext -layout: each cell's lines stand under it; a packed line keeps one space between cells
    # (人口计生 2010 年, 义务教育 县教育局), and digits are spaced from ideographs (13 个街, 2010 年)
    assert tasks(tmp_path, LAYOUT) == [
        ("108", "继续全面推进素质教育", ["县教育局", "13个街道、镇"], ["县教育局"], "2010年"),
        ("109", "深化推进二期课程教材改革", ["县教育局", "县民政局", "县残联"], ["县教育局"], "2010年"),
        ("110", "加强0-3岁婴幼儿教育", ["县教育局", "人口计生委", "相关部门"], ["县教育局"], "2010年"),
        ("111", "义务教育阶段残障儿童入学", ["县教育局", "县残联"], ["县教育局"], "2010年")]


def test_names_apart_by_spaces_wrapped_inside_their_column(tmp_path):
    # 县水务局 县 / 住建局 县护 / 城河指挥部: the list's names are apart by spaces, cut where the line ends
    body = """\
序号     事项        承办单位    完成时限
1、     启动建设东    县水务局 县  12 月底前
        柳河城区段    住建局 县护
        综合治理     城河指挥部
2、     新建 2 座人   县住建局    9 月投入使
        行天桥。                 用
3、     启动县图书    县文体广新  12 月底前
        馆新馆建     局 县代建中
        设。         心"""
    assert [(t[1], t[2], t[4]) for t in tasks(tmp_path, body)] == [
        ("启动建设东柳河城区段综合治理", ["县水务局", "县住建局", "县护城河指挥部"], "12月底前"),
        ("新建2座人行天桥。", ["县住建局"], "9月投入使用"),
        ("启动县图书馆新馆建设。", ["县文体广新局", "县代建中心"], "12月底前")]


WRAPPED_HEADER = """\
序号         责任牵头   目标任    协办单     牵头领   备注
           单位     务      位       导
1、         县教育局   新建城区   县财政局    张三
                  第二小学
2、         县住建局   改造老旧   县发改局    李四    列入考核
                  小区 20
                  个"""


def test_header_labels_wrapped_inside_their_columns_of_spaces(tmp_path):
    # pdftotext -layout of a table whose narrow columns wrap their labels (目标任 / 务): the line under the
    # header holds the labels' ends, each under its own label, and is no row
    assert [(t[0], t[1], t[2], t[3]) for t in tasks(tmp_path, WRAPPED_HEADER)] == [
        ("1", "新建城区第二小学", ["县教育局", "县财政局"], ["县教育局"]),
        ("2", "改造老旧小区20个", ["县住建局", "县发改局"], ["县住建局"])]


CENTRED = """\
序号     工作任务              牵头单位     完成时限
       新建城区污水处理厂,
1、     配套建设管网20公里,    县住建局     12月底前
       年内投入运行。
2、     改造农村公路100公里。   县交通局     10月底前
       推进老旧小区改造,
3、     完成加装电梯30部,     县住建局     年底前
       改善居住条件。"""


def test_cells_centred_in_their_rows_in_columns_of_spaces(tmp_path):
    # a browser's print centres each cell in its row: pdftotext -layout prints a row's number and its short
    # cells on the row's middle line, the taller text's first line above it (under the row before)
    assert [(t[0], t[1], t[2], t[4]) for t in tasks(tmp_path, CENTRED)] == [
        ("1", "新建城区污水处理厂,配套建设管网20公里,年内投入运行。", ["县住建局"], "12月底前"),
        ("2", "改造农村公路100公里。", ["县交通局"], "10月底前"),
        ("3", "推进老旧小区改造,完成加装电梯30部,改善居住条件。", ["县住建局"], "年底前")]


RAW = """\
序号 工作任务 牵头单位 完成时限
1、 新建城区污水处理厂,配套
建设管网20公里。
县住建局 12月底前
（2）
推进老旧小区改造,完成加装
电梯30部,改善居住条件。 县住建局 年底前
3、 改造农村公路100公里。 县交通局 10月底前"""


def test_a_row_whose_text_wraps_in_pdftotext_raw(tmp_path):
    # pdftotext -raw prints a cell's lines one after another: the number alone or with the text's first
    # line, the text's next lines, then the cells after the text at the end of the row's last line
    assert [(t[0], t[1], t[2], t[4]) for t in tasks(tmp_path, RAW)] == [
        ("1", "新建城区污水处理厂,配套建设管网20公里。", ["县住建局"], "12月底前"),
        ("2", "推进老旧小区改造,完成加装电梯30部,改善居住条件。", ["县住建局"], "年底前"),
        ("3", "改造农村公路100公里。", ["县交通局"], "10月底前")]

"""One cell a line (cellrows.py): each row's lines aligned with the columns, whatever the row shows.

Empty cells vanish, a cell's text wraps over short lines, a unit cell lists its names one a line, a
separator line (a rule, a blank line, a | after the cell) follows each cell, the header's labels break
over lines, or the header is not printed at all.
"""

from __future__ import annotations

from sitegen.importer import import_text
from sitegen.importer.content import iter_tasks

HEAD = ("某某县人民政府办公室关于印发2021年重点工作任务分解表的通知\n各有关单位:\n现将分解表印发给你们。\n"
        "某某县人民政府办公室\n2021年3月1日\n附件\n2021年重点工作任务分解表\n")


def imported(tmp_path, lines: list[str]):
    result = import_text(HEAD + "\n".join(lines) + "\n", tmp_path, stem="t", jurisdiction="某某县", parent="某某市")
    return result, [(t.get("number"), t["text"], [u["name"] for u in t.get("units", [])], t.get("leader"),
                     t.get("deadline")) for t in iter_tasks(result.data)]


def separated(cells: list[str], rule: str = "----") -> list[str]:
    """Each cell (its lines parted by \\n) followed by a rule."""
    return [line for cell in cells for line in [*cell.split("\n"), rule]]


def test_cells_parted_by_rules_keep_their_wrapped_lines_and_names_one_a_line(tmp_path):
    cells = ["序号", "工作任务", "牵头单位", "配合单位", "完成时限",
             "1", "启动建设东柳河\n城区段综合治理", "县水务局", "县住建局\n县护城河指挥部", "12月底前",
             "2", "新建2座人行天桥。", "县住建局", "9月投入使用",
             "3", "启动县图书馆新\n馆建设。", "县文体广新局", "县代建中心", "12月底前"]
    result, tasks = imported(tmp_path, separated(cells, "———"))
    assert tasks == [("1", "启动建设东柳河城区段综合治理", ["县水务局", "县住建局", "县护城河指挥部"], None, "12月底前"),
                     ("2", "新建2座人行天桥。", ["县住建局"], None, "9月投入使用"),
                     ("3", "启动县图书馆新馆建设。", ["县文体广新局", "县代建中心"], None, "12月底前")]
    assert "(100.0%)" in result.report_text


def test_a_text_and_a_name_wrapped_at_the_column_width_without_separators(tmp_path):
    lines = ["序号", "工作任务", "责任单位", "完成时限",
             "1", "完善交通基础", "设施建设工程", "区新兴", "产业服", "务中心", "年内完成",
             "2", "提升区域防洪能力", "区农业农村局", "6月开工"]
    _, tasks = imported(tmp_path, lines)
    assert tasks == [("1", "完善交通基础设施建设工程", ["区新兴产业服务中心"], None, "年内完成"),
                     ("2", "提升区域防洪能力", ["区农业农村局"], None, "6月开工")]


def test_header_labels_broken_over_lines_between_rules(tmp_path):
    cells = ["序号", "目标\n任务", "主办\n单位", "参加\n单位",
             "1", "地区生产总值增长5.5%", "区发改局", "区财政局，区统计局",
             "2", "城镇新增就业1万人", "区人社局", "各街道办事处"]
    _, tasks = imported(tmp_path, separated(cells))
    assert tasks == [("1", "地区生产总值增长5.5%", ["区发改局", "区财政局", "区统计局"], None, None),
                     ("2", "城镇新增就业1万人", ["区人社局", "各街道办事处"], None, None)]


def test_a_table_without_its_header_takes_its_columns_from_the_order_of_its_cells(tmp_path):
    lines = ["(2)", "何海平", "促进就业稳定增长", "落实就业", "区人社局", "高新园(邹区镇)、各街道",
             "(3)", "何海平", "老城厢复兴发展", "区文体旅局", "晋陵公司、轨道公司",
             "(4)", "张菁", "优化养老服务", "区民政局", "各街道"]
    _, tasks = imported(tmp_path, lines)
    assert [(t[0], t[1], t[3]) for t in tasks] == [("2", "促进就业稳定增长落实就业", "何海平"),
                                                   ("3", "老城厢复兴发展", "何海平"), ("4", "优化养老服务", "张菁")]
    assert tasks[0][2] == ["区人社局", "高新园(邹区镇)", "各街道"]


def test_names_one_a_line_share_no_prefix(tmp_path):
    """区文旅局 / 滨江管委会 printed one a line are two names as printed: no 区 is carried over, as a 、 list
    would carry it."""
    cells = ["序号", "工作任务", "责任单位", "1", "深化国家级文化产业试验园区建设。", "区文旅局\n滨江管委会",
             "2", "推进商贸业项目建设。", "区商务局"]
    _, tasks = imported(tmp_path, separated(cells, ""))
    assert tasks[0][2] == ["区文旅局", "滨江管委会"]


def test_a_bar_after_each_cell_and_sub_items_of_one_cell(tmp_path):
    lines = ["序号 |", "项目名称 |", "具体任务 |", "牵头单位 |", "进展情况 |",
             "1 |", "公办教育资源扩容工程 |", "①完成区第二幼儿园建设。", "②启动化成街道中心幼儿园建设。 |", "区教体局 |",
             "①已完成主体。", "②已开工。 |",
             "2 |", "医卫基础设施建设工程 |", "新建发热门诊1栋。 |", "慈化镇 |", "已完工。 |"]
    _, tasks = imported(tmp_path, lines)
    assert [(t[0], t[2]) for t in tasks] == [("1", ["区教体局"]), ("2", ["慈化镇"])]
    assert tasks[0][1].startswith("公办教育资源扩容工程") and "②启动化成街道" in tasks[0][1]


def test_a_pipe_table_with_a_unit_cell_one_name_a_line(tmp_path):
    rows = ["序号 | 牵头单位 | 工作任务 | 责任单位", "1. | 教育局 | 增加教育资源供给 | 经开区",
            " |  |  | 高新园(邹区镇)", " |  |  | 各街道", "2. | 人社局 | 促进就业稳定增长 | 各乡镇(街道)",
            " |  |  | 区总工会"]
    _, tasks = imported(tmp_path, rows)
    assert [t[2] for t in tasks] == [["教育局", "经开区", "高新园(邹区镇)", "各街道"],
                                    ["人社局", "各乡镇(街道)", "区总工会"]]


FRAGMENT = ("某某县人民政府办公室关于印发2021年重点工作任务分解表的通知\n各有关单位:\n现将分解表印发给你们。\n"
            "某某县人民政府办公室\n2021年3月1日\n附件\n")


def fragment(tmp_path, lines: list[str]):
    """A table's rows without a title or a header (an excerpt that starts between rows)."""
    result = import_text(FRAGMENT + "\n".join(lines) + "\n", tmp_path, stem="t", jurisdiction="某某县",
                         parent="某某市")
    return [(t.get("number"), t["text"], [u["name"] for u in t.get("units", [])], t.get("deadline"))
            for t in iter_tasks(result.data)]


def test_a_headless_table_parted_by_rules_with_a_figure_inside_a_wrapped_text(tmp_path):
    # 4000 alone on a line inside a wrapped cell has no rule before it: no row's number
    cells = ["(1)", "居民消费\n价格涨幅\n3%左右", "发展改革委",
             "(2)", "安排地方\n专项债券\n4000\n亿元", "财政部",
             "(3)", "城镇新增就业1\n000万人以上", "人力资\n源社会\n保障部"]
    assert fragment(tmp_path, separated(cells, "------")) == [
        ("1", "居民消费价格涨幅3%左右", ["发展改革委"], None),
        ("2", "安排地方专项债券4000亿元", ["财政部"], None),
        ("3", "城镇新增就业1000万人以上", ["人力资源社会保障部"], None)]


def test_a_headless_table_without_numbers_parted_by_rules(tmp_path):
    # rows told apart by their texts; a remark repeated in every other row is a notes column
    cells = ["开工建设老年大学。", "县民政局", "12月底前",
             "迁建县政务服\n务中心。", "按期完成年度目标", "县政务服务中心 县代建中心", "12月底前",
             "加快推进土地滩\n水库建设。", "县水务局", "12月底前",
             "启动县第十二小\n学建设。", "按期完成年度目标", "县教科局 县代建中心", "12月底前"]
    assert fragment(tmp_path, separated(cells, "———————")) == [
        (None, "开工建设老年大学。", ["县民政局"], "12月底前"),
        (None, "迁建县政务服务中心。", ["县政务服务中心", "县代建中心"], "12月底前"),
        (None, "加快推进土地滩水库建设。", ["县水务局"], "12月底前"),
        (None, "启动县第十二小学建设。", ["县教科局", "县代建中心"], "12月底前")]


def test_a_wrapped_first_cell_is_no_title(tmp_path):
    # 开工建 / 设老年 / 大学。: lines equally long closing a sentence, no separator between them
    cells = ["开工建\n设老年\n大学。", "县民政局", "12月底前", "迁建县政\n务服务中\n心。", "县政务服务中心", "12月底前"]
    assert fragment(tmp_path, separated(cells, "====")) == [
        (None, "开工建设老年大学。", ["县民政局"], "12月底前"),
        (None, "迁建县政务服务中心。", ["县政务服务中心"], "12月底前")]


def test_a_single_headless_row_that_runs_to_the_end(tmp_path):
    lines = ["1.", "地区生产总值增长5.5%", "区发改经信局", "区财政局;区商务局;区统计局"]
    assert fragment(tmp_path, lines) == [("1", "地区生产总值增长5.5%", ["区发改经信局", "区财政局", "区商务局", "区统计局"],
                                          None)]


def test_a_page_number_before_a_row_number_and_a_long_name_as_the_text(tmp_path):
    # — 3 — then 2、: the page's number is no row; 医卫…袁州区 reads like a name but is the row's text
    cells = ["1、", "教体局", "公办教育资源扩容提质惠民工程", "国投集团,各有关乡镇(街道)",
             "2、", "慈化镇", "医卫基础设施建设工程袁州区"]
    lines = ["3", *separated(cells, "====")]
    tasks = fragment(tmp_path, lines)
    assert [(n, t) for n, t, _, _ in tasks] == [("1", "公办教育资源扩容提质惠民工程"), ("2", "医卫基础设施建设工程袁州区")]
    assert tasks[1][2] == ["慈化镇"]


def test_a_list_wrapped_at_its_separator_and_a_text_cut_before_a_whole_name(tmp_path):
    cells = ["序号", "工作任务", "责任单位", "完成时限",
             "1", "推进科学城改\n造和创新基地建设。", "区科\n产局\n;区\n建委", "年底前",
             "2", "完成13个街道的\n社区建设", "教育局\n13个街\n道、镇", "2010年"]
    _, tasks = imported(tmp_path, separated(cells, "┄┄"))
    assert [units for _, _, units, _, _ in tasks] == [["区科产局", "区建委"], ["教育局", "13个街道、镇"]]


def test_a_text_wrapped_before_a_whole_unit_name_keeps_its_last_characters(tmp_path):
    lines = ["序号", "工作任务", "责任单位", "完成时限",
             "1", "启动建设东柳河城区段综合", "治理", "县水务局", "县住建局", "12月底前",
             "2", "完善交通基础设施建", "设", "区新兴产业服务中心", "年内完成"]
    _, tasks = imported(tmp_path, lines)
    assert [(t, u) for _, t, u, _, _ in tasks] == [
        ("启动建设东柳河城区段综合治理", ["县水务局", "县住建局"]), ("完善交通基础设施建设", ["区新兴产业服务中心"])]


def test_names_one_a_line_with_a_name_the_suffixes_do_not_know(tmp_path):
    lines = ["序号", "工作任务", "责任领导", "责任单位",
             "1.", "增加教育资源供给", "何海平", "教育局", "经开区", "高新园(邹区镇)", "各街道",
             "2.", "优化养老服务为全区23000名老人提供服务", "张菁", "民政局", "高新园(邹区镇)", "各街道"]
    _, tasks = imported(tmp_path, lines)
    assert [(u, leader) for _, _, u, leader, _ in tasks] == [
        (["教育局", "经开区", "高新园(邹区镇)", "各街道"], "何海平"), (["民政局", "高新园(邹区镇)", "各街道"], "张菁")]


# -- a leader is a person's name: never a group's name, a 类别 word or a piece of a wrapped text ------------

def fragment_leaders(tmp_path, lines: list[str]):
    result = import_text(FRAGMENT + "\n".join(lines) + "\n", tmp_path, stem="t", jurisdiction="某某县",
                         parent="某某市")
    return [(t.get("number"), t["text"], [u["name"] for u in t.get("units", [])], t.get("leader"))
            for t in iter_tasks(result.data)]


def test_a_bare_name_is_told_from_a_word_by_its_surname():
    from sitegen.importer.columns import looks_like_leader

    for name in ("何海平", "张菁", "宁波", "欧阳明华", "張三", "杜新国、丁玲", "李丹副区长", "惠晓东副县长"):
        assert looks_like_leader(name), name
    # group headings, 类别 words, a progress cell and pieces of texts wrapped a few characters a line
    for word in ("稳增长", "惠民生", "发展类", "民生类", "已完成", "暑期公", "设老年", "政务服", "治理", "区改造", "秋白",
                 "分管副县长", "牵头市领导"):
        assert not looks_like_leader(word), word


def test_a_group_row_after_a_row_whose_leader_cell_is_merged_is_no_leader(tmp_path):
    # 何海平 printed once for rows 1 and 2; 惠民生 after row 2's units is the next group, not row 2's leader
    cells = ["序号", "工作任务", "责任单位", "责任领导",
             "稳增长",
             "1.", "增加教育资源供给", "教育局", "何海平",
             "2.", "促进就业稳定增长", "人社局",
             "惠民生",
             "3.", "优化养老服务", "民政局", "张菁"]
    _, tasks = imported(tmp_path, separated(cells, "＿＿"))
    assert [(n, leader) for n, _, _, leader, _ in tasks] == [("1", "何海平"), ("2", "何海平"), ("3", "张菁")]


def test_a_category_column_in_a_headless_table_gives_no_leader(tmp_path):
    # 民生类 / 发展类 before each row's leader: 类别 words, never the leader
    cells = ["一", "民生类", "何海平", "增加教育资源供给", "教育局", "经开区;各街道",
             "二", "发展类", "芮春祥", "促进就业稳定增长", "人社局", "各街道",
             "三", "民生类", "张菁", "优化养老服务", "民政局", "各街道"]
    tasks = fragment_leaders(tmp_path, separated(cells, "===="))
    assert [(n, leader) for n, _, _, leader in tasks] == [("一", "何海平"), ("二", "芮春祥"), ("三", "张菁")]


def test_group_names_between_the_rows_of_a_table_without_numbers(tmp_path):
    # no 序号 column: 惠民生 stands where a row starts, reads as no cell (no name, unit, date or 类别 word)
    lines = ["类别", "分管副县长", "目标任务", "责任牵头单位", "协同单位",
             "稳增长",
             "民生类", "杨宜", "公办教育资源扩容提质惠民工程", "区教体局", "区国投集团;各有关乡镇(街道)",
             "惠民生",
             "发展类", "杨宜", "医卫基础设施建设", "区卫健委", "慈化镇"]
    _, tasks = imported(tmp_path, lines)
    assert [(t, u, leader) for _, t, u, leader, _ in tasks] == [
        ("公办教育资源扩容提质惠民工程", ["区教体局", "区国投集团", "各有关乡镇(街道)"], "杨宜"),
        ("医卫基础设施建设", ["区卫健委", "慈化镇"], "杨宜")]


def test_a_headless_table_parted_by_rules_with_a_lead_and_other_units_before_the_leader(tmp_path):
    # 教育局 / 经开区;各街道 between rules are two unit cells (a lead, then the others), then the leader;
    # a text's last line before a rule never joins the unit after the rule (…居家养老 / ---- / 民政局)
    cells = ["一", "增加教育资源\n供给实施新建", "教育局", "经开区;高新\n园(邹区镇)\n;各街道", "何海平",
             "二", "促进就业稳定\n增长落实就业", "人社局", "高新园(\n邹区镇)\n;各街道", "何海平", "正在推进",
             "三", "提升改造8家城\n乡社区居家养老", "民政局", "高新园(邹区\n镇);各街道", "张菁", "正在推进"]
    tasks = fragment_leaders(tmp_path, separated(cells))
    assert [(n, u, leader) for n, _, u, leader in tasks] == [
        ("一", ["教育局", "经开区", "高新园(邹区镇)", "各街道"], "何海平"),
        ("二", ["人社局", "高新园(邹区镇)", "各街道"], "何海平"),
        ("三", ["民政局", "高新园(邹区镇)", "各街道"], "张菁")]


def test_a_header_without_numbers_ends_at_the_first_rows_leader(tmp_path):
    # 县级领导 / 目标任务 / 工作目标 / 落实单位 / 时限要求, then 叶林: a person's name is no label, the first
    # row starts (its text's lines are no longer than labels are)
    lines = ["县级领导", "目标任务", "工作目标", "落实单位", "时限要求",
             "叶林", "坚持服务跟着项目", "走,优化“重点项", "招商工", "作部,", "安商工", "作部", "全年",
             "马振明", "全力推进开发区“", "空间再造”,推动", "按期完成年度目标", "改革办", "全年"]
    _, tasks = imported(tmp_path, lines)
    # (a 工作目标 cell as long as the text's lines still runs into the text: not asserted here)
    assert [(t[:16], u, leader, d) for _, t, u, leader, d in tasks] == [
        ("坚持服务跟着项目走,优化“重点项", ["招商工作部", "安商工作部"], "叶林", "全年"),
        ("全力推进开发区“空间再造”,推动", ["改革办"], "马振明", "全年")]


def test_a_numberless_headless_table_under_its_title_with_a_category_first(tmp_path):
    # the title ends with 表: 民生类 is the first row's cell, not more of the title; blank lines part the cells
    cells = ["民生类", "城镇新增就业1000万人以上", "人力资\n源社会\n保障部",
             "发展类", "安排地方专项债券4000亿元", "财政部",
             "民生类", "中央财政安排1000亿元专项", "财政部"]
    _, tasks = imported(tmp_path, separated(cells, ""))
    assert [(t, u) for _, t, u, _, _ in tasks] == [("城镇新增就业1000万人以上", ["人力资源社会保障部"]),
                                                  ("安排地方专项债券4000亿元", ["财政部"]),
                                                  ("中央财政安排1000亿元专项", ["财政部"])]


def test_a_text_wrapped_at_its_width_keeps_its_last_line_before_a_whole_unit(tmp_path):
    # 公办教育 / 资源扩容 / 提质惠民 / 工程: the short last line ends the text; 工程教体局 is no unit
    lines = ["序号", "事项", "牵头单位", "参与单位",
             "1.", "公办教育", "资源扩容", "提质惠民", "工程", "教体局", "国投集团", "各有关乡镇(街道)",
             "2.", "提升改造", "城乡社区", "居家养老", "服务", "民政局", "各街道"]
    _, tasks = imported(tmp_path, lines)
    assert [(t, u) for _, t, u, _, _ in tasks] == [
        ("公办教育资源扩容提质惠民工程", ["教体局", "国投集团", "各有关乡镇(街道)"]),
        ("提升改造城乡社区居家养老服务", ["民政局", "各街道"])]


def test_names_parted_by_spaces_keep_the_space_at_a_wrap_and_a_bracketed_name_is_whole(tmp_path):
    # 五星街道 / 南大街 / 街道 荷 / 花池街道: the space that starts a line parts two names; 高新园(邹区镇) / 各街道
    # one a line between rules are two names
    cells = ["序号", "工作任务", "牵头单位", "配合单位",
             "1", "推进大庙弄核心区改造", "住建局", "五星街道\n 南大街\n街道 荷\n花池街道",
             "2", "优化养老服务", "民政局", "高新园(邹区镇)\n各街道"]
    _, tasks = imported(tmp_path, separated(cells, "－－－"))
    assert [u for _, _, u, _, _ in tasks] == [["住建局", "五星街道", "南大街街道", "荷花池街道"],
                                              ["民政局", "高新园(邹区镇)", "各街道"]]


def test_a_headless_table_between_rules_with_a_long_name_as_the_text_and_a_name_broken_in_its_bracket(tmp_path):
    # 新(改、扩)建一批中小学校 ends like a school's name but is the text (its 、 is inside the bracket); 各乡镇 /
    # (街道 / ) is one name broken inside its bracket
    cells = ["1、", "教体局", "新(改、扩)建一批中小学校", "东孝街道、孝顺镇、发改局",
             "2、", "教体局", "中小学校清廉阳光厨房建设", "各街道",
             "3、", "卫健局", "医疗卫生机构迁(扩)建", "源东乡、发改局",
             "4、", "应急管理局", "避灾安置场所规范化建设", "各乡镇\n(街道\n)"]
    tasks = fragment_leaders(tmp_path, separated(cells, "———————"))
    assert [(n, t, u) for n, t, u, _ in tasks] == [
        ("1", "新(改、扩)建一批中小学校", ["教体局", "东孝街道", "孝顺镇", "发改局"]),
        ("2", "中小学校清廉阳光厨房建设", ["教体局", "各街道"]),
        ("3", "医疗卫生机构迁(扩)建", ["卫健局", "源东乡", "发改局"]),
        ("4", "避灾安置场所规范化建设", ["应急管理局", "各乡镇(街道)"])]


def test_a_headless_first_row_with_its_unit_list_wrapped_after_each_name_and_a_page_number_after_it(tmp_path):
    # 水务局、 / 住建局、 / 护城河指 / 挥部: one unit list; 3 then (2): a page's number, then the next row
    lines = ["(1)", "启动建设东柳河城区段综合治理", "水务局、", "住建局、", "护城河指", "挥部", "12月底前",
             "", "3", "",
             "(2)", "新建2座人行天桥。", "住建局", "9月投入使用",
             "(3)", "启动县图书馆新馆建设。", "文体广新局", "、代建中心", "12月底前"]
    tasks = fragment(tmp_path, lines)
    assert [(n, u, d) for n, _, u, d in tasks] == [("1", ["水务局", "住建局", "护城河指挥部"], "12月底前"),
                                                   ("2", ["住建局"], "9月投入使用"),
                                                   ("3", ["文体广新局", "代建中心"], "12月底前")]


def test_a_texts_last_line_in_quotes_is_no_part_of_the_unit_after_it(tmp_path):
    # 坚持服务跟着 / 项目走,优化 / “重点项 / 招商工作 / 部,安商 / 工作部: a quote is a text's, never a unit's
    lines = ["编号", "任务内容", "承办单位", "分管领导", "完成时间",
             "(1)", "坚持服务跟着", "项目走,优化", "“重点项", "招商工作", "部,安商", "工作部", "叶林", "全年",
             "(2)", "全力推进开发区“", "空间再造”,推动", "改革办", "马振明", "全年"]
    _, tasks = imported(tmp_path, lines)
    assert [(t, u) for _, t, u, _, _ in tasks] == [("坚持服务跟着项目走,优化“重点项", ["招商工作部", "安商工作部"]),
                                                  ("全力推进开发区“空间再造”,推动", ["改革办"])]

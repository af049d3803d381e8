"""A paragraph hard-wrapped at a fixed width (text out of a PDF), where the break falls before a comma or a full
stop, or inside a square or lenticular bracket of the attribution (issue 17, items 1-2; the `wrap` class of
tests/importer_unitfuzz.py)."""

from __future__ import annotations

from sitegen.importer import import_text
from sitegen.importer.content import iter_tasks

HEAD = "某某县人民政府办公室关于印发2024年重点工作任务分解方案的通知\n各有关单位:\n一、稳定经济增长\n"


def units_of(tmp_path, body):
    result = import_text(HEAD + body + "\n", tmp_path, stem="t", jurisdiction="某某县")
    return [[u["name"] for u in t.get("units", [])] for t in iter_tasks(result.data)]


def test_a_line_opening_with_a_comma_or_a_full_stop_goes_on_the_line_before(tmp_path):
    body = ("1.加强生态环境保护，打好污染防治攻坚战\n。由县人民医院牵头，县市场监管局配合。\n"
            "2.扎实做好安全生产工作。由团县委牵头\n，县经济开发区管委会、县政协办公室配合。")
    assert units_of(tmp_path, body) == [["县人民医院", "县市场监管局"], ["团县委", "县经济开发区管委会", "县政协办公室"]]


def test_a_bracket_opened_on_one_line_closes_on_a_later_one(tmp_path):
    body = ("1.提升城市管理水平，改善人居环境。【城关镇\n政府牵头，县职教中心，县委督查室配合】\n"
            "2.推动数字经济发展，加快5G基站建设。〔牵头单位：县\n教育局；责任单位：县\n税务局、县文旅集团〕")
    assert units_of(tmp_path, body) == [["城关镇政府", "县职教中心", "县委督查室"], ["县教育局", "县税务局", "县文旅集团"]]


def test_a_full_stop_opening_an_excerpt_does_not_join_the_document_number(tmp_path):
    # an excerpt cut mid-sentence under its header: the 文号 above is no line of an item
    text = ("某政办发〔2024〕5号\n。一是加强督促检查;二是做好宣传引导。【牵头部门】县编办\n"
            "②完善社会保障体系。【牵头部门】县民政局\n")
    result = import_text(text, tmp_path, stem="t", jurisdiction="某某县")
    tasks = list(iter_tasks(result.data))
    assert tasks[0]["text"].startswith("。一是") or tasks[0]["text"].startswith("一是")


def test_a_name_broken_by_the_page_width_is_rejoined_in_traditional_characters_too(tmp_path):
    # 縣自然 / 資源局牽頭: the words that may follow a name (牽頭, 負責 …) are matched in both scripts
    text = ("某某縣人民政府辦公室關於印發2024年重點工作任務分解方案的通知\n各有關單位:\n一、穩定經濟增長\n"
            "1.推進項目建設。由縣財政局、縣自然\n資源局牽頭，縣林業局配合。\n")
    result = import_text(text, tmp_path, stem="t", jurisdiction="某某縣")
    assert [[u["name"] for u in t.get("units", [])] for t in iter_tasks(result.data)] == [
        ["縣財政局", "縣自然資源局", "縣林業局"]]


def test_a_bracket_broken_before_a_field_label_keeps_the_field(tmp_path):
    # the page's width ended the line after one field of a bracket (…副县长 / 完成时限:…] or 完成 / 时限:…]):
    # the line opening with the next label is that bracket's field, not a label line of its own
    body = ("1.聚焦不平衡不充分问题,实施提高居民收入富民行动,加快构建以共同富裕为导向的发\n"
            "展格局。［责任单位:县发改局、县农业农村局 责任领导:汤飞帆副县长\n完成时限:12月底前］\n"
            "2.规模以上工业增加值增长11.5%。［牵头单位:县科经局;配合单位:各镇人民政府 完成\n时限:年底前］\n"
            "3.扎实做好安全生产工作。［牵头单位:县应急局］")
    result = import_text(HEAD + body + "\n", tmp_path, stem="t", jurisdiction="某某县")
    tasks = list(iter_tasks(result.data))
    assert [[u["name"] for u in t.get("units", [])] for t in tasks] == [
        ["县发改局", "县农业农村局"], ["县科经局", "各镇人民政府"], ["县应急局"]]
    assert [t.get("deadline") for t in tasks] == ["12月底前", "年底前", None]
    assert tasks[0].get("leader") == "汤飞帆"


# A printed page's text (pdftotext): every line of a paragraph broken at the page's width, 30 characters here.
PAGE_HEAD = ("某某县人民政府办公室关于印发2024年重点工作任务分解方案的通\n知\n各有关单位:\n"
             "现将任务分解方案印发给你们,请认真贯彻落实。各单位要高度重视,\n"
             "主要负责同志亲自抓,确保各项任务落到实处,按期完成各项任务。\n一、稳定经济增长\n")


def tasks_of(tmp_path, body, head=PAGE_HEAD):
    result = import_text(head + body + "\n", tmp_path, stem="t", jurisdiction="某某县")
    return list(iter_tasks(result.data))


def test_a_full_line_goes_on_where_the_page_broke_a_name_or_a_deadline(tmp_path):
    # 汤飞帆副 / 县长 and 年底 / 前 each read whole where they end a line as wide as the page's lines
    body = ("1.加快推进城乡一体化建设,完善基础设施,提升公共服务水平,推动\n"
            "城乡融合发展。【牵头单位】县发改局【牵头领导】汤飞帆副\n县长\n"
            "2.加强生态环境保护,打好污染防治攻坚战,持续改善空气和水环境质\n"
            "量。【牵头单位】县生态环境分局【完成时限】2024年年底\n前\n"
            "3.扎实做好安全生产工作,压实各方责任,坚决遏制重特大事故发生,确\n"
            "保全县安全形势稳定。【牵头单位】县应急局【牵头领导】王仁洲同志\n"
            "此项工作纳入年度目标考核。\n")
    tasks = tasks_of(tmp_path, body)
    assert [t.get("leader") for t in tasks] == ["汤飞帆", None, "王仁洲"]
    assert tasks[1].get("deadline") == "2024年年底前"


def test_a_page_number_and_running_header_inside_a_paragraph_break_nothing(tmp_path):
    # a task's sub-items carry its attribution: a page's end inside the task's paragraph must not leave its
    # second half a paragraph of its own, or the sub-items read as the tasks
    body = ("(一)一般公共预算收入增长8%左右。\n(1)完善工作机制,加强部门协同;\n"
            "(2)做好宣传引导工作。【牵头单位:县财政局】\n"
            "(二)切实抓好粮食主产县、旱作高产县和整镇连片现代粮食基地建设,\n加快推进整县果业转型升级,"
            "积极打造肉蛋奶生产重点县,因地制宜发展蔬\n—1—\n\n某某县人民政府办公室文件\n\n"
            "菜、茶叶、干果和木本油料等产业,全年粮食播种面积4600万亩,总产1150\n万吨。\n"
            "(1)完善工作机制,加强部门协同;\n(2)做好宣传引导工作。【责任单位:县农业农村局】\n")
    head = PAGE_HEAD.replace("现将任务", "某某县人民政府办公室文件\n现将任务")  # the running header, printed twice
    tasks = tasks_of(tmp_path, body, head)
    assert [t.get("number") for t in tasks] == ["一", "二"]
    assert "因地制宜发展蔬菜" in tasks[1]["text"] and tasks[1]["units"][0]["name"] == "县农业农村局"


def test_a_paragraphs_points_and_quoted_words_go_on_on_the_next_line(tmp_path):
    # 一是…;二是…; / 三是…: points inside the paragraph; pdftotext -raw sets “一日办结” on a line of its own
    body = ("(一)规模以上工业增加值增长5%左右。一是做好宣传引导;二是加快项目建设;\n"
            "三是强化资金保障。(牵头单位:县工信局)\n"
            "(二)优化市场准入环境,持续推进“一网通办”\n“一日办结”\n。(牵头单位:县市场监管局)\n")
    tasks = tasks_of(tmp_path, body)
    assert [t.get("number") for t in tasks] == ["一", "二"]
    assert [[u["name"] for u in t["units"]] for t in tasks] == [["县工信局"], ["县市场监管局"]]


def test_a_long_attribution_bracket_goes_on_past_six_lines(tmp_path):
    body = ("1.国家综合能源基地。统筹煤炭、油气资源的勘探开发,优化煤电、煤化\n工等产业布局,积极开发风能、"
            "太阳能等可再生能源,推进能源结构\n调整和产业升级,提高能源利用效率,加快建设清洁低碳、安全高效\n"
            "的现代能源体系。一是做好宣传引导,二是强化资金保障,三是加快项\n目建设。[牵头单位:县能源局;配\n"
            "合单位:县发展改革局、县经济和信息化局、县自然资源局、县生态环\n境分局、县供电公司、各乡镇人民政府、"
            "县开发区管委会、县交通运\n输局;\n完成时限:5月底前动工]\n2.扎实做好安全生产工作。[牵头单位:县应急局]\n")
    tasks = tasks_of(tmp_path, body)
    assert tasks[0].get("deadline") == "5月底前动工"
    assert [u["name"] for u in tasks[0]["units"]][-1] == "县交通运输局"



# a printed page's lines (pdftotext), the fields run on at the end of each task's paragraph
PRINTED = """1、完善社会保障:聚焦不平衡不充分问题,实施提高居民收入
富民行动,加快构建以共同富裕为导向的发展格局。责任部门:市发
改委、市农业农村局、市文旅局;牵头领导:汤飞帆副市长
2、加强市场体系建设:优化市场准入环境。实施“证照分离”
改革全覆盖,持续推进“一网通办”“一日办结”。责任部门:省市场
监管局;牵头领导:周喜安副市长
3、加强市场体系建设:财政一般预算收入增长18%。牵头部
门:市财政局;完成时间:全年
二、稳定经济增长
1、深化改革创新:进出口总额增长9%左右、增速高于全国平
均水平。牵头部门:省商务厅 协办单位:省发展改革委、省经济和
信息化厅、省财政厅、合肥海关、省税务局、省外汇管理局 牵头
领导:周喜安副市长 完成时间:全年
2、扩大有效投资:一般公共预算收入增长12%以上。牵头部
门:区财政局、区税务局;牵头领导:杜新国;完成时间:长期坚持
三、推动产业升级
1、扩大有效投资:建设3个劳动密集型产业园。牵头部门:县示
范区管委会
2、提升城市品质:地区生产总值增长7%以上。责任部门:区发
展和改革局""".split("\n")


def test_a_printed_page_set_a_paragraph_per_line_reads_as_the_page(tmp_path):
    # a PDF made into a web page, each printed line its own paragraph: the blank lines part no paragraphs
    plain = units_of(tmp_path / "plain", "\n".join(PRINTED))
    lines = (HEAD + "\n".join(PRINTED)).splitlines()
    result = import_text("\n\n".join(lines) + "\n", tmp_path / "spaced", stem="t", jurisdiction="某某县")
    spaced = [[u["name"] for u in t.get("units", [])] for t in iter_tasks(result.data)]
    assert spaced == plain == [["市发改委", "市农业农村局", "市文旅局"], ["省市场监管局"], ["市财政局"],
                               ["省商务厅", "省发展改革委", "省经济和信息化厅", "省财政厅", "合肥海关", "省税务局",
                                "省外汇管理局"],
                               ["区财政局", "区税务局"], ["县示范区管委会"], ["区发展和改革局"]]

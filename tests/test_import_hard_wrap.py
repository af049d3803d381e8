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

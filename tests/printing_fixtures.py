"""A site with one unit holding many tasks: for print pages that run over several A4 sheets."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

NOTICE_ID = "ceshi-2019-long"

# Varied, realistic sentences (many distinct characters, long Latin and number runs to wrap).
SENTENCES = [
    "深入推进供给侧结构性改革,全面落实“三去一降一补”各项任务,稳妥处置“僵尸企业”。",
    "新增省级以上企业研发机构30家,高新技术企业总数达到1200家以上。",
    "加快新旧动能转换,培育壮大新一代信息技术、高端装备、生物医药等战略性新兴产业集群。",
    "推进“放管服”改革,行政审批事项网上办理率达到90%,企业开办时间压缩至3个工作日以内。",
    "实施城市更新行动,完成老旧小区改造120个,新建改造城市道路45条、雨污分流管网86公里。",
    "打好污染防治攻坚战,PM2.5年均浓度下降5%,空气质量优良天数比例提高到70%以上。",
    "完善社会保障体系,城乡居民基本养老保险基础养老金最低标准每人每月提高10元。",
    "建设https://www.example.gov.cn/zhengwu/gongkai/2019/renwu-fenjie-biao.html公开平台,ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789。",
]
DEADLINES = ["6月底前", "年底前", "9月底前", "持续推进", None]


def long_notice(count: int) -> dict:
    tasks = []
    for index in range(1, count + 1):
        text = f"第{index}项任务内容:" + SENTENCES[index % len(SENTENCES)] + SENTENCES[(index * 3) % len(SENTENCES)]
        task = {"id": f"1-{index}", "number": str(index), "text": text,
                "units": [{"name": "市发改委", "role": "牵头" if index % 3 else "配合"}, {"name": "市财政局", "role": "责任"}]}
        if DEADLINES[index % len(DEADLINES)]:
            task["deadline"] = DEADLINES[index % len(DEADLINES)]
        tasks.append(task)
    return {
        "title": "测试市人民政府关于印发重点工作长清单的通知",
        "short_title": "测试市重点工作长清单",
        "issuer": "测试市人民政府",
        "jurisdiction": "ceshi-shi",
        "published": dt.date(2019, 3, 1),
        "fictional": True,
        "attachments": [{"number": "1", "title": "重点工作长清单",
                         "sections": [{"number": "一、", "heading": "张三市长牵头重点工作", "leader": "张三",
                                       "tasks": tasks}]}],
    }


def add_long_notice(site: Path, count: int = 60) -> list[dict]:
    """Write the long notice into a copy of the mini site; returns its tasks."""
    notice = long_notice(count)
    path = site / "content" / "notices" / f"{NOTICE_ID}.yaml"
    path.write_text(yaml.safe_dump(notice, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return notice["attachments"][0]["sections"][0]["tasks"]

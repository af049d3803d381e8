"""`sitegen init`: a new, empty site that builds."""

from __future__ import annotations

from pathlib import Path

from .core.errors import SitegenError

FILES = {
    "site.yaml": """\
# Site configuration: see docs/content-format.md
title: 政府工作报告重点工作分工公开
description: 政府工作报告重点工作的分工、责任单位与进展
base_url: /
language: zh-CN
theme: default
allow_unregistered_units: false
""",
    "content/jurisdictions.yaml": ("# Governments of this site, e.g.\n# - id: hubei\n#   name: 湖北省\n"
                                   "#   level: province\n[]\n"),
    "content/leaders.yaml": "# Officials, e.g.\n# - name: 钱三雄\n#   title: 市长\n#   jurisdiction: huzhou\n[]\n",
    "content/themes.yaml": """\
# Site-wide themes: a task belongs to a theme when its text contains one of the keywords and the
# match is not inside one of the theme's exclusions. Edit them to suit your notices; see docs/themes.md.
- id: jing-ji-fa-zhan
  name: 经济发展
  description: 产业、投资、消费与企业
  keywords: [制造业, 服务业, 产业, 消费, 招商, 项目建设]
- id: gai-ge-kai-fang
  name: 改革开放
  description: 体制改革、营商环境与对外开放
  keywords: [改革, 营商环境, 放管服, 对外开放, 外资]
- id: sheng-tai-huan-jing
  name: 生态环境
  description: 污染防治与生态保护
  keywords: [污染, 生态, 环境保护, 节能, 减排, 污水, 垃圾]
  exclude: [营商环境, 投资环境, 消费环境]
- id: min-sheng-bao-zhang
  name: 民生保障
  description: 就业、社保、养老与民生实事
  keywords: [民生, 就业, 社会保障, 养老, 救助, 低保]
- id: jiao-yu-wen-hua
  name: 教育文化
  keywords: [教育, 学校, 幼儿园, 文化, 体育]
  exclude: [学习教育, 警示教育, 主题教育, 教育引导]
- id: yi-liao-wei-sheng
  name: 医疗卫生
  keywords: [医疗, 医院, 卫生, 健康, 医保]
  exclude: [卫生城市, 环境卫生, 卫生间, 健康发展]
""",
    "content/notices/.keep": "",
    "content/units/.keep": "",
    "content/progress/.keep": "",
    ".gitignore": "output/\n.output.*\n",
}


def next_steps(directory: Path) -> str:
    """What to type next, shown by `sitegen init`."""
    return (f"next:\n"
            f"  cd {directory}\n"
            f"  sitegen import NOTICE.txt     # a notice as published -> content/notices/\n"
            f"  sitegen serve                 # preview at http://127.0.0.1:8000/\n"
            f"  sitegen build                 # the site in output/")


def init_site(directory: Path) -> None:
    directory = Path(directory)
    if (directory / "site.yaml").exists():
        raise SitegenError(f"{directory}: a site already exists here (site.yaml)")
    if directory.exists() and any(p.name != ".git" for p in directory.iterdir()):
        raise SitegenError(f"{directory}: the folder is not empty — choose a new or empty folder")
    try:
        for name, text in FILES.items():
            path = directory / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    except OSError as error:
        raise SitegenError(f"{directory}: cannot create the site: {error.strerror}") from None

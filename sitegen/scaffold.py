"""`sitegen init`: a new, empty site that builds."""

from __future__ import annotations

from pathlib import Path

from .errors import SitegenError

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
    "content/jurisdictions.yaml": "# Governments of this site, e.g.\n# - id: hubei\n#   name: 湖北省\n#   level: province\n[]\n",
    "content/leaders.yaml": "# Officials, e.g.\n# - name: 钱三雄\n#   title: 市长\n#   jurisdiction: huzhou\n[]\n",
    "content/themes.yaml": "# Site-wide themes, e.g.\n# - id: sheng-tai-huan-jing\n#   name: 生态环境\n#   keywords: [污染, 生态]\n[]\n",
    "content/notices/.keep": "",
    "content/units/.keep": "",
    "content/progress/.keep": "",
    ".gitignore": "output/\n.output.*\n",
}


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

"""Which government a notice belongs to, inferred from its issuer and title.

济南市济阳区人民政府 -> 济阳区 under 济南市 under 山东省. The province of a city
comes from a small gazetteer; a place it does not know is added without a
parent and named in the review report.
"""

from __future__ import annotations

import re

from ..content.slugs import slugify
from .variants import compile_both, simplified

PROVINCES = ["北京市", "天津市", "上海市", "重庆市", "河北省", "山西省",
             "辽宁省", "吉林省", "黑龙江省", "江苏省", "浙江省", "安徽省",
             "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省",
             "广东省", "海南省", "四川省", "贵州省", "云南省", "陕西省",
             "甘肃省", "青海省", "台湾省", "内蒙古自治区", "广西壮族自治区",
             "西藏自治区", "宁夏回族自治区", "新疆维吾尔自治区"]
CITIES = {
    "山东省": "济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 日照 临沂 德州 聊城 滨州 菏泽",
    "湖北省": "武汉 黄石 十堰 宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州 恩施",
    "浙江省": "杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水",
    "江苏省": "南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁",
    "广东省": "广州 深圳 珠海 汕头 佛山 韶关 湛江 肇庆 江门 茂名 惠州 梅州 汕尾 河源 阳江 清远 东莞 中山 "
             "潮州 揭阳 云浮",
    "河南省": "郑州 开封 洛阳 平顶山 安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 驻马店",
    "湖南省": "长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界 益阳 郴州 永州 怀化 娄底",
    "四川省": "成都 自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾 广安 达州 雅安 巴中 资阳",
    "安徽省": "合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 黄山 滁州 阜阳 宿州 六安 亳州 池州 宣城",
    "福建省": "福州 厦门 莆田 三明 泉州 漳州 南平 龙岩 宁德",
    "河北省": "石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水",
    "江西省": "南昌 景德镇 萍乡 九江 新余 鹰潭 赣州 吉安 宜春 抚州 上饶",
    "辽宁省": "沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 朝阳 葫芦岛",
    "陕西省": "西安 铜川 宝鸡 咸阳 渭南 延安 汉中 榆林 安康 商洛",
    "山西省": "太原 大同 阳泉 长治 晋城 朔州 晋中 运城 忻州 临汾 吕梁",
    "吉林省": "长春 吉林 四平 辽源 通化 白山 松原 白城",
    "黑龙江省": "哈尔滨 齐齐哈尔 鸡西 鹤岗 双鸭山 大庆 伊春 佳木斯 七台河 牡丹江 黑河 绥化",
    "云南省": "昆明 曲靖 玉溪 保山 昭通 丽江 普洱 临沧",
    "贵州省": "贵阳 六盘水 遵义 安顺 毕节 铜仁",
    "甘肃省": "兰州 嘉峪关 金昌 白银 天水 武威 张掖 平凉 酒泉 庆阳 定西 陇南",
    "海南省": "海口 三亚 三沙 儋州",
    "青海省": "西宁 海东",
    "广西壮族自治区": "南宁 柳州 桂林 梧州 北海 防城港 钦州 贵港 玉林 百色 贺州 河池 来宾 崇左",
    "内蒙古自治区": "呼和浩特 包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 巴彦淖尔 乌兰察布",
    "宁夏回族自治区": "银川 石嘴山 吴忠 固原 中卫",
    "新疆维吾尔自治区": "乌鲁木齐 克拉玛依 吐鲁番 哈密",
    "西藏自治区": "拉萨 日喀则 昌都 林芝 山南 那曲",
}
CITY_PROVINCE = {city + "市": prov for prov, cities in CITIES.items() for city in cities.split()}
PLACE = compile_both(r"(?P<name>[\u4e00-\u9fff]{2,8}?(?:自治区|省|市|自治州|州|盟|区|县|旗))")
LEVEL_OF_SUFFIX = [("自治区", "province"), ("省", "province"), ("自治州", "city"), ("州", "city"), ("盟", "city"),
                   ("市", "city"), ("区", "district"), ("县", "county"), ("旗", "county")]
LEVEL_WORD = {"省": "province", "市": "city", "区": "district", "县": "county"}
MUNICIPALITIES = {"北京市", "天津市", "上海市", "重庆市"}


def places_in(issuer: str) -> list[str]:
    """济南市济阳区人民政府 -> [济南市, 济阳区]: the place names it starts with."""
    names, pos = [], 0
    while True:
        m = PLACE.match(issuer, pos)
        if not m or simplified(m.group("name")).endswith(("政府", "人民")):
            break
        names.append(m.group("name"))
        pos = m.end()
    return names


def chain_for(names: list[str]) -> list[dict]:
    """Outermost first: [{name, level}], with the province added when known."""
    if not names:
        return []
    first = simplified(names[0])
    if first not in PROVINCES and first in CITY_PROVINCE:
        names = [CITY_PROVINCE[first], *names]
    chain = []
    for name in names:
        level = next(lvl for suffix, lvl in LEVEL_OF_SUFFIX if simplified(name).endswith(suffix))
        if name in MUNICIPALITIES:
            level = "province"
        chain.append({"name": name, "level": level})
    return chain


LEVEL_SUFFIX = re.compile(r"(维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|省|市|区|县|旗|盟)$")


def place_stem(name: str) -> str:
    """青禾县 -> 青禾: the place's name without its level (the name itself when nothing else is left)."""
    return LEVEL_SUFFIX.sub("", name) or name


def slug_for(name: str) -> str:
    return slugify(place_stem(name)).replace("-", "")

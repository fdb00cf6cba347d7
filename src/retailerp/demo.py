"""A realistic demo data set in the user's language, so a newcomer can try everything at once.

Customers across A/B/C, items a grocery or general store sells (with specifications that fit
them), bins, batches and stock, a stock count, reviews, ended customers, and a year of sales:
orders spread over the past twelve months, most of the old ones invoiced and paid, some
invoices overdue, the recent ones still to confirm, pick or ship.  Names are in the language
of the program (Chinese or English) with a few in the other.  Everything goes through the
services, as a user's work would, each step on the day it happened.  The same seed gives the
same data.
"""

from __future__ import annotations

import heapq
import itertools
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from retailerp import i18n
from retailerp.demo_consignment import fill_consignment
from retailerp.domain.customers import AbcClass
from retailerp.domain.items import Tracking
from retailerp.domain.text import QT_TRANSLATE_NOOP
from retailerp.domain.validation import USCC_ALPHABET, gtin_check_digit, uscc_check_char
from retailerp.services import Page, ServiceContext, Services

# --- words, per language ---------------------------------------------------------------------

CITIES = [
    ("上海", "Shanghai"),
    ("北京", "Beijing"),
    ("广州", "Guangzhou"),
    ("深圳", "Shenzhen"),
    ("杭州", "Hangzhou"),
    ("南京", "Nanjing"),
    ("苏州", "Suzhou"),
    ("成都", "Chengdu"),
    ("武汉", "Wuhan"),
    ("西安", "Xi'an"),
    ("厦门", "Xiamen"),
    ("青岛", "Qingdao"),
    ("宁波", "Ningbo"),
    ("天津", "Tianjin"),
    ("长沙", "Changsha"),
]
ROADS = [("中山路", "Zhongshan Road"), ("人民路", "Renmin Road"), ("解放路", "Jiefang Road")]
TRADE_NAMES = [
    "华联", "百盛", "鑫源", "恒达", "永辉", "佳和", "东方", "金桥", "瑞丰", "新世纪",
    "万家", "福满", "嘉禾", "联华", "盛泰", "兴隆", "宏图", "和美", "天成", "汇通",
]  # fmt: skip
TRADES = ["商贸有限公司", "超市", "便利店", "食品有限公司", "贸易有限公司", "百货商店", "连锁超市"]
EN_NAMES = [
    "Harbour", "Lotus", "Golden Gate", "Pearl River", "Jade", "Summit", "Bamboo",
    "Silk Road", "Evergreen", "Sunrise", "Riverside", "Orchid", "Lantern", "Phoenix",
]  # fmt: skip
EN_TRADES = ["Trading Co., Ltd.", "Supermarket", "Foods Ltd.", "Stores", "Mini Mart"]
PEOPLE = {
    "zh": ["王伟", "李娜", "张敏", "刘洋", "陈静", "杨帆", "赵磊", "黄丽", "周杰", "吴芳"],
    "en": ["Anna Lee", "David Chen", "Grace Wong", "Peter Zhang", "Linda Liu", "Tom Wu"],
}
SALES = {"zh": ["王经理", "李经理", "陈经理"], "en": ["Chen", "Liu", "Wang"]}
BANKS = {
    "zh": ["中国工商银行", "中国建设银行", "招商银行", "中国银行"],
    "en": ["ICBC", "China Construction Bank", "China Merchants Bank", "Bank of China"],
}
SUPPLIERS = {
    "zh": ["杭州龙井茶业有限公司", "珠江食品有限公司", "康源供应链", "常青纸业"],
    "en": ["Hangzhou Longjing Tea Co.", "Pearl River Foods", "Kangyuan Supply", "Evergreen Paper"],
}


@dataclass(frozen=True)
class Category:
    """Items a shop sells of one kind: names (zh, en), units, VAT, tracking, specifications."""

    names: list[tuple[str, str]]
    unit: tuple[str, str]
    vat: str
    tracking: Tracking
    shelf_life_days: int | None
    specs: list[str | tuple[str, str]]
    price: tuple[int, int]
    """The range of the smallest specification's price; larger ones cost more."""


TEA_SPECS: list[str | tuple[str, str]] = [("100g×2罐", "100g × 2 tins"), "250g", "500g"]
TISSUE_SPECS: list[str | tuple[str, str]] = [
    ("4层×18包", "4-ply × 18"),
    ("3层×120抽×6包", "3-ply, 120 × 6"),
    ("4层×10卷", "4-ply × 10 rolls"),
]
NOTEBOOK_SPECS: list[str | tuple[str, str]] = [
    ("B5 60页", "B5, 60 pages"),
    ("A5 80页", "A5, 80 pages"),
    ("A4 100页", "A4, 100 pages"),
]
CATEGORIES = [
    Category(
        [("西湖龙井", "Longjing green tea"), ("碧螺春", "Biluochun green tea"),
         ("黄山毛峰", "Huangshan Maofeng tea"), ("安吉白茶", "Anji white tea")],
        ("盒", "box"), "0.13", Tracking.BATCH, 540, TEA_SPECS, (68, 300),
    ),
    Category(
        [("祁门红茶", "Keemun black tea"), ("正山小种", "Lapsang souchong"),
         ("滇红", "Dianhong black tea")],
        ("盒", "box"), "0.13", Tracking.BATCH, 720, ["100g", "250g", "500g"], (45, 200),
    ),
    Category(
        [("苏打饼干", "Soda crackers"), ("消化饼干", "Digestive biscuits"),
         ("黄油曲奇", "Butter cookies"), ("夹心饼干", "Cream sandwich biscuits")],
        ("袋", "bag"), "0.13", Tracking.BATCH, 270, ["200g", "400g", "908g"], (5, 18),
    ),
    Category(
        [("天然矿泉水", "Natural mineral water"), ("饮用纯净水", "Purified water"),
         ("苏打水", "Soda water")],
        ("箱", "case"), "0.13", Tracking.BATCH, 365, ["350ml×24", "550ml×24", "1.5L×12"], (24, 40),
    ),
    Category(
        [("东北大米", "Northeast rice"), ("五常稻花香大米", "Wuchang fragrant rice"),
         ("泰国香米", "Thai jasmine rice")],
        ("袋", "bag"), "0.09", Tracking.BATCH, 365, ["2.5kg", "5kg", "10kg"], (30, 60),
    ),
    Category(
        [("压榨花生油", "Pressed peanut oil"), ("菜籽油", "Rapeseed oil"),
         ("玉米油", "Corn oil"), ("橄榄油", "Olive oil")],
        ("桶", "drum"), "0.09", Tracking.BATCH, 540, ["1.8L", "4L", "5L"], (30, 80),
    ),
    Category(
        [("薰衣草洗衣液", "Laundry liquid, lavender"), ("柠檬洗衣液", "Laundry liquid, lemon"),
         ("洗洁精", "Dishwashing liquid")],
        ("瓶", "bottle"), "0.13", Tracking.NONE, None, ["1kg", "2kg", "3kg"], (12, 30),
    ),
    Category(
        [("抽纸", "Facial tissues"), ("卷纸", "Toilet rolls"), ("手帕纸", "Pocket tissues")],
        ("提", "pack"), "0.13", Tracking.NONE, None, TISSUE_SPECS,
        (9, 18),
    ),
    Category(
        [("软抄本", "Soft-cover notebook"), ("线圈笔记本", "Spiral notebook"),
         ("活页本", "Loose-leaf binder")],
        ("本", "pc"), "0.13", Tracking.NONE, None, NOTEBOOK_SPECS, (3, 12),
    ),
    Category(
        [("不锈钢电热水壶", "Stainless steel kettle"), ("玻璃电热水壶", "Glass kettle")],
        ("台", "pc"), "0.13", Tracking.SERIAL, None, ["1.5L 1500W", "1.7L 1800W"], (89, 199),
    ),
]  # fmt: skip
PACKS = [("", ""), ("礼盒装", "gift box"), ("家庭装", "family pack"), ("量贩装", "value pack")]

TEXTS = {
    "review": ("信用良好，额度提高", "Pays on time; limit raised"),
    "ended": ("停业", "Business closed"),
    "pinned": ("战略客户", "Strategic account"),
    "opening": ("期初库存", "Opening stock"),
    "count": ("月度盘点", "Monthly count"),
    "order": ("", ""),
    "override": ("老客户，经理批准", "Long-standing customer, approved"),
    "cancel": ("客户取消", "Cancelled by the customer"),
    "prepay": ("预付款", "Prepayment"),
}


@dataclass(frozen=True)
class DemoSize:
    customers: int = 240
    items: int = 320
    months: int = 12
    orders: int = 60


@dataclass
class Made:
    """What the demo made (the command prints it as a sentence)."""

    customers: int = 0
    items: int = 0
    orders: int = 0
    invoices: int = 0
    overdue: int = 0
    first_day: date | None = None
    stages: dict[str, int] = field(default_factory=dict)


def is_chinese(language: str) -> bool:
    return language.lower().startswith("zh")


def word(pair: tuple[str, str], chinese: bool) -> str:
    return pair[0] if chinese else pair[1]


def text(key: str, chinese: bool) -> str:
    return word(TEXTS[key], chinese)


def on(services: Services, day: date) -> Services:
    """The same services acting on ``day`` (documents are dated the day they were made)."""
    ctx = services.ctx
    return Services(ServiceContext(ctx.db, ctx.actor, lambda d=day: d))


# --- master data -------------------------------------------------------------------------------


def fake_tax_id(rng: random.Random) -> str:
    body = "91" + "".join(rng.choice("0123456789") for _ in range(6))
    body += "".join(rng.choice(USCC_ALPHABET) for _ in range(9))
    return body + uscc_check_char(body)


def fake_barcode(rng: random.Random) -> str:
    body = "69" + "".join(rng.choice("0123456789") for _ in range(10))
    return body + gtin_check_digit(body)


def mobile(rng: random.Random) -> str:
    return f"1{rng.randint(3, 9)}{rng.randint(0, 10**9 - 1):09d}"


def customer_names(rng: random.Random, count: int, chinese: bool) -> list[tuple[str, str, bool]]:
    """``count`` different (name, city index, in Chinese) — nine in ten in the language."""
    zh = [f"{c[0]}{t}{k}" for c in CITIES for t in TRADE_NAMES for k in TRADES]
    en = [f"{c[1]} {n} {k}" for c in CITIES for n in EN_NAMES for k in EN_TRADES]
    rng.shuffle(zh)
    rng.shuffle(en)
    first, second = (zh, en) if chinese else (en, zh)
    names = []
    for n in range(count):
        in_language = rng.random() < 0.9
        pool = first if in_language else second
        name = pool.pop() if pool else f"{first[0]} {n}"
        names.append((name, rng.randrange(len(CITIES)), in_language == chinese))
    return names


def customer_rows(rng: random.Random, count: int, chinese: bool = True) -> list[dict]:
    rows = []
    lang = "zh" if chinese else "en"
    for n, (name, city, zh_name) in enumerate(customer_names(rng, count, chinese), 1):
        road = rng.choice(ROADS)
        if zh_name:
            address = f"{CITIES[city][0]}市{road[0]}{n}号"
        else:
            address = f"{n} {road[1]}, {CITIES[city][1]}"
        rows.append(
            {
                "code": f"C{n:05d}",
                "name": name,
                "contact": rng.choice(PEOPLE[lang]),
                "phone": mobile(rng),
                "address": address,
                "tax_id": fake_tax_id(rng),
                "bank_name": rng.choice(BANKS[lang]),
                "bank_account": "".join(rng.choice("0123456789") for _ in range(19)),
                "payment_terms_days": rng.choice([0, 15, 30, 30, 45, 60]),
                "credit_limit": rng.choice([0, 5000, 10000, 20000, 50000, 100000]),
                "salesperson": rng.choice(SALES[lang]),
            }
        )
    return rows


def item_variants() -> Iterator[tuple[Category, tuple[str, str], str, tuple[str, str]]]:
    """Every (category, name, specification, pack), one category after the other in turn."""
    per_category = [
        [(c, name, spec, pack) for pack in PACKS for name in c.names for spec in c.specs]
        for c in CATEGORIES
    ]
    for batch in itertools.zip_longest(*per_category):
        yield from (variant for variant in batch if variant is not None)


SPEC_FACTORS = (1, 1.8, 3.2)
PACK_FACTORS = {"": 1, "礼盒装": 1.6, "家庭装": 1.3, "量贩装": 2.2}


def item_rows(rng: random.Random, count: int, chinese: bool = True) -> list[dict]:
    rows = []
    base: dict[str, int] = {}  # cents, per product: its sizes and packs are priced from it
    for n, (category, name, spec, pack) in enumerate(itertools.islice(item_variants(), count), 1):
        low, high = category.price
        cents = base.setdefault(name[0], rng.randint(low * 100, high * 100))
        factor = SPEC_FACTORS[category.specs.index(spec)] * PACK_FACTORS[pack[0]]
        if chinese:
            title = f"{name[0]}{pack[0]}"
        else:
            title = f"{name[1]} ({pack[1]})" if pack[1] else name[1]
        rows.append(
            {
                "sku": f"SKU-{n:05d}",
                "name": title,
                "spec": spec if isinstance(spec, str) else word(spec, chinese),
                "unit": word(category.unit, chinese),
                "barcode": fake_barcode(rng),
                "price": Decimal(round(cents * factor / 10) * 10) / 100,
                "vat_rate": category.vat,
                "tracking": category.tracking,
                "shelf_life_days": category.shelf_life_days,
                "min_stock": _minimum(n, category, rng),
                "bin": f"A-{(n % 12) + 1:02d}-{(n % 5) + 1:02d}",
            }
        )
    return rows


def _minimum(n: int, category: Category, rng: random.Random) -> int:
    """The reorder level: low for appliances counted one by one; a few items run low."""
    if category.tracking == Tracking.SERIAL:
        return rng.choice([0, 2, 3])
    return 10 if n % 29 == 7 else rng.choice([0, 5, 10, 20])


def revenue_rows(rng: random.Random, codes: list[str], today: date, months: int) -> list:
    """Pareto-like yearly revenue per customer, spread over monthly invoices."""
    rows = []
    for code in codes:
        yearly = rng.paretovariate(1.16) * 8000
        for month in range(months):
            if rng.random() < 0.75:
                day = today - timedelta(days=30 * month + rng.randint(0, 27))
                share = Decimal(str(round(yearly / months * rng.uniform(0.5, 1.5), 2)))
                rows.append((code, day, share))
    return rows


COMPANY = {
    "zh": {
        "name": "杭州示例五金商贸有限公司",
        "address": "浙江省杭州市西湖区文三路 100 号",
        "phone": "0571-8888 0000",
        "tax_id": "91330106MA2H3K5L0W",
        "bank_name": "中国工商银行杭州文三路支行",
        "bank_account": "1202 0212 0900 1234 567",
    },
    "en": {
        "name": "Hangzhou Example Hardware Trading Co., Ltd.",
        "address": "100 Wensan Road, Xihu District, Hangzhou, Zhejiang",
        "phone": "0571-8888 0000",
        "tax_id": "91330106MA2H3K5L0W",
        "bank_name": "ICBC Hangzhou Wensan Road Branch",
        "bank_account": "1202 0212 0900 1234 567",
    },
}
"""The demo shop's own details, printed at the head of every document."""


def fill(
    db_services: Services,
    size: DemoSize = DemoSize(),
    seed: int = 2026,
    progress: Callable[[str], None] = lambda _text: None,
    language: str | None = None,
) -> Made:
    """Fill an empty database with the demo data set; returns what was made.

    ``language`` (default: the program's) chooses the language of names and notes."""
    rng = random.Random(seed)
    chinese = is_chinese(language or i18n.current_language())
    today = db_services.ctx.today()
    start = today - timedelta(days=30 * size.months + 10)
    progress("customers")
    customers = customer_rows(rng, size.customers, chinese)
    half = len(customers) // 2
    for batch, created in (
        (customers[:half], today - timedelta(days=700)),
        (customers[half:], today - timedelta(days=200)),
    ):
        on(db_services, created).customers.import_many(batch)
    progress("sales history")
    codes = [c["code"] for c in customers]
    db_services.customers.import_revenue(revenue_rows(rng, codes, today, size.months), "demo")
    db_services.customers.recompute_classes()
    _reviews_and_endings(db_services, rng, chinese)
    progress("company")
    db_services.settings.save_company(COMPANY["zh" if chinese else "en"])
    progress("items")
    items = item_rows(rng, size.items, chinese)
    for code in sorted({row["bin"] for row in items}):  # bins first: items point at them
        db_services.stock.add_bin(code, f"货位 {code}" if chinese else code)
    known = {unit.name for unit in db_services.items.units()}
    for unit in sorted({row["unit"] for row in items} - known):  # and their units
        db_services.items.add_unit(unit)
    db_services.items.import_many(items)
    progress("stock")
    _stock(on(db_services, start), rng, start, chinese)
    progress("orders")
    made = _sales(db_services, rng, size, start, chinese)
    made.customers, made.items = size.customers, size.items
    progress("returns")
    from retailerp.demo_returns import add_returns

    add_returns(db_services, chinese)
    progress("red invoices")  # today's documents after the year's returns: numbers follow dates
    _red_invoices(db_services, chinese)
    progress("complaints")
    from retailerp.demo_complaints import fill_complaints

    fill_complaints(db_services, rng, chinese)
    progress("consignment")
    fill_consignment(db_services, rng, today, chinese)
    return made


RED_STATES = ("draft", "awaiting", "confirmed", "issued", "voided", "issued")


def _red_invoices(services: Services, chinese: bool) -> None:
    """Allowances (折让) in every state of the red-invoice workflow, one return credited by
    a red invoice, and a refund of part of a credit left on account."""
    rows = services.invoices.page(Page(limit=1000, sort_key="invoice_date"))
    paid = [r for r in rows if r.open_amount.minor == 0 and r.gross.minor >= 1000]
    unpaid = [r for r in rows if r.open_amount.minor > 0 and r.gross.minor >= 1000]
    chosen = (paid[: len(RED_STATES) // 2] + unpaid)[: len(RED_STATES)]
    reason = "价格折让" if chinese else "Price allowance"
    for n, (state, row) in enumerate(zip(RED_STATES, chosen, strict=False)):
        blue = services.invoices.get(row.number)
        net = max(blue.lines[0].net.amount / 20, Decimal("0.01")).quantize(Decimal("0.01"))
        lines = [{"invoice_line_id": blue.lines[0].id, "net": net}]
        red = services.red_invoices.create(blue.id or 0, "allowance", lines, reason)
        _advance(services, red.id or 0, state, f"DEMO{n + 1:012d}", chinese)
    _credited_return(services, paid[len(RED_STATES) // 2 :], chinese)
    credit = next((r for r in rows if services.invoices.position(r.customer_id).on_account), None)
    if credit is not None:
        on_account = services.invoices.position(credit.customer_id).on_account
        half = (on_account.amount / 2).quantize(Decimal("0.01"))
        if half > 0:
            services.invoices.refund(credit.customer_id, half, "bank", "退款" if chinese else "")


def _advance(services: Services, red_id: int, state: str, confirmation: str, chinese: bool) -> None:
    s = services.red_invoices
    red = s.get(red_id)
    if state == "voided":
        s.void(red_id, red.version, "重复开具" if chinese else "Entered twice")
        return
    steps = ("draft", "awaiting", "confirmed", "issued").index(state)
    if steps >= 1:
        red = s.submit(red_id, red.version)
    if steps >= 2:
        red = s.confirm(red_id, red.version, confirmation)
    if steps >= 3:
        s.issue(red_id, red.version)


def _credited_return(services: Services, paid: list, chinese: bool) -> None:
    """A defective unit of a paid invoice comes back and is credited by an issued red
    invoice: the credit stays on account."""
    for row in paid:
        filters = {"customer_id": row.customer_id}
        deliveries = services.orders.deliveries_page(Page(filters=filters, limit=1000))
        delivery = next((d for d in deliveries if d.invoice_number == row.number), None)
        if delivery is None:
            continue
        line = services.returns.returnable(delivery.id)[0]
        lines = [{"delivery_line_id": line.delivery_line_id, "quantity": "1",
                  "condition": "defective"}]  # fmt: skip
        draft = services.returns.create(delivery.id, {"reason": "quality_defect"}, lines)
        posted = services.returns.post(draft.id or 0, draft.version)
        red = services.red_invoices.from_return(posted.id or 0, "质量问题" if chinese else "")
        _advance(services, red.id or 0, "issued", "DEMO999900000001", chinese)
        return


def summary(made: Made) -> str:
    """What the demo made, in one sentence of the program's language."""
    return i18n.translate(
        "cli",
        QT_TRANSLATE_NOOP(
            "cli",
            "Demo data written: {customers} customers, {items} items, {orders} orders since"
            " {first_day}, {invoices} invoices ({overdue} overdue).",
        ),
    ).format(
        customers=made.customers,
        items=made.items,
        orders=made.orders,
        first_day=made.first_day.isoformat() if made.first_day else "-",
        invoices=made.invoices,
        overdue=made.overdue,
    )


def _reviews_and_endings(services: Services, rng: random.Random, chinese: bool) -> None:
    rows = services.customers.page(Page(limit=1000, sort_key="code"))
    for row in rows[: len(rows) * 3 // 4]:  # most were reviewed this half-year
        customer = services.customers.get(row.id)
        services.customers.record_review(
            customer.id or 0,
            customer.version,
            text("review", chinese),
            customer.credit_limit.amount + 5000,
        )
    for row in rows[-max(1, len(rows) // 40) :]:
        customer = services.customers.get(row.id)
        services.customers.end(customer.id or 0, customer.version, text("ended", chinese))
    pinned = rows[len(rows) // 5]
    customer = services.customers.get(pinned.id)
    services.customers.pin_class(
        customer.id or 0, customer.version, AbcClass.A, text("pinned", chinese)
    )


def _stock(services: Services, rng: random.Random, today: date, chinese: bool = True) -> None:
    items = services.items.page(Page(limit=1000, sort_key="sku"))
    bins = sorted({row.bin for row in items})
    locations = {loc.code: loc.id for loc in services.stock.locations()}
    by_bin: dict[str, list[dict]] = {}
    serial = 0
    for row in items:
        item = services.items.get(row.id)
        lines = by_bin.setdefault(row.bin, [])
        if item.tracking == Tracking.SERIAL:
            for _ in range(rng.randint(4, 8)):
                serial += 1
                lines.append({"item_id": item.id, "quantity": 1, "serial": f"SN{serial:07d}"})
            continue
        low_stock = item.min_stock == 10 and int(row.sku[-5:]) % 29 == 7
        for b in range(2 if item.tracking == Tracking.BATCH else 1):
            shelf = item.shelf_life_days or 400  # received a year ago, not expired by today
            expiry = today + timedelta(days=400 + rng.randint(0, shelf))
            lines.append(
                {
                    "item_id": item.id,
                    "quantity": rng.randint(2, 4) if low_stock else rng.randint(40, 300),
                    "batch": f"B{today:%y%m}{row.id:04d}{b}"
                    if item.tracking == Tracking.BATCH
                    else "",
                    "expiry": expiry if item.tracking == Tracking.BATCH else None,
                    "unit_cost": (row.price.amount * Decimal("0.7")).quantize(Decimal("0.01")),
                }
            )
    suppliers = SUPPLIERS["zh" if chinese else "en"]
    for code, lines in by_bin.items():
        services.stock.receive(
            locations[code], lines, supplier=rng.choice(suppliers), note=text("opening", chinese)
        )
    _count(on(services, today + timedelta(days=3)), locations[bins[0]], chinese)


def _count(services: Services, location_id: int, chinese: bool) -> None:
    """A stock count in one bin: two fewer of the first few batches than the books say."""
    rows = services.stock.page(Page(limit=1000, filters={"location_id": location_id}))
    counted = [r for r in rows if not r.stock_key.startswith("SN")][:5]
    if counted:
        services.stock.count(
            location_id,
            [
                {"item_id": r.item_id, "batch": r.stock_key, "quantity": max(r.quantity - 2, 0)}
                for r in counted
            ],
            note=text("count", chinese),
        )


# --- a year of sales -----------------------------------------------------------------------------

OLD = ("closed", "closed", "paid", "paid", "paid", "paid", "part-paid", "invoiced", "cancelled")
MIDDLE = ("paid", "invoiced", "invoiced", "shipped", "part-paid", "closed")
RECENT = ("draft", "confirmed", "picking", "backorder", "shipped", "invoiced", "draft")


def stage_for(age_days: int, rng: random.Random) -> str:
    """How far an order of that age has come: old ones paid (some not), new ones open."""
    if age_days > 45:
        return rng.choice(OLD)
    if age_days > 10:
        return rng.choice(MIDDLE)
    return rng.choice(RECENT)


def _sales(
    services: Services, rng: random.Random, size: DemoSize, start: date, chinese: bool
) -> Made:
    """Orders over the months since ``start``, each step on its own day, in date order."""
    today = services.ctx.today()
    customers = [
        row
        for row in services.customers.page(Page(limit=1000, sort_key="code"))
        if row.status == "active"
    ][:40]  # the older customers: they were there all year
    serial_skus = {
        row.sku for row in services.items.page(Page(limit=1000)) if _is_serial(services, row.id)
    }
    items = [
        row
        for row in services.items.page(Page(limit=1000, sort_key="sku"))
        if row.on_hand >= 20 and row.sku not in serial_skus
    ]
    span = max((today - start).days - 12, 1)
    recent = size.orders // 4  # this fortnight's orders: still to confirm, pick or ship
    ages = [rng.randint(0, 14) for _ in range(recent)]
    older = size.orders - recent  # the rest evenly over the year, a few days either way
    ages += [15 + (span - 15) * i // max(older - 1, 1) - rng.randint(0, 6) for i in range(older)]
    ages = [max(age, 0) for age in ages]
    days = sorted(today - timedelta(days=age) for age in ages)
    days = days if customers and items else []  # a tiny demo may have none to sell
    made = Made(first_day=days[0] if days else None)
    lives = []
    for n, day in enumerate(days):
        customer = customers[n % len(customers)]
        stage = stage_for((today - day).days, rng)
        made.stages[stage] = made.stages.get(stage, 0) + 1
        lines = [
            {"item_id": item.id, "quantity": rng.randint(1, 6), "discount": rng.choice([0, 0, 5])}
            for item in rng.sample(items, min(len(items), rng.randint(1, 4)))
        ]
        mode = ["credit", "credit", "credit", "cod", "prepaid"][n % 5]
        lives.append(_life(services, rng, day, customer.id, mode, lines, stage, chinese, made))
    _run_in_date_order(lives)
    made.orders = len(days)
    made.overdue = len(services.invoices.page(Page(filters={"overdue_on": today}, limit=1000)))
    return made


def _is_serial(services: Services, item_id: int) -> bool:
    return services.items.get(item_id).tracking == Tracking.SERIAL


def _run_in_date_order(lives: list[Iterator[date]]) -> None:
    """Run every order's life one step at a time, the earliest step first, so document
    numbers follow the dates."""
    queue: list[tuple[date, int, Iterator[date]]] = []
    for n, life in enumerate(lives):
        first = next(life, None)
        if first is not None:
            heapq.heappush(queue, (first, n, life))
    while queue:
        _day, n, life = heapq.heappop(queue)
        following = next(life, None)
        if following is not None:
            heapq.heappush(queue, (following, n, life))


def _life(
    services: Services,
    rng: random.Random,
    day: date,
    customer_id: int,
    mode: str,
    lines: list[dict],
    stage: str,
    chinese: bool,
    made: Made,
) -> Iterator[date]:
    """One order from entry to payment; it yields the day of each step before taking it."""
    today = services.ctx.today()
    yield day
    s = on(services, day)
    order = s.orders.create(customer_id, {"payment_mode": mode, "note": ""}, lines)
    if stage == "draft":
        return
    if stage == "cancelled":
        s.orders.cancel(order.id, order.version, text("cancel", chinese))
        return
    order = s.orders.confirm(order.id, order.version, text("override", chinese))
    if stage == "confirmed":
        return
    s.orders.start_picking(order.id, order.version)
    if stage == "picking":
        return
    ship_day = min(day + timedelta(days=1), today)
    yield ship_day
    s = on(services, ship_day)
    order = s.orders.get(order.id)
    if order.payment_mode == "prepaid":
        s.invoices.record_payment(
            order.customer_id, order.totals.gross.amount, "bank", text("prepay", chinese),
            order_id=order.id,
        )  # fmt: skip
        order = s.orders.get(order.id)
    picked = {1: Decimal(1)} if stage == "backorder" else None
    delivery = s.orders.ship(order.id, order.version, picked)
    if stage in ("backorder", "shipped"):
        return
    invoice_day = min(ship_day + timedelta(days=rng.randint(0, 3)), today)
    yield invoice_day
    invoice = on(services, invoice_day).invoices.invoice([delivery.id])
    made.invoices += 1
    if stage == "invoiced" or invoice.is_paid:
        return
    terms = (invoice.due_date - invoice.invoice_date).days
    pay_day = invoice_day + timedelta(days=rng.randint(3, terms + 10))
    if pay_day > today:
        return  # not paid yet: still open (overdue only once its due date has passed)
    yield pay_day
    s = on(services, pay_day)
    if stage == "part-paid":
        half = (invoice.open_amount.amount / 2).quantize(Decimal("0.01"))
        s.invoices.record_payment(order.customer_id, half, "wechat")
        return
    s.invoices.record_payment(
        order.customer_id, invoice.open_amount.amount, "bank", order_id=order.id
    )
    order = s.orders.get(order.id)
    if stage == "closed" and order.state == "paid":
        s.orders.close(order.id, order.version)

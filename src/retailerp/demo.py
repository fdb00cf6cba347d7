"""A realistic bilingual demo data set, so a newcomer can try everything at once.

Customers across A/B/C with twelve months of sales history, items with bins, batches and
stock, a stock count, reviews, ended customers.  Everything goes through the services, as a
user's work would.  The same seed gives the same data.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from retailerp.domain.customers import AbcClass
from retailerp.domain.items import Tracking
from retailerp.domain.validation import USCC_ALPHABET, gtin_check_digit, uscc_check_char
from retailerp.services import Page, ServiceContext, Services

CITIES = [
    "上海",
    "北京",
    "广州",
    "深圳",
    "杭州",
    "南京",
    "苏州",
    "成都",
    "武汉",
    "西安",
    "厦门",
    "青岛",
    "宁波",
    "天津",
    "长沙",
]
TRADE_NAMES = [
    "华联",
    "百盛",
    "鑫源",
    "恒达",
    "永辉",
    "佳和",
    "东方",
    "金桥",
    "瑞丰",
    "新世纪",
    "万家",
    "福满",
    "嘉禾",
    "联华",
    "盛泰",
    "兴隆",
    "宏图",
    "和美",
    "天成",
    "汇通",
]
TRADES = ["商贸", "超市", "便利店", "食品", "贸易", "百货", "连锁"]
EN_NAMES = [
    "Harbour",
    "Lotus",
    "Golden Gate",
    "Pearl River",
    "Jade",
    "Summit",
    "Bamboo",
    "Silk Road",
    "Evergreen",
    "Sunrise",
]
EN_TRADES = ["Trading Co., Ltd.", "Supermarket", "Foods Ltd.", "Stores", "Mini Mart"]
PEOPLE = [
    "王伟",
    "李娜",
    "张敏",
    "刘洋",
    "陈静",
    "杨帆",
    "赵磊",
    "黄丽",
    "周杰",
    "吴芳",
    "Anna Lee",
    "David Chen",
    "Grace Wong",
]
SALES = ["王经理", "李经理", "Chen", "Liu"]

CATEGORIES = [
    # (name zh, name en, unit, vat, tracking, shelf life days, price range)
    ("绿茶", "Green tea", "盒", "0.13", Tracking.BATCH, 540, (18, 260)),
    ("红茶", "Black tea", "盒", "0.13", Tracking.BATCH, 720, (20, 300)),
    ("饼干", "Biscuits", "袋", "0.13", Tracking.BATCH, 270, (4, 30)),
    ("矿泉水", "Mineral water", "箱", "0.13", Tracking.BATCH, 365, (18, 60)),
    ("大米", "Rice", "袋", "0.09", Tracking.BATCH, 365, (30, 120)),
    ("食用油", "Cooking oil", "桶", "0.09", Tracking.BATCH, 540, (45, 160)),
    ("洗衣液", "Laundry liquid", "瓶", "0.13", Tracking.NONE, None, (15, 70)),
    ("纸巾", "Tissues", "提", "0.13", Tracking.NONE, None, (8, 40)),
    ("笔记本", "Notebook", "本", "0.13", Tracking.NONE, None, (3, 25)),
    ("电水壶", "Electric kettle", "台", "0.13", Tracking.SERIAL, None, (89, 399)),
]
GRADES = [
    ("经典", "Classic"),
    ("精选", "Select"),
    ("特级", "Premium"),
    ("家庭装", "Family"),
    ("礼盒", "Gift box"),
    ("小包装", "Mini"),
]
SIZES = ["250g", "500g", "1kg", "5kg", "12×550ml", "24×330ml", "2L", "10卷", "A5", "1.7L"]


@dataclass(frozen=True)
class DemoSize:
    customers: int = 240
    items: int = 320
    months: int = 12
    orders: int = 45


def fake_tax_id(rng: random.Random) -> str:
    body = "91" + "".join(rng.choice("0123456789") for _ in range(6))
    body += "".join(rng.choice(USCC_ALPHABET) for _ in range(9))
    return body + uscc_check_char(body)


def fake_barcode(rng: random.Random) -> str:
    body = "69" + "".join(rng.choice("0123456789") for _ in range(10))
    return body + gtin_check_digit(body)


def mobile(rng: random.Random) -> str:
    return f"1{rng.randint(3, 9)}{rng.randint(0, 10**9 - 1):09d}"


def customer_rows(rng: random.Random, count: int) -> list[dict]:
    rows = []
    for n in range(1, count + 1):
        if rng.random() < 0.8:
            city = rng.choice(CITIES)
            name = f"{city}{rng.choice(TRADE_NAMES)}{rng.choice(TRADES)}有限公司"
            address = f"{city}市{rng.choice(['中山路', '人民路', '解放路', '建设路'])}{n}号"
        else:
            name = f"{rng.choice(EN_NAMES)} {rng.choice(EN_TRADES)}"
            address = f"{n} Nanjing Road, Shanghai"
        rows.append(
            {
                "code": f"C{n:05d}",
                "name": f"{name} {n}" if n > 60 else name,
                "contact": rng.choice(PEOPLE),
                "phone": mobile(rng),
                "address": address,
                "tax_id": fake_tax_id(rng),
                "bank_name": rng.choice(["工商银行", "建设银行", "招商银行", "Bank of China"]),
                "bank_account": "".join(rng.choice("0123456789") for _ in range(19)),
                "payment_terms_days": rng.choice([0, 15, 30, 30, 45, 60]),
                "credit_limit": rng.choice([0, 5000, 10000, 20000, 50000, 100000]),
                "salesperson": rng.choice(SALES),
            }
        )
    return rows


def item_rows(rng: random.Random, count: int) -> list[dict]:
    rows = []
    for n in range(1, count + 1):
        zh, en, unit, vat, tracking, shelf, (low, high) = CATEGORIES[n % len(CATEGORIES)]
        grade_zh, grade_en = GRADES[(n // len(CATEGORIES)) % len(GRADES)]
        rows.append(
            {
                "sku": f"SKU-{n:05d}",
                "name": f"{grade_zh}{zh} {grade_en} {en.lower()}",
                "spec": rng.choice(SIZES),
                "unit": unit,
                "barcode": fake_barcode(rng),
                "price": Decimal(rng.randint(low * 100, high * 100)) / 100,
                "vat_rate": vat,
                "tracking": tracking,
                "shelf_life_days": shelf,
                "min_stock": rng.choice([0, 5, 10, 20]),
                "bin": f"A-{(n % 12) + 1:02d}-{(n % 5) + 1:02d}",
            }
        )
    return rows


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


def fill(
    db_services: Services,
    size: DemoSize = DemoSize(),
    seed: int = 2026,
    progress: Callable[[str], None] = lambda _text: None,
) -> dict[str, int]:
    """Fill an empty database with the demo data set; returns what was made."""
    rng = random.Random(seed)
    today = db_services.ctx.today()
    progress("company")
    db_services.settings.save_company(
        {
            "name": "杭州示例五金商贸有限公司",
            "address": "浙江省杭州市西湖区文三路 100 号",
            "phone": "0571-8888 0000",
            "tax_id": "91330106MA2H3K5L0W",
            "bank_name": "中国工商银行杭州文三路支行",
            "bank_account": "1202 0212 0900 1234 567",
        }
    )
    progress("customers")
    customers = customer_rows(rng, size.customers)
    half = len(customers) // 2
    for batch, created in (
        (customers[:half], today - timedelta(days=700)),
        (customers[half:], today - timedelta(days=200)),
    ):
        ctx = ServiceContext(db_services.ctx.db, db_services.ctx.actor, lambda d=created: d)
        Services(ctx).customers.import_many(batch)
    progress("sales history")
    codes = [c["code"] for c in customers]
    db_services.customers.import_revenue(revenue_rows(rng, codes, today, size.months), "demo")
    db_services.customers.recompute_classes()
    _reviews_and_endings(db_services, rng)
    progress("items")
    items = item_rows(rng, size.items)
    for code in sorted({row["bin"] for row in items}):  # bins first: items point at them
        db_services.stock.add_bin(code, f"货位 {code}")
    db_services.items.import_many(items)
    progress("stock")
    _stock(db_services, rng, today)
    progress("orders")
    orders = _sales(db_services, rng, size.orders)
    return {"customers": size.customers, "items": size.items, "orders": orders}


def _reviews_and_endings(services: Services, rng: random.Random) -> None:
    rows = services.customers.page(Page(limit=1000, sort_key="code"))
    for row in rows[: len(rows) // 6]:
        customer = services.customers.get(row.id)
        services.customers.record_review(
            customer.id or 0,
            customer.version,
            "信用良好 / good",
            customer.credit_limit.amount + 5000,
        )
    for row in rows[-max(1, len(rows) // 40) :]:
        customer = services.customers.get(row.id)
        services.customers.end(customer.id or 0, customer.version, "停业 / business closed")
    pinned = rows[len(rows) // 5]
    customer = services.customers.get(pinned.id)
    services.customers.pin_class(
        customer.id or 0, customer.version, AbcClass.A, "战略客户 / strategic account"
    )


def _stock(services: Services, rng: random.Random, today: date) -> None:
    items = services.items.page(Page(limit=1000, sort_key="sku"))
    bins = sorted({row.bin for row in items})
    locations = {loc.code: loc.id for loc in services.stock.locations()}
    by_bin: dict[str, list[dict]] = {}
    serial = 0
    for row in items:
        item = services.items.get(row.id)
        lines = by_bin.setdefault(row.bin, [])
        if item.tracking == Tracking.SERIAL:
            for _ in range(rng.randint(2, 6)):
                serial += 1
                lines.append({"item_id": item.id, "quantity": 1, "serial": f"SN{serial:07d}"})
            continue
        for b in range(2 if item.tracking == Tracking.BATCH else 1):
            expiry = today + timedelta(days=rng.randint(20, item.shelf_life_days or 400))
            lines.append(
                {
                    "item_id": item.id,
                    "quantity": rng.randint(10, 300),
                    "batch": f"B{today:%y%m}{row.id:04d}{b}"
                    if item.tracking == Tracking.BATCH
                    else "",
                    "expiry": expiry if item.tracking == Tracking.BATCH else None,
                    "unit_cost": (row.price.amount * Decimal("0.7")).quantize(Decimal("0.01")),
                }
            )
    suppliers = ["杭州龙井茶业", "Pearl River Foods", "康师傅供应链", "Evergreen Paper"]
    for code, lines in by_bin.items():
        services.stock.receive(
            locations[code], lines, supplier=rng.choice(suppliers), note="期初库存 / opening stock"
        )
    first_bin = bins[0]
    counted = [
        row
        for row in services.stock.page(
            Page(limit=1000, filters={"location_id": locations[first_bin]})
        )
    ][:5]
    services.stock.count(
        locations[first_bin],
        [
            {"item_id": r.item_id, "batch": r.stock_key, "quantity": max(r.quantity - 2, 0)}
            for r in counted
            if not r.stock_key.startswith("SN")
        ],
        note="月度盘点 / monthly count",
    )


SALES_STAGES = (
    "draft",
    "confirmed",
    "picking",
    "backorder",
    "shipped",
    "invoiced",
    "part-paid",
    "paid",
    "closed",
    "cancelled",
)


def _sales(services: Services, rng: random.Random, count: int) -> int:
    """Orders in every state, with picking lists, deliveries, invoices and payments."""
    customers = [
        row
        for row in services.customers.page(Page(limit=1000, sort_key="code"))
        if row.status == "active"
    ][:40]
    items = [
        row
        for row in services.items.page(Page(limit=1000, sort_key="sku"))
        if row.on_hand >= 20 and row.sku[-1] != "0"
    ]  # every tenth is serial-tracked
    modes = ["credit", "credit", "credit", "cod", "prepaid"]
    made = 0
    for n in range(count if customers and items else 0):  # a tiny demo may have none to sell
        customer = customers[n % len(customers)]
        lines = [
            {
                "item_id": item.id,
                "quantity": rng.randint(1, 6),
                "discount": rng.choice([0, 0, 5, 10]),
            }
            for item in rng.sample(items, min(len(items), rng.randint(1, 4)))
        ]
        mode = modes[n % len(modes)]
        order = services.orders.create(
            customer.id, {"payment_mode": mode, "note": "演示订单 / demo order"}, lines
        )
        _advance(services, order.id, SALES_STAGES[n % len(SALES_STAGES)], rng)
        made += 1
    return made


def _advance(services: Services, order_id: int, stage: str, rng: random.Random) -> None:
    o = services.orders
    if stage == "draft":
        return
    order = o.get(order_id)
    if stage == "cancelled":
        o.cancel(order_id, order.version, "客户取消 / customer cancelled")
        return
    order = o.confirm(order_id, order.version, "演示 / demo")
    if stage == "confirmed":
        return
    o.start_picking(order_id, order.version)
    if stage == "picking":
        return
    order = o.get(order_id)
    if order.payment_mode == "prepaid":
        services.invoices.record_payment(
            order.customer_id,
            order.totals.gross.amount,
            "bank",
            "预付款 / prepayment",
            order_id=order_id,
        )
        order = o.get(order_id)
    picked = {1: Decimal(1)} if stage == "backorder" else None
    delivery = o.ship(order_id, order.version, picked)
    if stage in ("backorder", "shipped"):
        return
    invoice = services.invoices.invoice([delivery.id])
    if stage == "invoiced" or invoice.is_paid:
        return
    if stage == "part-paid":
        half = (invoice.open_amount.amount / 2).quantize(Decimal("0.01"))
        services.invoices.record_payment(order.customer_id, half, "wechat")
        return
    services.invoices.record_payment(
        order.customer_id, invoice.open_amount.amount, "bank", order_id=order_id
    )
    order = o.get(order_id)
    if stage == "closed" and order.state == "paid":
        o.close(order_id, order.version)

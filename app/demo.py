"""Deterministic demo data: same ``seed`` and sizes, same database, at any size.

Sizes up to 1M customers / 3M orders load in minutes because rows are generated as tuples
and written in bulk (SQLite ``executemany`` with secondary indexes dropped and rebuilt;
PostgreSQL ``COPY``), with explicit ids so no row needs a round trip.

Shapes other parts rely on: order numbers ``PD`` + 10 digits (``PD0000000001``); phones stored
as digits only, Chinese mobiles as 11 national digits, others with country code (``44...``);
emails lower-case; tickets ``T-`` + 6 digits; totes ``TOTE-0001``; bins ``A-02-03-1``
(zone-aisle-bay-level); badge codes ``BADGE-<username>``. Demo users and passwords are in
``DEMO_USERS``. One customer named ``测试重度用户`` has thousands of history events.
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Engine, Numeric, Table, text

from app import demo_data as W
from app.models import Base
from app.models.accounts import Role
from app.models.base import UtcDateTime

NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)  # fixed so a seed always gives one database
# the desk works 09:00-21:00 every day but public holidays; after-sales breaks for lunch (a split shift)
DEMO_HOURS = {
    "*": {"shifts": ["09:00-21:00"]},
    "after_sales": {"shifts": ["09:00-12:00", "13:00-21:00"]},
}
CENT = Decimal("0.01")

DEMO_USERS: list[tuple[str, str, Role, str]] = [
    ("admin", "admin123", Role.ADMIN, "系统管理员"),
    ("super1", "super123", Role.SUPERVISOR, "周主管"),
    ("packer1", "packer123", Role.PACKER, "李打包"),
    ("packer2", "packer123", Role.PACKER, "Maria Lopez"),
    ("picker1", "picker123", Role.PICKER, "王拣货"),
    ("picker2", "picker123", Role.PICKER, "Tom Baker"),
    ("agent1", "agent123", Role.AGENT, "陈客服"),
    ("agent2", "agent123", Role.AGENT, "Emma Clark"),
]
HEAVY_CUSTOMER_NAME = "测试重度用户"


@dataclass(frozen=True)
class DemoSize:
    customers: int = 2_000
    orders: int = 6_000


@dataclass(frozen=True)
class DemoSummary:
    counts: dict[str, int]

    def message(self) -> str:
        return ", ".join(f"{n} {t}" for t, n in self.counts.items())


def ean13(body12: str) -> str:
    """Append the EAN-13 check digit to 12 digits."""
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body12))
    return body12 + str((10 - total % 10) % 10)


def money(value: float | Decimal) -> Decimal:
    return Decimal(value).quantize(CENT)


class _BulkWriter:
    """Writes tuples into a table: executemany on SQLite, COPY on PostgreSQL."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.sqlite = engine.dialect.name == "sqlite"
        self.raw = engine.raw_connection()
        self.counts: dict[str, int] = {}

    def write(self, table: Table, columns: Sequence[str], rows: Iterable[tuple[object, ...]]) -> None:
        cur = self.raw.cursor()
        n = 0
        if self.sqlite:
            sql = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
            # convert only the datetime/Decimal columns; everything else is passed through as is
            convert = [i for i, c in enumerate(columns) if _needs_conversion(table.c[c].type)]
            for chunk in _chunks(rows, 20_000):
                if convert:
                    chunk = [tuple(_converted(r, convert)) for r in chunk]
                cur.executemany(sql, chunk)
                n += len(chunk)
        else:
            with cur.copy(f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
                    n += 1
        cur.close()
        self.counts[table.name] = self.counts.get(table.name, 0) + n

    def execute(self, sql: str) -> None:
        cur = self.raw.cursor()
        cur.execute(sql)
        cur.close()

    def commit(self) -> None:
        self.raw.commit()

    def close(self) -> None:
        self.raw.close()


def _needs_conversion(type_: object) -> bool:
    return isinstance(type_, (UtcDateTime, Numeric))


def _converted(row: tuple[object, ...], columns: list[int]) -> list[object]:
    # match what SQLAlchemy's SQLite types store, so ORM reads see the same values
    out = list(row)
    for i in columns:
        v = out[i]
        if isinstance(v, dt.datetime):
            out[i] = v.astimezone(dt.UTC).replace(tzinfo=None).isoformat(" ", "microseconds")
        elif isinstance(v, Decimal):
            out[i] = str(v)
    return out


def _chunks(rows: Iterable[tuple[object, ...]], size: int) -> Iterator[list[tuple[object, ...]]]:
    chunk: list[tuple[object, ...]] = []
    for r in rows:
        chunk.append(r)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


T = Base.metadata.tables


def load_demo(
    engine: Engine,
    seed: int = 1,
    size: DemoSize | None = None,
    progress: Callable[[str], None] | None = None,
) -> DemoSummary:
    """Fill an empty, migrated database with demo data. Refuses a database that has orders."""
    from app.errors import ConfigError

    size = size or DemoSize()
    with engine.connect() as conn:
        if conn.execute(text("SELECT 1 FROM orders LIMIT 1")).first():
            raise ConfigError("This database already has orders; demo data goes into an empty database.")
    engine.dispose()  # the loader's connection must be the only one (journal mode switch)
    say = progress or (lambda _m: None)
    gen = _Generator(random.Random(seed), size)
    w = _BulkWriter(engine)
    big = size.orders > 50_000
    dropped: list[str] = []
    try:
        if w.sqlite:
            # A fresh demo database has nothing to lose: trade crash safety for load speed while
            # loading (data is generated consistent, so FK checks are skipped), WAL again after.
            w.execute("PRAGMA foreign_keys=OFF")
            w.execute("PRAGMA synchronous=OFF")
            w.execute("PRAGMA cache_size=-400000")
            if big:
                w.execute("PRAGMA journal_mode=MEMORY")
                dropped = _drop_secondary_indexes(w)
            # the engine runs pysqlite in autocommit mode (it issues BEGIN itself): one
            # explicit transaction here, or every row would be a transaction of its own
            w.execute("BEGIN")
        search_triggers = _drop_search_triggers(w)  # the index is built once, after the load
        say("catalogue and users")
        gen.static(w)
        say(f"{size.customers} customers")
        gen.customers(w)
        say(f"{size.orders} orders with lines, shipments and tracking")
        gen.orders(w)
        say("tickets and interactions")
        gen.service(w)
        w.commit()
        if dropped:
            say("rebuilding indexes")
            w.execute("BEGIN")
            for ddl in dropped:
                w.execute(ddl)
            w.execute("ANALYZE")
        say("building the customer search index")
        driver = w.raw.driver_connection
        if isinstance(driver, sqlite3.Connection) and not driver.in_transaction:
            w.execute("BEGIN")
        _build_search_index(w)
        for ddl in search_triggers:
            w.execute(ddl)
        if not w.sqlite:
            _reset_sequences(w)
        w.commit()
        if w.sqlite:
            w.execute("PRAGMA journal_mode=WAL")
    finally:
        w.close()
    from app import demo_station, reference
    from app.db import session_factory, unit_of_work
    from app.models.site import Site
    from app.services import packaging, settings

    with unit_of_work(session_factory(engine)) as s:
        s.add(Site(name="PackDesk 演示 Demo",
                   return_address="浙江省杭州市余杭区仓前街道文一西路 1500 号 退货组",
                   phone="400-820-8820", time_zone="Asia/Shanghai", currency="CNY", languages="zh_CN,en",
                   created_at=NOW))  # a real site gets its row from `packdesk init`
        packaging.seed_defaults(s)
        settings.put(s, "service.business_hours", DEMO_HOURS)  # the calendar comes with migration 0011
    say("preparing waves and totes for the stations …")
    w.counts.update({f"station {k}": v for k, v in demo_station.prepare(engine, NOW).items()})
    reference.ensure(engine)  # a demo built without the CLI (tests) has them too
    return DemoSummary(dict(w.counts))


def _drop_search_triggers(w: _BulkWriter) -> list[str]:
    """Drop the triggers that keep the customer search index (migration 0002) in step, row by row;
    their DDL, to create them again after the load."""
    cur = w.raw.cursor()
    if w.sqlite:
        cur.execute("SELECT name, sql FROM sqlite_master WHERE type='trigger' AND name LIKE '%search%'")
        found = [(name, sql, f'DROP TRIGGER "{name}"') for name, sql in cur.fetchall()]
    else:
        cur.execute(
            "SELECT tgname, pg_get_triggerdef(t.oid), c.relname FROM pg_trigger t JOIN pg_class c "
            "ON c.oid = t.tgrelid WHERE NOT t.tgisinternal AND tgname LIKE 'customer_search%'"
        )
        found = [(name, sql, f'DROP TRIGGER "{name}" ON "{table}"') for name, sql, table in cur.fetchall()]
    cur.close()
    for _name, _sql, drop in found:
        w.execute(drop)
    return [sql for _name, sql, _drop in found]


def _index_grams(text: str | None) -> str:
    """The characters and adjacent pairs of a text, as migration 0002's SQL makes them."""
    t = (text or "")[:600]
    pairs = [t[i : i + 2] for i in range(len(t) - 1) if " " not in t[i : i + 2]]
    return " ".join([c for c in t if c != " "] + pairs)


def _build_search_index(w: _BulkWriter) -> None:
    """Fill the customer search index in one statement (a Python gram function on SQLite, the
    migration's SQL function on PostgreSQL, its GIN indexes built after the fill)."""
    address = (
        "(SELECT {agg}(recipient || ' ' || province || city || district || street, ' ') "
        "FROM addresses WHERE customer_id = c.id)"
    )
    if w.sqlite:
        # read a slice, then write it: one INSERT ... SELECT interleaves the reads with the FTS
        # writes and runs five times slower
        cur = w.raw.cursor()
        cur.execute("DELETE FROM customer_search")
        top = cur.execute("SELECT coalesce(max(id), 0) FROM customers").fetchone()[0]
        select = (
            f"SELECT c.id, c.name, {address.format(agg='group_concat')} FROM customers AS c "
            "WHERE c.id > ? AND c.id <= ?"
        )
        for low in range(0, top, 50_000):
            rows = cur.execute(select, (low, low + 50_000)).fetchall()
            cur.executemany(
                "INSERT INTO customer_search (rowid, name, addr) VALUES (?, ?, ?)",
                [(cid, _index_grams(name), _index_grams(addr)) for cid, name, addr in rows],
            )
        cur.close()
        return
    w.execute("DROP INDEX IF EXISTS ix_customer_search_name")
    w.execute("DROP INDEX IF EXISTS ix_customer_search_addr")
    w.execute("DELETE FROM customer_search")
    w.execute(
        "INSERT INTO customer_search (customer_id, name_grams, addr_grams) SELECT c.id, "
        f"packdesk_grams(c.name), packdesk_grams({address.format(agg='string_agg')}) FROM customers AS c"
    )
    w.execute("CREATE INDEX ix_customer_search_name ON customer_search USING gin (name_grams)")
    w.execute("CREATE INDEX ix_customer_search_addr ON customer_search USING gin (addr_grams)")


def _drop_secondary_indexes(w: _BulkWriter) -> list[str]:
    cur = w.raw.cursor()
    cur.execute("SELECT name, sql FROM sqlite_master WHERE type='index' AND sql IS NOT NULL")
    found = cur.fetchall()
    cur.close()
    for name, _sql in found:
        w.execute(f'DROP INDEX "{name}"')
    return [sql for _name, sql in found]


def _reset_sequences(w: _BulkWriter) -> None:
    for table in T.values():
        if "id" in table.c and table.c.id.primary_key:
            w.execute(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"
            )


def tickets_anchor(now: dt.datetime | None = None) -> dt.datetime:
    """The instant the demo's tickets and contacts are dated back from: the hour the demo is loaded
    in, not ``NOW`` (a demo loaded days later opened with every ticket overdue); whole hours, so one
    seed still gives one database within the hour."""
    return (now or dt.datetime.now(dt.UTC)).replace(minute=0, second=0, microsecond=0)


class _Generator:
    def __init__(self, rnd: random.Random, size: DemoSize) -> None:
        self.r = rnd
        self.size = size
        self.products: list[tuple[int, str, str, int | None, Decimal]] = []
        self.customer_names: list[str] = []
        self.address_of: list[int] = []  # customer index -> first address id
        self.order_customer: list[int] = []
        self.shipments: list[tuple[int, int, str, dt.datetime]] = []  # (id, order id, tracking, at)
        self.user_ids: dict[str, int] = {}

    # -- catalogue, stock, users -------------------------------------------------------------
    def static(self, w: _BulkWriter) -> None:
        from app.services.auth import hash_password

        r = self.r
        w.write(
            T["warehouses"],
            ["id", "code", "name", "province", "city", "cost_rank"],
            [
                (1, "SH01", "上海青浦仓", "上海市", "上海市", 1),
                (2, "GZ01", "广州白云仓", "广东省", "广州市", 2),
            ],
        )
        zones: list[tuple[Any, ...]] = []
        bins: list[tuple[Any, ...]] = []
        for wh in (1, 2):
            for zi, z in enumerate("ABC"):
                zid = (wh - 1) * 3 + zi + 1
                zones.append((zid, wh, z, f"{z} 区"))
                for aisle in range(1, 13):
                    for bay in range(1, 11):
                        for level in range(1, 5):
                            bins.append(
                                (
                                    len(bins) + 1,
                                    wh,
                                    zid,
                                    f"{z}-{aisle:02d}-{bay:02d}-{level}",
                                    aisle,
                                    bay,
                                    level,
                                )
                            )
        w.write(T["zones"], ["id", "warehouse_id", "code", "name"], zones)
        w.write(T["bins"], ["id", "warehouse_id", "zone_id", "code", "aisle", "bay", "level"], bins)

        products: list[tuple[Any, ...]] = []
        barcodes: list[tuple[Any, ...]] = []
        stock: list[tuple[Any, ...]] = []
        for i in range(200):
            base = W.PRODUCTS[i % len(W.PRODUCTS)]
            name, name_en, grams, dims, fragile, liquid, bulky, battery, price = base
            variant, variant_en = W.VARIANTS[(i // len(W.PRODUCTS)) % len(W.VARIANTS)]
            pid = i + 1
            sku = f"SKU-{pid:05d}"
            price_d = money(Decimal(price) * (1 + Decimal((i // len(W.PRODUCTS)) % 3) / 10))
            products.append(
                (
                    pid,
                    sku,
                    f"{name} {variant}",
                    f"{name_en} ({variant_en})",
                    grams,
                    False,
                    *dims,
                    fragile,
                    liquid,
                    bulky,
                    battery,
                    price_d,
                    "CNY",
                    Decimal("0.13"),
                )
            )
            barcodes.append((len(barcodes) + 1, pid, ean13(f"69{r.randint(10, 59)}{pid:08d}"), "ean13"))
            if i % 10 == 0:
                barcodes.append((len(barcodes) + 1, pid, f"PDK{pid:07d}", "code128"))
            self.products.append((pid, sku, f"{name} {variant}", grams, price_d))
            scarce = i % 40 == 39  # a few products run short, to show backorders
            for wh in (1, 2):
                for k in range(1 if scarce else r.randint(1, 2)):
                    b = (wh - 1) * 1440 + r.randrange(1440) + 1
                    if k == 0 or b not in {s[2] for s in stock[-2:]}:
                        stock.append((len(stock) + 1, pid, b, 2 if scarce else r.randint(200, 5000), 0))
        w.write(
            T["products"],
            [
                "id",
                "sku",
                "name",
                "name_en",
                "unit_weight_g",
                "weight_learnt",
                "length_mm",
                "width_mm",
                "height_mm",
                "fragile",
                "liquid",
                "bulky",
                "battery",
                "price",
                "currency",
                "tax_rate",
            ],
            products,
        )
        w.write(T["product_barcodes"], ["id", "product_id", "code", "kind"], barcodes)
        w.write(T["stock"], ["id", "product_id", "bin_id", "quantity", "reserved"], stock)
        w.write(
            T["stock_ledger"],
            ["id", "at", "product_id", "bin_id", "quantity", "reserved", "kind", "reason", "document"],
            [(sid, NOW, pid, b, q, 0, "opening", "demo stock", "") for sid, pid, b, q, _res in stock],
        )
        self._carrier_tables(w)
        w.write(T["totes"], ["id", "code", "status"], [(i, f"TOTE-{i:04d}", "free") for i in range(1, 201)])
        users = []
        for uid, (username, password, role, display) in enumerate(DEMO_USERS, start=1):
            users.append(
                (uid, username, display, hash_password(password), f"BADGE-{username}", role.value, True, NOW)
            )
            self.user_ids[username] = uid
        w.write(
            T["users"],
            ["id", "username", "display_name", "password_hash", "badge_code", "role", "active", "created_at"],
            users,
        )

    def _carrier_tables(self, w: _BulkWriter) -> None:
        """Each carrier's pool of free waybill numbers (after the numbers the history used) and
        its sort-code table for the demo's places, as a site imports them."""
        numbers = [
            (k * DEMO_POOL + i + 1, carrier, f"{prefix}{base + _POOL_OFFSET + i}", "free", "demo", NOW, "")
            for k, (carrier, (prefix, base)) in enumerate(_NUMBER_RANGES.items())
            for i in range(DEMO_POOL)
        ]
        w.write(T["waybill_numbers"], ["id", "carrier", "number", "status", "batch", "imported_at",
                                       "void_reason"], numbers)
        places = sorted({(prov, city, dist) for prov, city, dist, _pc in W.PLACES})
        codes = [(len(places) * k + i + 1, carrier, *place, _sort_code(self.r))
                 for k, carrier in enumerate(_NUMBER_RANGES) for i, place in enumerate(places)]
        w.write(T["sort_codes"], ["id", "carrier", "province", "city", "district", "code"], codes)

    # -- customers ---------------------------------------------------------------------------
    def _name(self, i: int) -> tuple[str, bool]:
        r = self.r
        if i == 0:
            return HEAVY_CUSTOMER_NAME, True
        if r.random() < 0.85:
            given = r.choice(W.GIVEN_CHARS) + (r.choice(W.GIVEN_CHARS) if r.random() < 0.7 else "")
            return r.choice(W.SURNAMES) + given, True
        return f"{r.choice(W.EN_FIRST)} {r.choice(W.EN_LAST)}", False

    def customers(self, w: _BulkWriter) -> None:
        r = self.r
        n = self.size.customers
        customers, phones, emails, addresses = [], [], [], []
        prefixes = [
            "130",
            "131",
            "132",
            "135",
            "136",
            "137",
            "138",
            "139",
            "150",
            "151",
            "152",
            "158",
            "159",
            "186",
            "187",
            "188",
            "189",
            "176",
            "177",
            "199",
        ]
        ids = {"phone": 0, "email": 0, "address": 0}

        def next_id(kind: str) -> int:
            ids[kind] += 1
            return ids[kind]

        for i in range(n):
            cid = i + 1
            name, chinese = self._name(i)
            self.customer_names.append(name)
            tier = r.choices(["new", "regular", "silver", "gold", "vip"], [30, 40, 18, 9, 3])[0]
            created = NOW - dt.timedelta(days=r.randint(30, 1500), seconds=r.randint(0, 86399))
            customers.append(
                (
                    cid,
                    name,
                    tier,
                    r.choice(["", "", "", "复购", "VIP", "差评风险", "B2B"]),
                    "zh_CN" if chinese else "en",
                    Decimal(0),
                    created,
                )
            )
            # i * 48271 mod 10^8 is a bijection: every customer gets a distinct number
            digits = f"{(cid * 48271) % 100_000_000:08d}"
            phone = (r.choice(prefixes) + digits) if chinese else f"447{digits}{cid % 10}"
            phones.append((next_id("phone"), cid, phone, phone[-4:]))
            if chinese and r.random() < 0.08:  # a second mobile; 198 is no primary prefix
                second = f"198{(cid * 69621 + 7) % 100_000_000:08d}"
                phones.append((next_id("phone"), cid, second, second[-4:]))
            if r.random() < 0.6 or not chinese:
                local = (
                    f"{name.split()[0].lower()}.{name.split()[-1].lower()}{cid}"
                    if not chinese
                    else f"user{cid}"
                )
                domain = r.choice(["qq.com", "163.com", "126.com", "gmail.com", "outlook.com"])
                emails.append((next_id("email"), cid, f"{local}@{domain}"))
            for k in range(1 if r.random() < 0.8 else 2):
                aid = next_id("address")
                if k == 0:
                    self.address_of.append(aid)
                if chinese:
                    prov, city, dist, pc = r.choice(W.PLACES)
                    street = (
                        f"{r.choice(W.ROADS)}路{r.randint(1, 999)}号{r.choice(W.COMMUNITIES)}"
                        f"{r.randint(1, 30)}栋{r.randint(1, 6)}单元{r.randint(101, 3303)}室"
                    )
                    if r.random() < 0.05:  # some real-life long ones, for label fitting
                        street += "（工作日请送到公司前台，周末放丰巢快递柜，联系不上请放门卫室）"
                    addresses.append(
                        (
                            aid,
                            cid,
                            name,
                            phone,
                            "CN",
                            prov,
                            city,
                            dist,
                            street,
                            pc + f"{r.randint(0, 99):02d}",
                            k == 0,
                        )
                    )
                else:
                    st, city, pc = r.choice(W.EN_CITIES)
                    country = "GB" if st == "ENG" else ("CA" if st == "BC" else "US")
                    addresses.append(
                        (
                            aid,
                            cid,
                            name,
                            phone,
                            country,
                            st,
                            city,
                            "",
                            f"{r.randint(1, 999)} {r.choice(W.EN_LAST)} Street",
                            pc,
                            k == 0,
                        )
                    )
            if len(customers) >= 50_000:
                self._flush_customers(w, customers, phones, emails, addresses)
                customers, phones, emails, addresses = [], [], [], []
        self._flush_customers(w, customers, phones, emails, addresses)

    def _flush_customers(
        self, w: _BulkWriter, customers: list, phones: list, emails: list, addresses: list
    ) -> None:
        w.write(
            T["customers"],
            ["id", "name", "tier", "tags", "language", "lifetime_value", "created_at"],
            customers,
        )
        w.write(T["customer_phones"], ["id", "customer_id", "phone", "last4"], phones)
        w.write(T["customer_emails"], ["id", "customer_id", "email"], emails)
        w.write(
            T["addresses"],
            [
                "id",
                "customer_id",
                "recipient",
                "phone",
                "country",
                "province",
                "city",
                "district",
                "street",
                "postcode",
                "is_default",
            ],
            addresses,
        )

    # -- orders, lines, packages, shipments, tracking ----------------------------------------
    def orders(self, w: _BulkWriter) -> None:
        r = self.r
        n_orders, n_customers = self.size.orders, self.size.customers
        statuses = ["delivered", "shipped", "packed", "new", "cancelled", "returned"]
        weights = [58, 14, 3, 19, 4, 2]
        channels = ["tmall", "jd", "douyin", "pinduoduo", "shopify", "own_site"]
        heavy_orders = min(400, max(1, n_orders // 20))
        order_cols = [
            "id",
            "number",
            "channel",
            "channel_ref",
            "customer_id",
            "address_id",
            "warehouse_id",
            "status",
            "payment_status",
            "currency",
            "subtotal",
            "shipping_fee",
            "discount",
            "tax",
            "total",
            "cod_amount",
            "declared_value",
            "priority",
            "carrier",
            "service",
            "cutoff_at",
            "placed_at",
            "updated_at",
            "note",
            "version",
        ]
        line_cols = [
            "id",
            "order_id",
            "line_no",
            "product_id",
            "sku",
            "name",
            "quantity",
            "unit_price",
            "tax_rate",
            "amount",
            "picked_qty",
            "packed_qty",
        ]
        pkg_cols = [
            "id",
            "order_id",
            "station",
            "packer_id",
            "status",
            "box_code",
            "expected_weight_g",
            "measured_weight_g",
            "started_at",
            "packed_at",
        ]
        ship_cols = [
            "id",
            "order_id",
            "package_id",
            "carrier",
            "service",
            "tracking_number",
            "sort_code",
            "status",
            "weight_g",
            "pieces",
            "created_at",
            "shipped_at",
            "delivered_at",
        ]
        ev_cols = ["id", "shipment_id", "occurred_at", "status_code", "location", "description"]
        orders, lines, pkgs, ships, events = [], [], [], [], []
        line_id = pkg_id = ev_id = 0
        packer = self.user_ids["packer1"]
        for i in range(n_orders):
            oid = i + 1
            cidx = 0 if i < heavy_orders else r.randrange(n_customers)
            self.order_customer.append(cidx)
            status = "delivered" if i < heavy_orders else r.choices(statuses, weights)[0]
            age_days = r.randint(0, 2) if status in ("new", "packed") else r.randint(3, 360)
            placed = NOW - dt.timedelta(days=age_days, seconds=r.randint(0, 86399))
            carrier, service = r.choice(W.CARRIERS)
            channel = r.choice(channels)
            cod = status == "new" and r.random() < 0.05
            payment = (
                "cod"
                if cod
                else "pending"
                if status == "new" and r.random() < 0.05
                else "refunded"
                if status == "returned"
                else "paid"
            )
            subtotal = Decimal(0)
            grams_total = 0
            for ln in range(1, r.choices([1, 2, 3, 4], [55, 28, 12, 5])[0] + 1):
                pid, sku, pname, grams, price = self.products[r.randrange(len(self.products))]
                qty = r.choices([1, 2, 3], [80, 15, 5])[0]
                amount = price * qty
                subtotal += amount
                grams_total += (grams or 300) * qty
                line_id += 1
                done = qty if status in ("packed", "shipped", "delivered", "returned") else 0
                lines.append(
                    (line_id, oid, ln, pid, sku, pname, qty, price, Decimal("0.13"), amount, done, done)
                )
            fee = Decimal(0) if subtotal >= 99 else Decimal("8.00")
            discount = money(subtotal * Decimal("0.05")) if r.random() < 0.2 else Decimal(0)
            total = subtotal + fee - discount
            tax = money(total - total / Decimal("1.13"))
            cutoff = (
                placed.replace(hour=10, minute=0, second=0, microsecond=0) + dt.timedelta(days=1)
                if status == "new"
                else None
            )
            orders.append(
                (
                    oid,
                    f"PD{oid:010d}",
                    channel,
                    f"{channel.upper()}-{9_000_000 + oid * 13}",
                    cidx + 1,
                    self.address_of[cidx],
                    1 if r.random() < 0.7 else 2,
                    status,
                    payment,
                    "CNY",
                    subtotal,
                    fee,
                    discount,
                    tax,
                    total,
                    total if cod else None,
                    total if r.random() < 0.1 else None,
                    r.choices([0, 1, 2], [85, 12, 3])[0],
                    carrier,
                    service,
                    cutoff,
                    placed,
                    placed,
                    "",
                    1,
                )
            )
            if status in ("packed", "shipped", "delivered", "returned"):
                pkg_id += 1
                packed_at = placed + dt.timedelta(hours=r.randint(2, 20))
                measured = Decimal(grams_total + 120 + r.randint(-15, 15))
                pkgs.append(
                    (
                        pkg_id,
                        oid,
                        "PACK-01",
                        packer,
                        "packed",
                        "B2",
                        grams_total + 120,
                        measured,
                        packed_at - dt.timedelta(minutes=2),
                        packed_at,
                    )
                )
                sid = pkg_id
                tracking = _history_number(carrier, sid)
                sort = _sort_code(r)
                ship_status = {
                    "packed": "label_created",
                    "shipped": "in_transit",
                    "delivered": "delivered",
                    "returned": "returned",
                }[status]
                steps = {"packed": 0, "shipped": r.randint(1, 4), "delivered": 5, "returned": 5}[status]
                at = packed_at
                for s in range(steps):
                    at = at + dt.timedelta(hours=r.randint(3, 20))
                    code, _label, desc = W.TRACKING_STEPS[s]
                    ev_id += 1
                    _prov, city, _d, _p = r.choice(W.PLACES)
                    events.append((ev_id, sid, at, code, f"{city}", desc))
                ships.append(
                    (
                        sid,
                        oid,
                        pkg_id,
                        carrier,
                        service,
                        tracking,
                        sort,
                        ship_status,
                        int(measured),
                        1,
                        packed_at,
                        packed_at + dt.timedelta(hours=2) if steps else None,
                        at if status in ("delivered", "returned") else None,
                    )
                )
                self.shipments.append((sid, oid, tracking, at))
            if len(orders) >= 20_000:
                self._flush(
                    w, (order_cols, orders), (line_cols, lines), (pkg_cols, pkgs), (ship_cols, ships),
                    (ev_cols, events),
                )
                orders, lines, pkgs, ships, events = [], [], [], [], []
        self._flush(
            w, (order_cols, orders), (line_cols, lines), (pkg_cols, pkgs), (ship_cols, ships),
            (ev_cols, events),
        )
        # one grouped pass (UPDATE ... FROM): a correlated subquery would scan orders per customer
        w.execute(
            "UPDATE customers SET lifetime_value = t.v FROM (SELECT customer_id, SUM(total) AS v "
            "FROM orders WHERE status NOT IN ('cancelled', 'returned') GROUP BY customer_id) AS t "
            "WHERE t.customer_id = customers.id"
        )

    def _flush(self, w: _BulkWriter, *tables: tuple[Sequence[str], Sequence[tuple[object, ...]]]) -> None:
        names = ["orders", "order_lines", "packages", "shipments", "tracking_events"]
        for name, (columns, rows) in zip(names, tables, strict=True):
            w.write(T[name], columns, rows)

    # -- tickets, interactions, refunds, compensations ---------------------------------------
    def service(self, w: _BulkWriter) -> None:
        from app.models.service import ContactChannel
        from app.services.tickets import DEFAULT_ROUTES, route_by

        r = self.r
        now = tickets_anchor()
        agents = [self.user_ids["agent1"], self.user_ids["agent2"]]
        tickets: list[tuple[Any, ...]] = []
        inters: list[tuple[Any, ...]] = []
        refunds: list[tuple[Any, ...]] = []
        comps: list[tuple[Any, ...]] = []
        n_orders = self.size.orders
        channels = ["chat", "phone", "email", "social"]
        heavy_interactions = min(800, max(5, n_orders // 8))
        picks = [(k, 0) for k in range(heavy_interactions)]  # the heavy customer's stream
        picks += [(k, r.randrange(n_orders)) for k in range(max(1, n_orders // 20))]
        for k, order_idx in picks:
            oid = order_idx + 1
            cid = self.order_customer[order_idx] + 1
            category, text_ = r.choice(W.INBOUND_TEXTS)
            number = f"PD{oid:010d}"
            opened = (
                now
                - dt.timedelta(days=r.randint(0, 60), minutes=r.randint(0, 1440))
                - dt.timedelta(minutes=k)
            )
            channel = r.choice(channels)
            tid = len(tickets) + 1
            status = r.choices(
                ["new", "open", "pending", "escalated", "resolved", "closed"], [10, 15, 10, 5, 25, 35]
            )[0]
            priority = r.choices(["low", "normal", "high", "urgent"], [15, 60, 20, 5])[0]
            if status in ("new", "open", "pending", "escalated"):  # still being worked: opened lately
                opened = now - (now - opened) % dt.timedelta(hours=3 if status == "new" else 72)
            # what followed the contact happened before the anchor, never after it
            responded = (
                min(opened + dt.timedelta(minutes=r.randint(1, 240)), now) if status != "new" else None
            )
            resolved = (
                min(responded + dt.timedelta(hours=r.randint(1, 72)), now)
                if responded and status in ("resolved", "closed")
                else None
            )
            tickets.append(
                (
                    tid,
                    f"T-{tid:06d}",
                    cid,
                    oid,
                    text_.format(order=number)[:60],
                    category,
                    priority,
                    status,
                    channel,
                    "zh_CN",
                    route_by(DEFAULT_ROUTES, category, ContactChannel(channel), "zh_CN"),  # as if routed
                    r.choice(agents),
                    1 if status == "escalated" else 0,
                    opened,
                    opened + dt.timedelta(hours=2),
                    opened + dt.timedelta(hours=48),
                    responded,
                    resolved,
                )
            )
            inters.append(
                (len(inters) + 1, cid, tid, oid, channel, "inbound", None, text_.format(order=number), opened)
            )
            if responded:
                inters.append(
                    (
                        len(inters) + 1,
                        cid,
                        tid,
                        oid,
                        channel,
                        "outbound",
                        r.choice(agents),
                        r.choice(W.OUTBOUND_TEXTS),
                        responded,
                    )
                )
            if category == "return" and r.random() < 0.5:
                refunds.append(
                    (
                        len(refunds) + 1,
                        oid,
                        cid,
                        tid,
                        money(r.uniform(10, 300)),
                        "CNY",
                        "商品破损",
                        r.choice(["requested", "approved", "paid"]),
                        r.choice(agents),
                        min(opened + dt.timedelta(hours=1), now),
                    )
                )
            if category in ("quality", "logistics") and r.random() < 0.3:
                comps.append(
                    (
                        len(comps) + 1,
                        cid,
                        oid,
                        tid,
                        "coupon",
                        f"CPN{len(comps) + 1:08d}",
                        Decimal(r.choice([5, 10, 20, 50])),
                        "CNY",
                        "延误补偿",
                        opened + dt.timedelta(days=30),
                        r.choice(agents),
                        min(opened + dt.timedelta(hours=2), now),
                    )
                )
        w.write(
            T["tickets"],
            [
                "id",
                "number",
                "customer_id",
                "order_id",
                "subject",
                "category",
                "priority",
                "status",
                "channel",
                "language",
                "queue",
                "assignee_id",
                "escalation_tier",
                "created_at",
                "first_response_due",
                "resolution_due",
                "first_responded_at",
                "resolved_at",
            ],
            tickets,
        )
        w.write(
            T["interactions"],
            [
                "id",
                "customer_id",
                "ticket_id",
                "order_id",
                "channel",
                "direction",
                "agent_id",
                "body",
                "occurred_at",
            ],
            inters,
        )
        w.write(
            T["refunds"],
            [
                "id",
                "order_id",
                "customer_id",
                "ticket_id",
                "amount",
                "currency",
                "reason",
                "status",
                "requested_by",
                "created_at",
            ],
            refunds,
        )
        w.write(
            T["compensations"],
            [
                "id",
                "customer_id",
                "order_id",
                "ticket_id",
                "kind",
                "code",
                "amount",
                "currency",
                "reason",
                "expires_at",
                "given_by",
                "created_at",
            ],
            comps,
        )


# The numbers the demo's carriers gave it: the history used base + shipment id, the pool follows.
_NUMBER_RANGES = {
    "SF": ("SF", 1_400_000_000_000),
    "YTO": ("YT", 7_500_000_000_000),
    "ZTO": ("", 780_000_000_000),
    "JD": ("JDX", 100_000_000_000),
    "EMS": ("", 1_100_000_000_000),
}
_POOL_OFFSET = 50_000_000  # past any history the demo can generate
DEMO_POOL = 3_000  # free numbers per carrier


def _history_number(carrier: str, shipment_id: int) -> str:
    prefix, base = _NUMBER_RANGES[carrier]
    return f"{prefix}{base + shipment_id}"


def _sort_code(r: random.Random) -> str:
    """A three-segment sorting code as printed on Chinese waybills, e.g. ``830-120-00 012``."""
    return f"{r.randint(100, 999)}-{r.randint(100, 999)}-{r.randint(0, 99):02d} {r.randint(0, 999):03d}"

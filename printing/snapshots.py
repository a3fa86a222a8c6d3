"""Small frozen snapshots the documents are drawn from (never ORM objects)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Money:
    amount: Decimal
    currency: str = "CNY"

    def __str__(self) -> str:
        symbol = {"CNY": "¥", "USD": "$", "EUR": "€", "GBP": "£"}.get(self.currency, self.currency + " ")
        sign = "-" if self.amount < 0 else ""
        return f"{sign}{symbol}{abs(self.amount):,.2f}"


@dataclass(frozen=True)
class Party:
    name: str
    phone: str = ""
    province: str = ""
    city: str = ""
    district: str = ""
    street: str = ""
    postcode: str = ""
    country: str = "CN"
    company: str = ""
    tax_id: str = ""

    @property
    def address(self) -> str:
        """One line, in the order the country writes it."""
        if self.country == "CN":
            return "".join(p for p in (self.province, self.city if self.city != self.province else "",
                                       self.district, self.street) if p)
        return ", ".join(p for p in (self.street, self.city, self.province, self.postcode, self.country) if p)


@dataclass(frozen=True)
class WaybillSnapshot:
    carrier: str  # code, e.g. SF
    carrier_name: str  # e.g. 顺丰速运
    service: str
    tracking_number: str
    sort_code: str  # three-segment sorting code, e.g. 830-120-00 012
    recipient: Party
    sender: Party
    order_number: str
    weight_g: int
    pieces: int = 1
    cod: Money | None = None
    declared_value: Money | None = None
    items_summary: str = ""
    printed_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))
    reprint: bool = False


@dataclass(frozen=True)
class InvoiceLine:
    sku: str
    name: str
    quantity: int
    unit_price: Decimal
    tax_rate: Decimal

    @property
    def amount(self) -> Decimal:
        return self.unit_price * self.quantity


@dataclass(frozen=True)
class InvoiceSnapshot:
    invoice_number: str
    order_number: str
    issued_at: dt.datetime
    seller: Party
    buyer: Party
    lines: tuple[InvoiceLine, ...]
    currency: str = "CNY"
    shipping_fee: Decimal = Decimal(0)
    discount: Decimal = Decimal(0)
    prices_include_tax: bool = True  # Chinese retail prices are tax-inclusive

    @property
    def total(self) -> Decimal:
        return sum((line.amount for line in self.lines), Decimal(0)) + self.shipping_fee - self.discount

    def tax_summary(self) -> list[tuple[Decimal, Decimal, Decimal]]:
        """(rate, net, tax) per tax rate, cent-exact; the net and tax of each rate add up to its gross."""
        gross: dict[Decimal, Decimal] = {}
        for line in self.lines:
            gross[line.tax_rate] = gross.get(line.tax_rate, Decimal(0)) + line.amount
        out = []
        for rate, amount in sorted(gross.items()):
            if self.prices_include_tax:
                net = (amount / (1 + rate)).quantize(Decimal("0.01"))
                out.append((rate, net, amount - net))
            else:
                out.append((rate, amount, (amount * rate).quantize(Decimal("0.01"))))
        return out


@dataclass(frozen=True)
class PackingSlipSnapshot:
    order_number: str
    placed_at: dt.datetime
    recipient: Party
    lines: tuple[InvoiceLine, ...]
    note: str = ""


@dataclass(frozen=True)
class PickLine:
    bin_code: str
    sku: str
    name: str
    quantity: int
    barcode: str
    tote: str = ""
    order_number: str = ""


@dataclass(frozen=True)
class PickListSnapshot:
    wave_number: str
    picker: str
    lines: tuple[PickLine, ...]
    created_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))


@dataclass(frozen=True)
class ManifestParcel:
    tracking_number: str
    order_number: str
    weight_g: int
    destination: str


@dataclass(frozen=True)
class ManifestSnapshot:
    batch_number: str
    carrier: str
    carrier_name: str
    warehouse: str
    parcels: tuple[ManifestParcel, ...]
    created_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))

"""Display names of the statuses service screens show (orders, parcels, tracking steps, refunds,
tickets, coupons, follow-ups), of channels, queues and categories, and spans of time, translated in
one place for the timeline, the orders tab, the tickets and the alerts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def status_names() -> dict[str, str]:
    # literal translate() calls, so pyside6-lupdate finds every string
    return {
        "new": QCoreApplication.translate("Status", "New"),
        "open": QCoreApplication.translate("Status", "Open"),
        "pending": QCoreApplication.translate("Status", "Pending"),
        "escalated": QCoreApplication.translate("Status", "Escalated"),
        "resolved": QCoreApplication.translate("Status", "Resolved"),
        "closed": QCoreApplication.translate("Status", "Closed"),
        "allocated": QCoreApplication.translate("Status", "Allocated"),
        "backordered": QCoreApplication.translate("Status", "Back-ordered"),
        "in_wave": QCoreApplication.translate("Status", "In a wave"),
        "picked": QCoreApplication.translate("Status", "Picked"),
        "packing": QCoreApplication.translate("Status", "Packing"),
        "packed": QCoreApplication.translate("Status", "Packed"),
        "shipped": QCoreApplication.translate("Status", "Shipped"),
        "delivered": QCoreApplication.translate("Status", "Delivered"),
        "cancelled": QCoreApplication.translate("Status", "Cancelled"),
        "returned": QCoreApplication.translate("Status", "Returned"),
        "label_created": QCoreApplication.translate("Status", "Label printed"),
        "handed_over": QCoreApplication.translate("Status", "Handed to carrier"),
        "in_transit": QCoreApplication.translate("Status", "In transit"),
        "out_for_delivery": QCoreApplication.translate("Status", "Out for delivery"),
        "exception": QCoreApplication.translate("Status", "Exception"),
        "picked_up": QCoreApplication.translate("Status", "Picked up"),
        "delay": QCoreApplication.translate("Status", "Delayed"),
        "wrong_address": QCoreApplication.translate("Status", "Wrong address"),
        "lost": QCoreApplication.translate("Status", "Lost"),
        "requested": QCoreApplication.translate("Status", "Requested"),
        "pending_approval": QCoreApplication.translate("Status", "Awaiting approval"),
        "approved": QCoreApplication.translate("Status", "Approved"),
        "rejected": QCoreApplication.translate("Status", "Rejected"),
        "paid": QCoreApplication.translate("Status", "Paid"),
        "coupon": QCoreApplication.translate("Status", "Coupon"),
        "done": QCoreApplication.translate("Status", "Done"),
    }


def channel_names() -> dict[str, str]:
    return {
        "phone": QCoreApplication.translate("Channel", "Phone"),
        "chat": QCoreApplication.translate("Channel", "Chat"),
        "email": QCoreApplication.translate("Channel", "Email"),
        "social": QCoreApplication.translate("Channel", "Social"),
        "note": QCoreApplication.translate("Channel", "Note"),
    }


def sales_channel_names() -> dict[str, str]:
    """Where an order was placed."""
    return {
        "tmall": QCoreApplication.translate("SalesChannel", "Tmall"),
        "jd": QCoreApplication.translate("SalesChannel", "JD.com"),
        "douyin": QCoreApplication.translate("SalesChannel", "Douyin"),
        "pinduoduo": QCoreApplication.translate("SalesChannel", "Pinduoduo"),
        "shopify": QCoreApplication.translate("SalesChannel", "Shopify"),
        "own_site": QCoreApplication.translate("SalesChannel", "Own web shop"),
    }


def category_names() -> dict[str, str]:
    return {
        "logistics": QCoreApplication.translate("Category", "Logistics"),
        "return": QCoreApplication.translate("Category", "Return"),
        "quality": QCoreApplication.translate("Category", "Quality"),
        "payment": QCoreApplication.translate("Category", "Payment"),
        "invoice": QCoreApplication.translate("Category", "Invoice"),
        "account": QCoreApplication.translate("Category", "Account"),
        "general": QCoreApplication.translate("Category", "General"),
    }


def duration(seconds: float) -> str:
    """A span as people say it, in its two largest units: ``8 d 2 h``, ``5 h 12 min``, ``3 min``."""
    total = int(abs(seconds))
    if total < 60:
        return QCoreApplication.translate("Duration", "{s} s").format(s=total)
    days, rest = divmod(total // 60, 1440)
    hours, minutes = divmod(rest, 60)
    if days and hours:
        return QCoreApplication.translate("Duration", "{d} d {h} h").format(d=days, h=hours)
    if days:
        return QCoreApplication.translate("Duration", "{d} d").format(d=days)
    if hours and minutes:
        return QCoreApplication.translate("Duration", "{h} h {m} min").format(h=hours, m=minutes)
    if hours:
        return QCoreApplication.translate("Duration", "{h} h").format(h=hours)
    return QCoreApplication.translate("Duration", "{m} min").format(m=minutes)


def overdue(seconds: float) -> str:
    """How late, in its largest unit (a queue cell): ``8 d overdue``, ``25 min overdue``."""
    total = int(abs(seconds))
    unit = 86_400 if total >= 86_400 else 3600 if total >= 3600 else 60 if total >= 60 else 1
    return QCoreApplication.translate("Duration", "{t} overdue").format(t=duration(total // unit * unit))


def queue_names() -> dict[str, str]:
    """The ticket queues of the default routes (a queue a site adds shows its own name)."""
    return {
        "international": QCoreApplication.translate("Queue", "International"),
        "social": QCoreApplication.translate("Queue", "Social media"),
        "logistics": QCoreApplication.translate("Queue", "Logistics"),
        "after_sales": QCoreApplication.translate("Queue", "After-sales"),
        "payments": QCoreApplication.translate("Queue", "Payments"),
        "general": QCoreApplication.translate("Queue", "General"),
    }

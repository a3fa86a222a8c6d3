"""Display names of the statuses service screens show (orders, parcels, refunds, tickets,
coupons, follow-ups), translated in one place for the timeline, the orders tab and the tickets."""

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

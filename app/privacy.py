"""Masking personal data the way Chinese carriers and service desks show it."""

from __future__ import annotations


def mask_name(name: str) -> str:
    """张伟 -> 张*, 欧阳娜娜 -> 欧***, John Smith -> J*** S****."""
    name = name.strip()
    if not name:
        return ""
    if " " in name:
        return " ".join(part[0] + "*" * (len(part) - 1) for part in name.split())
    return name[0] + "*" * max(1, len(name) - 1)


def mask_phone(phone: str) -> str:
    """13800138000 -> 138****8000; short numbers keep only their last 2 digits."""
    digits = phone.strip()
    if len(digits) >= 7:
        return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]
    return "*" * max(0, len(digits) - 2) + digits[-2:]


def mask_email(email: str) -> str:
    """zhang.wei@qq.com -> z***@qq.com."""
    local, _, domain = email.partition("@")
    if not domain:
        return mask_name(email)
    return (local[:1] + "***") + "@" + domain

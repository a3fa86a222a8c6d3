"""Raw RFC 5322 bytes -> one ``ParsedMail``: decoded headers (RFC 2047, raw 8-bit), the body as
text (HTML-only bodies converted, quoted replies stripped), attachments, threading ids, whether
it is an automatic message (no acknowledgement) and, for a delivery report, the bounced address.

Chinese mail is often mislabelled (GB2312 declared, GBK or GB18030 sent; Big5 with HKSCS
characters), so every Chinese charset decodes through its superset. Never raises on garbage:
a message that cannot be read still yields its bytes' best-effort text.
"""

from __future__ import annotations

import email
import email.errors
import email.header
import email.utils
import hashlib
import re
from dataclasses import dataclass, field
from email.message import Message
from html.parser import HTMLParser

# declared charset -> the codec that reads it and every mislabelled superset of it
SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "euc-cn": "gb18030",
    "csgb2312": "gb18030",
    "gb_2312-80": "gb18030",
    "gb18030": "gb18030",
    "big5": "big5hkscs",
    "big5-hkscs": "big5hkscs",
    "cp950": "big5hkscs",
    "x-big5": "big5hkscs",
    "us-ascii": "utf-8",  # 8-bit bytes in a part that says ASCII are usually UTF-8
    "ascii": "utf-8",
}
FALLBACKS = ("utf-8", "gb18030", "big5hkscs")
AUTO_PRECEDENCE = {"bulk", "list", "junk", "auto_reply"}
NO_REPLY = re.compile(r"^(mailer-daemon|postmaster|no-?reply|do-?not-?reply|bounces?)([+-].*)?@", re.I)


def decode_bytes(data: bytes, charset: str | None) -> str:
    """Bytes in the declared charset (read through its superset), else the first that fits."""
    tried: list[str] = []
    name = (charset or "").strip().strip('"').lower()
    if name:
        tried.append(SUPERSETS.get(name, name))
    tried += [c for c in FALLBACKS if c not in tried]
    for codec in tried:
        try:
            return data.decode(codec)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode(tried[0] if tried[0] in FALLBACKS else "utf-8", errors="replace")


def decode_header(value: object) -> str:
    """An RFC 2047 header (or raw 8-bit bytes in one) as one line of text."""
    if value is None:
        return ""
    try:
        # raw 8-bit bytes come back as a Header of "unknown-8bit" chunks, read by decode_bytes
        parts = email.header.decode_header(value if isinstance(value, email.header.Header) else str(value))
    except (ValueError, email.errors.HeaderParseError):
        return " ".join(str(value).split())
    out = []
    for chunk, charset in parts:
        out.append(decode_bytes(chunk, charset) if isinstance(chunk, bytes) else chunk)
    return " ".join("".join(out).split())


def message_ids(value: str) -> tuple[str, ...]:
    """The ``<...>`` ids of a References / In-Reply-To header, in order."""
    return tuple(re.findall(r"<[^<>\s]+>", value or ""))


# -- HTML to text -----------------------------------------------------------------------------------
class _Text(HTMLParser):
    BLOCK = {"p", "div", "br", "li", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "ul", "ol"}
    SKIP = {"script", "style", "head", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0
        self.quote = 0

    def _newline(self) -> None:
        self.out.append("\n" + "> " * self.quote)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skip += 1
        elif tag == "blockquote":
            self.quote += 1
            self._newline()
        elif tag in self.BLOCK:
            self._newline()
        elif tag == "td":
            self.out.append("\t")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag == "blockquote":
            self.quote = max(0, self.quote - 1)
            self._newline()
        elif tag in self.BLOCK:
            self._newline()

    def handle_data(self, data: str) -> None:
        if not self.skip:
            text = re.sub(r"\s+", " ", data)
            if self.quote:
                text = text.replace("\n", "\n" + "> " * self.quote)
            self.out.append(text)


def html_to_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    parser.close()
    lines = [line.strip() for line in "".join(parser.out).splitlines()]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


# -- quoted replies --------------------------------------------------------------------------------
REPLY_HEADER = re.compile(
    r"^\s*(On .{3,200} wrote:|在 ?.{3,200}[写寫]道[:：]"
    r"|-{2,}\s*(Original Message|原始邮件|Forwarded message)\s*-{2,}|_{10,}|(From|发件人)[:：] .+)\s*$",
    re.I,
)


def strip_quotes(text: str) -> str:
    """The new part of a reply: up to the first "On ... wrote:" / "在…写道：" / original-message
    line, without ``>`` lines. The whole text when nothing would be left."""
    kept: list[str] = []
    for line in text.splitlines():
        if REPLY_HEADER.match(line):
            break
        if line.lstrip().startswith(">"):
            continue
        kept.append(line)
    new = "\n".join(kept).strip()
    return new or text.strip()


# -- the message -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Attachment:
    filename: str
    content_type: str
    size: int
    data: bytes | None  # None: over the size limit, not kept


@dataclass(frozen=True)
class Bounce:
    recipient: str
    status: str
    reason: str
    original_message_id: str


@dataclass(frozen=True)
class ParsedMail:
    message_id: str
    key: str  # the dedupe key: the Message-ID, else a hash of the bytes
    subject: str
    from_addr: str
    from_name: str
    reply_to: str
    to: tuple[str, ...]
    date: str
    in_reply_to: tuple[str, ...]
    references: tuple[str, ...]
    text: str  # the new part, quotes stripped
    full_text: str
    attachments: tuple[Attachment, ...] = ()
    auto: str = ""  # why this is an automatic message ("" = written by a person)
    bounce: Bounce | None = None
    problems: tuple[str, ...] = field(default=())

    @property
    def thread_ids(self) -> tuple[str, ...]:
        """Ids this message answers, nearest first (In-Reply-To, then References newest first)."""
        seen: dict[str, None] = {}
        for mid in (*self.in_reply_to, *reversed(self.references)):
            seen.setdefault(mid, None)
        return tuple(seen)


def _address(value: str) -> tuple[str, str]:
    name, addr = email.utils.parseaddr(value)
    return decode_header(name), addr.strip().lower()


def _auto_reason(msg: Message, from_addr: str) -> str:
    auto = (msg.get("Auto-Submitted") or "").strip().lower()
    if auto and auto != "no":
        return f"Auto-Submitted: {auto}"
    precedence = (msg.get("Precedence") or "").strip().lower()
    if precedence in AUTO_PRECEDENCE:
        return f"Precedence: {precedence}"
    for name in ("X-Autoreply", "X-Autorespond", "X-Auto-Reply"):
        if msg.get(name) is not None:
            return name
    if msg.get("List-Id") is not None or msg.get("List-Unsubscribe") is not None:
        return "mailing list"
    suppress = (msg.get("X-Auto-Response-Suppress") or "").lower()
    if any(w in suppress for w in ("all", "oof", "autoreply")):
        return "X-Auto-Response-Suppress"
    if (msg.get("Return-Path") or "").strip() == "<>":
        return "null sender"
    if NO_REPLY.match(from_addr or ""):
        return f"sender {from_addr}"
    return ""


def _part_text(part: Message) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        payload = str(part.get_payload() or "").encode("utf-8", "surrogateescape")
    return decode_bytes(payload, part.get_content_charset())


def _is_attachment(part: Message) -> bool:
    disposition = (part.get("Content-Disposition") or "").split(";")[0].strip().lower()
    if disposition == "attachment":
        return True
    if part.get_content_maintype() in ("text", "multipart", "message"):
        return False
    return bool(part.get_filename() or part.get_param("name"))


def _bounce(msg: Message) -> Bounce | None:
    if msg.get_content_type() != "multipart/report":
        return None
    original = ""
    status = action = recipient = reason = ""
    for part in msg.walk():
        ctype = part.get_content_type()
        if ctype == "message/delivery-status":
            blocks = part.get_payload()
            for block in blocks if isinstance(blocks, list) else []:
                if not isinstance(block, Message):
                    continue
                if block.get("Final-Recipient") and not recipient:
                    recipient = block["Final-Recipient"].split(";")[-1].strip().strip("<>").lower()
                    action = (block.get("Action") or "").strip().lower()
                    status = (block.get("Status") or "").strip()
                    reason = decode_header(block.get("Diagnostic-Code") or "")
        elif ctype in ("message/rfc822", "text/rfc822-headers") and not original:
            inner = part.get_payload()
            if isinstance(inner, list) and inner and isinstance(inner[0], Message):
                original = (inner[0].get("Message-ID") or "").strip()
            elif ctype == "text/rfc822-headers":
                original = (email.message_from_string(_part_text(part)).get("Message-ID") or "").strip()
    if not recipient or action != "failed":
        return None
    return Bounce(recipient, status, reason[:200], original)


def parse_message(raw: bytes, attachment_limit: int = 10 * 1024 * 1024) -> ParsedMail:
    """Everything PackDesk needs from one message; attachments over `attachment_limit` bytes are
    listed with their size but not kept."""
    problems: list[str] = []
    msg = email.message_from_bytes(raw)
    from_name, from_addr = _address(decode_header(msg.get("From")))
    _, reply_to = _address(decode_header(msg.get("Reply-To")))
    to = tuple(a.lower() for _, a in email.utils.getaddresses([str(v) for v in msg.get_all("To", [])]) if a)
    message_id = (message_ids(str(msg.get("Message-ID") or "")) or ("",))[0]
    plain: list[str] = []
    html: list[str] = []
    attachments: list[Attachment] = []
    for part in msg.walk():
        if part.is_multipart():
            continue
        if part.get_content_type() in ("message/delivery-status", "text/rfc822-headers"):
            continue
        try:
            if _is_attachment(part):
                payload = part.get_payload(decode=True)
                data = payload if isinstance(payload, bytes) else b""
                name = decode_header(part.get_filename() or part.get_param("name") or "") or "attachment"
                keep = data if len(data) <= attachment_limit else None
                attachments.append(Attachment(name[:200], part.get_content_type(), len(data), keep))
            elif part.get_content_type() == "text/html":
                html.append(_part_text(part))
            elif part.get_content_maintype() == "text":
                plain.append(_part_text(part))
        except (LookupError, ValueError, AssertionError) as exc:  # a broken part never costs the rest
            problems.append(f"unreadable part {part.get_content_type()}: {exc}")
    if msg.get_content_type() == "multipart/report":
        plain = plain[:1]  # the human-readable notice, not the returned message
    full = "\n\n".join(t.strip() for t in plain if t.strip())
    if not full and html:
        full = "\n\n".join(html_to_text(h) for h in html)
    full = full.replace("\r\n", "\n").strip()
    return ParsedMail(
        message_id=message_id,
        key=message_id or "sha256:" + hashlib.sha256(raw).hexdigest(),
        subject=decode_header(msg.get("Subject"))[:998],
        from_addr=from_addr,
        from_name=from_name,
        reply_to=reply_to,
        to=to,
        date=str(msg.get("Date") or ""),
        in_reply_to=message_ids(str(msg.get("In-Reply-To") or "")),
        references=message_ids(" ".join(str(v) for v in msg.get_all("References", []))),
        text=strip_quotes(full),
        full_text=full,
        attachments=tuple(attachments),
        auto=_auto_reason(msg, from_addr),
        bounce=_bounce(msg),
        problems=tuple(problems),
    )

"""The parser on saved messages: Chinese charsets (GB2312 that is really GBK, GB18030, Big5),
RFC 2047 headers, an HTML-only body, an attachment, a reply threaded by References, an
auto-reply, a postfix bounce; and on garbage, where it must never raise."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.services.mail.parse import decode_bytes, decode_header, html_to_text, parse_message, strip_quotes
from tests.app.services.mail.conftest import saved


def test_gbk_message_labelled_gb2312_decodes_with_its_gbk_only_characters():
    mail = parse_message(saved("gbk_mislabelled_gb2312.eml"))
    assert mail.subject == "包裹破损 王喆"  # 喆 is GBK, not GB2312
    assert (mail.from_name, mail.from_addr) == ("王喆", "wang.zhe@163.com")
    assert "朱镕基同款杯子碎了" in mail.text  # 镕 too
    assert mail.message_id == "<gbk-1@mail.163.com>" and mail.auto == ""


def test_html_only_message_becomes_text_without_markup_scripts_or_the_quoted_part():
    mail = parse_message(saved("html_only.eml"))
    assert mail.subject == "快递没有更新" and mail.from_name == "李娜"
    assert mail.text == "您好，\n\n我的快递三天没有更新了 & 请帮忙查一下。\n\n谢谢\n李娜"
    assert "old text" in mail.full_text and "alert" not in mail.full_text and "color" not in mail.full_text


def test_attachment_is_kept_with_its_chinese_filename_under_the_limit_and_listed_over_it():
    raw = saved("attachment.eml")
    mail = parse_message(raw)
    assert mail.subject == "发票有误" and mail.text == "发票抬头写错了，附件是照片。"  # GB18030
    [pdf] = mail.attachments
    assert (pdf.filename, pdf.content_type, pdf.size) == ("发票照片.pdf", "application/pdf", 2072)
    assert pdf.data is not None and pdf.data.startswith(b"%PDF-1.4")
    [over] = parse_message(raw, attachment_limit=1024).attachments
    assert (over.filename, over.size, over.data) == ("发票照片.pdf", 2072, None)


def test_reply_names_the_messages_it_answers_and_loses_its_quoted_part():
    mail = parse_message(saved("reply_by_references.eml"))
    assert mail.subject == "Re: 包裹"  # Big5 encoded-word
    assert mail.thread_ids == ("<unrelated@elsewhere.example>", "<gbk-1@mail.163.com>")
    assert mail.text == "還是沒有收到，請盡快處理。"
    assert "我們已經為您查詢" in mail.full_text


def test_auto_reply_is_recognised_as_automatic():
    mail = parse_message(saved("auto_reply.eml"))
    assert mail.auto == "Auto-Submitted: auto-replied" and mail.subject == "Auto: 我在休假"


def test_postfix_bounce_names_the_failed_address_and_the_message_it_returns():
    mail = parse_message(saved("bounce_postfix.eml"))
    assert mail.bounce is not None
    assert (mail.bounce.recipient, mail.bounce.status) == ("nosuch@localhost", "5.1.1")
    assert mail.bounce.original_message_id == "<b1@packdesk.test>"
    assert mail.auto and mail.attachments == ()


def test_raw_8bit_gbk_header_and_undeclared_body_charset_are_read():
    raw = "Subject: 退款进度\r\nFrom: a@b.cn\r\n\r\n请问退款什么时候到账？\r\n".encode("gbk")
    mail = parse_message(raw)
    assert mail.subject == "退款进度" and mail.text == "请问退款什么时候到账？"
    assert mail.message_id == "" and mail.key.startswith("sha256:")


def test_charsets_read_through_their_supersets():
    assert decode_bytes("喆".encode("gbk"), "gb2312") == "喆"
    assert decode_bytes("𠀀".encode("gb18030"), "GBK") == "𠀀"
    assert decode_bytes("香港".encode("big5hkscs"), "big5") == "香港"
    assert decode_bytes(b"ok", "x-unknown-charset") == "ok"
    assert decode_header("=?gb2312?B?zfWGtA==?= <wang@x.cn>") == "王喆 <wang@x.cn>"


def test_quoted_reply_markers_in_chinese_and_english_are_cut():
    assert strip_quotes("好的\n\n在 2026年11月1日，客服 写道：\n> 旧") == "好的"
    assert strip_quotes("Thanks!\nOn Mon, 1 Nov 2026 Bob <b@x> wrote:\n> old") == "Thanks!"
    assert strip_quotes("见下\n-----原始邮件-----\n发件人: x") == "见下"
    assert strip_quotes("> only a quote") == "> only a quote"  # nothing new: keep it all


def test_html_entities_breaks_and_tables():
    assert html_to_text("<p>a&lt;b</p><table><tr><td>x</td><td>y</td></tr></table>") == "a<b\n\nx\ty"


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_garbage_never_raises(raw):
    mail = parse_message(raw)
    assert isinstance(mail.text, str) and mail.key


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["gb2312", "gbk", "big5", "utf-8", "bogus", ""]))
def test_any_header_text_decodes_to_one_line(text, charset):
    value = decode_header(text)
    assert "\n" not in value
    decode_bytes(text.encode("utf-8", "surrogatepass"), charset)

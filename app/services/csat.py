"""Customer satisfaction: a short survey after a ticket is resolved (the send job emails it: reply
with 1-5 and a comment), the answer stored on the ticket when the reply comes back, and a low score
turned into a follow-up for a supervisor. The dashboard's CSAT figures are in ``service_stats``.
"""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models.accounts import Role
from app.models.desk import CsatSurvey
from app.models.service import FollowUp, Ticket, TicketEvent
from app.services import settings

SEND_WITHIN = dt.timedelta(days=7)  # a survey not sent by then (no mailbox yet) is dropped
SUBJECT = {"zh_CN": "请为本次服务评分", "en": "How did we do?"}
BODY = {
    "zh_CN": "您好，\n\n您的工单 {number}（{subject}）已处理完毕。请直接回复本邮件为我们的服务打分："
    "1（很不满意）到 5（非常满意），也可以写一句意见。\n\n例如：5 谢谢，很快就解决了\n\n{signature}",
    "en": "Hello,\n\nYour ticket {number} ({subject}) has been resolved. Please reply to this email with a "
    "score from 1 (very dissatisfied) to 5 (very satisfied) and, if you like, a comment.\n\n"
    "For example: 5 Thanks, sorted quickly\n\n{signature}",
}
# a score at the start of the reply: "4", "4分", "4 星", "4/5", "4 stars", "★★★★"
SCORE = re.compile(
    r"^\s*(?:([1-5])\s*(?:分|星|颗星|/\s*5|stars?|points?)?(?![\d.])|(★{1,5}))\s*[,，.。:：!！-]?\s*", re.I
)
WIDE_DIGITS = str.maketrans("０１２３４５６７８９／", "0123456789/")  # typed with a Chinese input method
QUOTE_START = re.compile(r"^(>|-{2,}\s*(original|原始)|on .+ wrote:|在.+写道|发件人[:：]|from:\s)", re.I)


def start_survey(s: Session, ticket: Ticket, resolved_by: int | None, now: dt.datetime) -> CsatSurvey | None:
    """A survey for a ticket just resolved (the send job mails it); none when surveys are off or
    one is already waiting for an answer."""
    if not settings.get(s, "service.csat_survey"):
        return None
    waiting = s.scalar(
        select(CsatSurvey.id).where(CsatSurvey.ticket_id == ticket.id, CsatSurvey.answered_at.is_(None))
    )
    if waiting is not None:
        return None
    survey = CsatSurvey(ticket_id=ticket.id, agent_id=ticket.assignee_id or resolved_by, queue=ticket.queue,
                        created_at=now, comment="")
    s.add(survey)
    return survey


def survey_text(ticket: Ticket, signature: str) -> tuple[str, str]:
    """Subject and body of the survey email, in the ticket's language."""
    lang = ticket.language if ticket.language in BODY else "zh_CN"
    body = BODY[lang].format(number=ticket.number, subject=ticket.subject, signature=signature)
    return f"[{ticket.number}] {SUBJECT[lang]}", body


def parse_answer(text: str) -> tuple[int, str] | None:
    """The score and comment of a reply (quoted text after it ignored), or None without a score."""
    lines = []
    for line in (text or "").translate(WIDE_DIGITS).splitlines():
        if QUOTE_START.match(line.strip()):
            break
        lines.append(line)
    body = "\n".join(lines).strip()
    found = SCORE.match(body)
    if not found:
        return None
    score = int(found.group(1)) if found.group(1) else len(found.group(2))
    return score, body[found.end():].strip()[:1000]


def pending_for(s: Session, ticket_id: int) -> CsatSurvey | None:
    """The ticket's newest survey that was sent (an answer may still change its score)."""
    return s.scalar(
        select(CsatSurvey)
        .where(CsatSurvey.ticket_id == ticket_id, CsatSurvey.mail_message_id.is_not(None))
        .order_by(CsatSurvey.created_at.desc(), CsatSurvey.id.desc())
        .limit(1)
    )


def record_answer(s: Session, survey: CsatSurvey, score: int, comment: str, now: dt.datetime) -> None:
    """Store the answer on the ticket (a later answer replaces it); a low score opens one follow-up
    for the least-loaded available supervisor."""
    from app.services.tickets import least_loaded

    survey.score, survey.comment, survey.answered_at = score, comment, now
    s.add(TicketEvent(ticket_id=survey.ticket_id, at=now, user_id=None, field="csat", old="",
                      new=f"{score}/5 {comment}"[:200]))
    if score > int(settings.get(s, "service.csat_low")) or survey.follow_up_id is not None:
        return
    ticket = s.get_one(Ticket, survey.ticket_id)
    follow_up = FollowUp(
        customer_id=ticket.customer_id,
        ticket_id=ticket.id,
        assignee_id=least_loaded(s, Role.SUPERVISOR) or least_loaded(s, Role.ADMIN),
        due_at=now,
        note=f"Low satisfaction {score}/5 on {ticket.number}: {comment}"[:2000],
    )
    s.add(follow_up)
    s.flush()
    survey.follow_up_id = follow_up.id


"""packing clips: file paths relative to the video root (``<day>/<file>.mp4``), so a moved data
folder or a restored backup keeps every clip playable

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath, PureWindowsPath

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
clips = sa.table("packing_clips", sa.column("id", sa.Integer()), sa.column("path", sa.String()))


def relative(path: str) -> str | None:
    """``<day>/<file>`` of a clip stored by its absolute path (a station wrote every clip into a
    folder per day under its root), or None when the path has no day folder to keep it by."""
    pure = PureWindowsPath(path) if re.match(r"^[A-Za-z]:[\\/]|^\\\\", path) else PurePosixPath(path)
    if not pure.is_absolute() or len(pure.parts) < 3 or not _DAY.fullmatch(pure.parent.name):
        return None
    return f"{pure.parent.name}/{pure.name}"


def upgrade() -> None:
    bind = op.get_bind()
    for clip_id, path in bind.execute(sa.select(clips.c.id, clips.c.path)).all():
        kept = relative(path)
        if kept is not None:
            bind.execute(clips.update().where(clips.c.id == clip_id).values(path=kept))


def downgrade() -> None:
    pass  # the root each station used is not in the database: relative paths stay as they are

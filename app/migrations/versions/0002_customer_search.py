"""customer search index

Names and addresses are indexed as their single characters and adjacent character pairs, so
a 1-2 character Chinese fragment (what agents type) is an index hit, and a longer fragment is
the AND of its pairs (checked against the text afterwards). Triggers keep the index in step
with every write, bulk Core inserts included; existing customers are indexed here.

SQLite: an FTS5 table (unicode61 over space-separated grams; trigram cannot match fewer than
3 characters). PostgreSQL: ``text[]`` columns with GIN indexes (``grams @> array[...]``).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

MAX_CHARS = 600  # longer texts are indexed up to here (names are 120, an address about 100)
ADDRESS_TEXT = (
    "(SELECT group_concat(recipient || ' ' || province || city || district || street, ' ') "
    "FROM addresses WHERE customer_id = {cid})"
)


def _sqlite_grams(expr: str) -> str:
    """SQL for the space-separated characters and pairs of `expr` (no CTEs: not allowed in triggers)."""
    return (
        "(SELECT group_concat(g, ' ') FROM ("
        f"SELECT substr(d.t, n, 1) AS g FROM (SELECT {expr} AS t) AS d "
        "JOIN search_numbers ON n <= length(d.t) "
        "UNION ALL "
        f"SELECT substr(d.t, n, 2) FROM (SELECT {expr} AS t) AS d "
        "JOIN search_numbers ON n < length(d.t)"
        ") WHERE g <> '' AND instr(g, ' ') = 0)"
    )


def _upgrade_sqlite() -> None:
    op.execute("CREATE TABLE search_numbers (n INTEGER PRIMARY KEY)")
    op.execute(
        "INSERT INTO search_numbers (n) WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL "
        f"SELECT n + 1 FROM c WHERE n < {MAX_CHARS}) SELECT n FROM c"
    )
    op.execute(
        "CREATE VIRTUAL TABLE customer_search USING fts5("
        "name, addr, tokenize = 'unicode61 remove_diacritics 2')"
    )
    addr_new = _sqlite_grams(ADDRESS_TEXT.format(cid="NEW.customer_id"))
    addr_old = _sqlite_grams(ADDRESS_TEXT.format(cid="OLD.customer_id"))
    op.execute(
        "CREATE TRIGGER customer_search_ai AFTER INSERT ON customers BEGIN "
        "INSERT INTO customer_search (rowid, name, addr) VALUES (NEW.id, "
        f"{_sqlite_grams('NEW.name')}, {_sqlite_grams(ADDRESS_TEXT.format(cid='NEW.id'))}); END"
    )
    op.execute(
        "CREATE TRIGGER customer_search_au AFTER UPDATE OF name ON customers BEGIN "
        f"UPDATE customer_search SET name = {_sqlite_grams('NEW.name')} WHERE rowid = NEW.id; END"
    )
    op.execute(
        "CREATE TRIGGER customer_search_ad AFTER DELETE ON customers BEGIN "
        "DELETE FROM customer_search WHERE rowid = OLD.id; END"
    )
    op.execute(
        "CREATE TRIGGER address_search_ai AFTER INSERT ON addresses BEGIN "
        f"UPDATE customer_search SET addr = {addr_new} WHERE rowid = NEW.customer_id; END"
    )
    op.execute(
        "CREATE TRIGGER address_search_au AFTER UPDATE ON addresses BEGIN "
        f"UPDATE customer_search SET addr = {addr_old} WHERE rowid = OLD.customer_id; "
        f"UPDATE customer_search SET addr = {addr_new} WHERE rowid = NEW.customer_id; END"
    )
    op.execute(
        "CREATE TRIGGER address_search_ad AFTER DELETE ON addresses BEGIN "
        f"UPDATE customer_search SET addr = {addr_old} WHERE rowid = OLD.customer_id; END"
    )
    op.execute(
        "INSERT INTO customer_search (rowid, name, addr) SELECT c.id, "
        f"{_sqlite_grams('c.name')}, {_sqlite_grams(ADDRESS_TEXT.format(cid='c.id'))} FROM customers AS c"
    )


PG_FUNCTIONS = f"""
CREATE FUNCTION packdesk_grams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(array_agg(DISTINCT g), '{{}}') FROM (
    SELECT substr(s, i, 1) AS g FROM (SELECT lower(left(coalesce(t, ''), {MAX_CHARS})) AS s) AS d,
           generate_series(1, length(s)) AS i
    UNION ALL
    SELECT substr(s, i, 2) FROM (SELECT lower(left(coalesce(t, ''), {MAX_CHARS})) AS s) AS d,
           generate_series(1, length(s) - 1) AS i
  ) AS grams WHERE g !~ '\\s'
$$;
CREATE FUNCTION packdesk_address_text(cid integer) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT string_agg(recipient || ' ' || province || city || district || street, ' ')
  FROM addresses WHERE customer_id = cid
$$;
CREATE FUNCTION packdesk_customer_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'customers' THEN
    INSERT INTO customer_search (customer_id, name_grams, addr_grams)
    VALUES (NEW.id, packdesk_grams(NEW.name), packdesk_grams(packdesk_address_text(NEW.id)))
    ON CONFLICT (customer_id) DO UPDATE SET name_grams = EXCLUDED.name_grams;
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE customer_search SET addr_grams = packdesk_grams(packdesk_address_text(OLD.customer_id))
    WHERE customer_id = OLD.customer_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE customer_search SET addr_grams = packdesk_grams(packdesk_address_text(NEW.customer_id))
    WHERE customer_id = NEW.customer_id;
  END IF;
  RETURN NULL;
END
$$;
"""


def _upgrade_postgresql() -> None:
    op.execute(
        "CREATE TABLE customer_search ("
        "customer_id integer PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE, "
        "name_grams text[] NOT NULL DEFAULT '{}', addr_grams text[] NOT NULL DEFAULT '{}')"
    )
    op.execute(PG_FUNCTIONS)
    op.execute(
        "INSERT INTO customer_search (customer_id, name_grams, addr_grams) "
        "SELECT id, packdesk_grams(name), packdesk_grams(packdesk_address_text(id)) FROM customers"
    )
    # built after the fill: one GIN build is far faster than a million GIN inserts
    op.execute("CREATE INDEX ix_customer_search_name ON customer_search USING gin (name_grams)")
    op.execute("CREATE INDEX ix_customer_search_addr ON customer_search USING gin (addr_grams)")
    op.execute(
        "CREATE TRIGGER customer_search_name AFTER INSERT OR UPDATE OF name ON customers "
        "FOR EACH ROW EXECUTE FUNCTION packdesk_customer_search()"
    )
    op.execute(
        "CREATE TRIGGER customer_search_addr AFTER INSERT OR UPDATE OR DELETE ON addresses "
        "FOR EACH ROW EXECUTE FUNCTION packdesk_customer_search()"
    )


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _upgrade_sqlite()
    else:
        _upgrade_postgresql()


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("customer_search_ai", "customer_search_au", "customer_search_ad",
                        "address_search_ai", "address_search_au", "address_search_ad"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS customer_search")
        op.execute("DROP TABLE IF EXISTS search_numbers")
        return
    op.execute("DROP TRIGGER IF EXISTS customer_search_addr ON addresses")
    op.execute("DROP TRIGGER IF EXISTS customer_search_name ON customers")
    op.execute("DROP TABLE IF EXISTS customer_search")
    op.execute("DROP FUNCTION IF EXISTS packdesk_customer_search()")
    op.execute("DROP FUNCTION IF EXISTS packdesk_address_text(integer)")
    op.execute("DROP FUNCTION IF EXISTS packdesk_grams(text)")

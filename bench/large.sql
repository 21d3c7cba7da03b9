-- bench/run.sh --large: more items straight into the database, faster than 90,000 API calls.
-- Rows come as CSV on psql's standard input from `java bench/Seed.java rows <count> <dir>`:
--   n, name, description, container_id, tag ids ('{1,2}'), image_id (empty: none)
-- Usage: Seed ... | psql -v owner=<token's sub> -f bench/large.sql
\set ON_ERROR_STOP on

BEGIN;

CREATE TEMPORARY TABLE new_items (
    n            integer PRIMARY KEY,
    name         text    NOT NULL,
    description  text    NOT NULL,
    container_id bigint  NOT NULL,
    tag_ids      bigint[] NOT NULL,
    image_id     bigint
) ON COMMIT DROP;

\copy new_items FROM pstdin WITH (FORMAT csv)

-- Ids are given here rather than by the identity column, so each row's tags can be joined to
-- its item; the identity sequence is moved past them afterwards.
CREATE TEMPORARY TABLE first_id ON COMMIT DROP AS
    SELECT coalesce(max(id), 0) AS before FROM items;

-- Into the bench user's default (personal) household, as made by their first call.
INSERT INTO items (id, household_id, created_by, updated_by, name, description, container_id, image_id)
OVERRIDING SYSTEM VALUE
SELECT first_id.before + new_items.n, u.default_household_id, u.sub, u.sub, new_items.name,
       new_items.description, new_items.container_id, new_items.image_id
FROM new_items, first_id, users u
WHERE u.sub = :'owner';

INSERT INTO items_to_tags (item_id, tag_id)
SELECT first_id.before + new_items.n, tag.id
FROM new_items, first_id, unnest(new_items.tag_ids) AS tag(id);

SELECT setval(pg_get_serial_sequence('items', 'id'), (SELECT max(id) FROM items));

COMMIT;

-- Fresh statistics, so the planner sees 100,000 items rather than 10,000.
ANALYZE;

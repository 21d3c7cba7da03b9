-- Item searches match substrings (ILIKE '%text%'), which a B-tree cannot serve. Trigram GIN
-- indexes can, so searching stays fast as a catalogue grows. pg_trgm ships with PostgreSQL and
-- is a trusted extension: a database owner without superuser rights may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX items_name_trgm_idx ON items USING gin (name gin_trgm_ops);
CREATE INDEX items_description_trgm_idx ON items USING gin (description gin_trgm_ops);
CREATE INDEX tags_name_trgm_idx ON tags USING gin (name gin_trgm_ops);

-- The item lists by container are ordered by id and always filtered by owner.
CREATE INDEX items_owner_container_idx ON items (owner_sub, container_id, id);

-- Rows come to belong to households, not to one user: a household has members, each an owner,
-- an editor or a viewer. Every user who has rows gets a personal household ("Personal", they its
-- owner) holding exactly those rows, so after the upgrade everyone sees what they saw before.
-- Each row keeps who created it and who changed it last (the token's sub).

CREATE TABLE households (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       varchar(100)   NOT NULL,
    -- The one household of shared mode (SHARED_HOUSEHOLD=true), which every signed-in user is in.
    shared     boolean        NOT NULL DEFAULT false,
    created_at timestamptz(3) NOT NULL DEFAULT now(),
    updated_at timestamptz(3) NOT NULL DEFAULT now()
);

-- A user is known from their first call; their row is also what makes two first calls at once
-- create one personal household, not two.
CREATE TABLE users (
    sub                  text           PRIMARY KEY,
    name                 varchar(100),
    default_household_id bigint         REFERENCES households (id) ON DELETE SET NULL,
    created_at           timestamptz(3) NOT NULL DEFAULT now()
);

CREATE TABLE memberships (
    sub          text           NOT NULL REFERENCES users (sub) ON DELETE CASCADE,
    household_id bigint         NOT NULL REFERENCES households (id) ON DELETE CASCADE,
    role         text           NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
    joined_at    timestamptz(3) NOT NULL DEFAULT now(),
    -- (sub, household_id): the lookup every request makes.
    PRIMARY KEY (sub, household_id)
);
CREATE INDEX memberships_household_idx ON memberships (household_id);
CREATE UNIQUE INDEX households_one_shared_idx ON households (shared) WHERE shared;

-- One personal household per user who has rows, remembered by a column dropped below.
INSERT INTO users (sub)
SELECT owner_sub FROM containers UNION SELECT owner_sub FROM tags
UNION SELECT owner_sub FROM items UNION SELECT owner_sub FROM images;

ALTER TABLE households ADD COLUMN migrated_for text;
INSERT INTO households (name, migrated_for) SELECT 'Personal', sub FROM users ORDER BY sub;
UPDATE users u SET default_household_id = h.id FROM households h WHERE h.migrated_for = u.sub;
INSERT INTO memberships (sub, household_id, role) SELECT migrated_for, id, 'owner' FROM households;
ALTER TABLE households DROP COLUMN migrated_for;

-- Each catalogue table: household_id, created_by and updated_by from owner_sub, then owner_sub goes
-- with the indexes that led with it. A household that still holds rows cannot be deleted.
ALTER TABLE containers ADD COLUMN household_id bigint REFERENCES households (id) ON DELETE RESTRICT,
                       ADD COLUMN created_by text, ADD COLUMN updated_by text;
UPDATE containers t SET household_id = u.default_household_id, created_by = t.owner_sub, updated_by = t.owner_sub
FROM users u WHERE u.sub = t.owner_sub;
ALTER TABLE containers ALTER COLUMN household_id SET NOT NULL, ALTER COLUMN created_by SET NOT NULL,
                       ALTER COLUMN updated_by SET NOT NULL;
DROP INDEX containers_owner_name_key;
ALTER TABLE containers DROP COLUMN owner_sub;
CREATE UNIQUE INDEX containers_household_name_key ON containers (household_id, lower(name));

ALTER TABLE tags ADD COLUMN household_id bigint REFERENCES households (id) ON DELETE RESTRICT,
                 ADD COLUMN created_by text, ADD COLUMN updated_by text;
UPDATE tags t SET household_id = u.default_household_id, created_by = t.owner_sub, updated_by = t.owner_sub
FROM users u WHERE u.sub = t.owner_sub;
ALTER TABLE tags ALTER COLUMN household_id SET NOT NULL, ALTER COLUMN created_by SET NOT NULL,
                 ALTER COLUMN updated_by SET NOT NULL;
DROP INDEX tags_owner_name_key;
ALTER TABLE tags DROP COLUMN owner_sub;
CREATE UNIQUE INDEX tags_household_name_key ON tags (household_id, lower(name));

ALTER TABLE images ADD COLUMN household_id bigint REFERENCES households (id) ON DELETE RESTRICT,
                   ADD COLUMN created_by text, ADD COLUMN updated_by text;
UPDATE images t SET household_id = u.default_household_id, created_by = t.owner_sub, updated_by = t.owner_sub
FROM users u WHERE u.sub = t.owner_sub;
ALTER TABLE images ALTER COLUMN household_id SET NOT NULL, ALTER COLUMN created_by SET NOT NULL,
                   ALTER COLUMN updated_by SET NOT NULL;
DROP INDEX images_owner_idx;
ALTER TABLE images DROP COLUMN owner_sub;
CREATE INDEX images_household_idx ON images (household_id, id);

ALTER TABLE items ADD COLUMN household_id bigint REFERENCES households (id) ON DELETE RESTRICT,
                  ADD COLUMN created_by text, ADD COLUMN updated_by text;
UPDATE items t SET household_id = u.default_household_id, created_by = t.owner_sub, updated_by = t.owner_sub
FROM users u WHERE u.sub = t.owner_sub;
ALTER TABLE items ALTER COLUMN household_id SET NOT NULL, ALTER COLUMN created_by SET NOT NULL,
                  ALTER COLUMN updated_by SET NOT NULL;
DROP INDEX items_owner_idx;
DROP INDEX items_owner_container_idx;
ALTER TABLE items DROP COLUMN owner_sub;
CREATE INDEX items_household_idx ON items (household_id, id);
CREATE INDEX items_household_container_idx ON items (household_id, container_id, id);

-- Invitations into a household: the code is shown once and kept only as its SHA-256 (it is 128
-- random bits, so the hash alone cannot be turned back into a code worth trying).
CREATE TABLE invitations (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    household_id bigint         NOT NULL REFERENCES households (id) ON DELETE CASCADE,
    code_sha256  bytea          NOT NULL UNIQUE,
    role         text           NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
    created_by   text           NOT NULL,
    created_at   timestamptz(3) NOT NULL DEFAULT now(),
    expires_at   timestamptz(3) NOT NULL,
    used_by      text,
    used_at      timestamptz(3),
    revoked_at   timestamptz(3)
);
CREATE INDEX invitations_household_idx ON invitations (household_id);

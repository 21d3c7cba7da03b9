-- The whole catalogue. Column names follow the original Node service; owner_sub (the token's
-- "sub") is new: every top-level row belongs to one user and every query filters on it.

CREATE TABLE images (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner_sub     text         NOT NULL,
    name          text         NOT NULL UNIQUE,
    original_name text,
    content_type  text         NOT NULL,
    size_bytes    bigint       NOT NULL CHECK (size_bytes > 0),
    width         integer      NOT NULL CHECK (width > 0),
    height        integer      NOT NULL CHECK (height > 0),
    sha256        char(64)     NOT NULL,
    created_at    timestamptz(3) NOT NULL DEFAULT now(),
    updated_at    timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX images_owner_idx ON images (owner_sub, id);

CREATE TABLE containers (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner_sub   text           NOT NULL,
    name        varchar(255)   NOT NULL,
    description text           NOT NULL DEFAULT '',
    created_at  timestamptz(3) NOT NULL DEFAULT now(),
    updated_at  timestamptz(3) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX containers_owner_name_key ON containers (owner_sub, lower(name));

CREATE TABLE tags (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner_sub   text           NOT NULL,
    name        varchar(255)   NOT NULL,
    created_at  timestamptz(3) NOT NULL DEFAULT now(),
    updated_at  timestamptz(3) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX tags_owner_name_key ON tags (owner_sub, lower(name));

CREATE TABLE items (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner_sub    text           NOT NULL,
    name         varchar(255)   NOT NULL,
    description  text           NOT NULL DEFAULT '',
    container_id bigint         NOT NULL REFERENCES containers (id) ON DELETE RESTRICT,
    -- Deleting a photo keeps the items that showed it (the original deleted them too).
    image_id     bigint         REFERENCES images (id) ON DELETE SET NULL,
    created_at   timestamptz(3) NOT NULL DEFAULT now(),
    updated_at   timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX items_owner_idx ON items (owner_sub, id);
CREATE INDEX items_container_id_idx ON items (container_id);
CREATE INDEX items_image_id_idx ON items (image_id);

CREATE TABLE items_to_tags (
    item_id bigint NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    tag_id  bigint NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    CONSTRAINT items_to_tags_item_tag_key UNIQUE (item_id, tag_id)
);
CREATE INDEX items_to_tags_tag_id_idx ON items_to_tags (tag_id);

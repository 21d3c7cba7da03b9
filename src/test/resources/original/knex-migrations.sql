-- The original cat-data's schema, as its five knex migrations make it on PostgreSQL (knex's own
-- DDL for increments(), string(), text(), timestamps(true, true), unique() and foreign()), with
-- knex's record of them. Written for the tests from the original's schema, not copied from it.

-- 1: images
create table "images" ("id" serial primary key, "name" varchar(255) not null,
    "created_at" timestamptz not null default CURRENT_TIMESTAMP,
    "updated_at" timestamptz not null default CURRENT_TIMESTAMP);
alter table "images" add constraint "images_name_unique" unique ("name");

-- 2: tags
create table "tags" ("id" serial primary key, "name" varchar(255) not null);
alter table "tags" add constraint "tags_name_unique" unique ("name");

-- 3: containers, with the row every item starts in
create table "containers" ("id" serial primary key, "name" varchar(255) not null, "description" text default '');
alter table "containers" add constraint "containers_name_unique" unique ("name");
insert into "containers" ("name") values ('Default');

-- 4: items
create table "items" ("id" serial primary key, "name" varchar(255) not null, "description" text,
    "image_id" integer, "container_id" integer not null,
    "created_at" timestamptz not null default CURRENT_TIMESTAMP,
    "updated_at" timestamptz not null default CURRENT_TIMESTAMP);
alter table "items" add constraint "items_name_unique" unique ("name");
alter table "items" add constraint "items_image_id_foreign" foreign key ("image_id")
    references "images" ("id") on delete CASCADE;
alter table "items" add constraint "items_container_id_foreign" foreign key ("container_id")
    references "containers" ("id") on delete RESTRICT;

-- 5: items_to_tags, without a unique constraint
create table "items_to_tags" ("id" serial primary key, "item_id" integer, "tag_id" integer);
alter table "items_to_tags" add constraint "items_to_tags_item_id_foreign" foreign key ("item_id")
    references "items" ("id") on delete CASCADE;
alter table "items_to_tags" add constraint "items_to_tags_tag_id_foreign" foreign key ("tag_id")
    references "tags" ("id") on delete CASCADE;

create table if not exists "knex_migrations" ("id" serial primary key, "name" varchar(255), "batch" integer,
    "migration_time" timestamptz);
create table if not exists "knex_migrations_lock" ("index" serial primary key, "is_locked" integer);
insert into "knex_migrations_lock" ("is_locked") values (0);
insert into "knex_migrations" ("name", "batch", "migration_time") values
    ('20190601120000_create_images.js', 1, now()),
    ('20190601120100_create_tags.js', 1, now()),
    ('20190601120200_create_containers.js', 1, now()),
    ('20190601120300_create_items.js', 1, now()),
    ('20190601120400_create_items_to_tags.js', 1, now());

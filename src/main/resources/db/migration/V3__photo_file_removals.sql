-- A deleted photo's file is removed a while after its row, not with it: a download that found the
-- row a moment before may not have opened the file yet (with sendfile, the web server opens it by
-- its name after the request's code has returned). The queue is in the database so that any
-- instance using the same store removes the files, including those of an instance that died.
CREATE TABLE photo_file_removals (
    name   text PRIMARY KEY,
    -- ImageStore.location() of the store that holds the file: instances of another store leave it alone.
    store  text NOT NULL,
    due_at timestamptz NOT NULL
);

CREATE INDEX photo_file_removals_due_idx ON photo_file_removals (store, due_at);

-- A GIN index takes new rows into an unsorted "pending list" first and merges them into the index
-- only once the list reaches gin_pending_list_limit (4 MB by default) or (auto)vacuum runs. Every
-- search reads the whole pending list, whatever it looks for: after a bulk import (or a busy day
-- of new items before autovacuum) a search for a word in 50 items read some 900 pending pages of
-- a 100,000-item catalogue, and took three times as long as with the lists merged. The smallest
-- limit (64 kB, 8 pages) keeps that cost small and bounded while inserts still go in batches,
-- which switching the pending list off (fastupdate = off) would give up.
-- Changing the setting takes a SHARE UPDATE EXCLUSIVE lock: reads and writes of items go on.
ALTER INDEX items_name_trgm_idx SET (gin_pending_list_limit = 64);
ALTER INDEX items_description_trgm_idx SET (gin_pending_list_limit = 64);
ALTER INDEX tags_name_trgm_idx SET (gin_pending_list_limit = 64);

-- What is pending now is merged at once rather than at the next autovacuum.
SELECT gin_clean_pending_list('items_name_trgm_idx'::regclass),
       gin_clean_pending_list('items_description_trgm_idx'::regclass),
       gin_clean_pending_list('tags_name_trgm_idx'::regclass);

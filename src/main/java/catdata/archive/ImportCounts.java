package catdata.archive;

/** What an import wrote: the body of its answer. */
record ImportCounts(long containers, long tags, long items, long photos) {
}

package catdata.tag;

/** A tag and the number of items that carry it. */
record TagWithCount(Tag tag, long itemCount) {
}

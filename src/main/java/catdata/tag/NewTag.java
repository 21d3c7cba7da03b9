package catdata.tag;

/** The body of {@code POST /api/tag}; any other field is ignored. */
record NewTag(String name) {
}

package catdata.household;

/** {@code {"name"}}: a household's name, or the caller's display name. */
record NameRequest(String name) {
}

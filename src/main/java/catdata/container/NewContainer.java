package catdata.container;

/** The body of {@code POST /api/container}; any other field is ignored. */
record NewContainer(String name, String description) {
}

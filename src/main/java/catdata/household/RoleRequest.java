package catdata.household;

/** {@code {"role"}}: {@code owner}, {@code editor} or {@code viewer}. */
record RoleRequest(String role) {
}

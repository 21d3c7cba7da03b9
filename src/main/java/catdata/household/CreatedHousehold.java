package catdata.household;

/** {@code POST /api/household}: the new household, the caller its owner. */
record CreatedHousehold(long id, String name, String role) {
}

package catdata.household;

/** A member of a household: who (the token's sub and their display name, if they gave one) and their role. */
record Member(String sub, String name, String role) {
}

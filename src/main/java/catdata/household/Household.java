package catdata.household;

/** A household as one member sees it: with their role, whether it is their default, how many members it has. */
record Household(long id, String name, String role, boolean isDefault, long memberCount) {
}

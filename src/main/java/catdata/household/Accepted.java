package catdata.household;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code POST /api/invitation/accept}: the household joined and the role in it. */
record Accepted(@JsonProperty("household_id") long householdId, String role) {
}

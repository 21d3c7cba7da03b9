package catdata.household;

import java.util.List;

/** {@code GET /api/household/{id}}: the household with the caller's role and every member. */
record HouseholdDetails(long id, String name, String role, List<Member> members) {
}

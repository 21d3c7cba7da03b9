package catdata.household;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code GET /api/me}: who the caller is, their default household and every household they belong to. */
record MeResponse(
        String sub,
        String name,
        @JsonProperty("default_household_id") long defaultHouseholdId,
        List<Membership> households) {

    record Membership(long id, String name, String role) {
    }
}

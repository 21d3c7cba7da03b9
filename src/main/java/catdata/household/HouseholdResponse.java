package catdata.household;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A household in {@code GET /api/households}. */
record HouseholdResponse(
        long id,
        String name,
        String role,
        @JsonProperty("is_default") boolean isDefault,
        @JsonProperty("member_count") long memberCount) {

    static HouseholdResponse of(Household household) {
        return new HouseholdResponse(household.id(), household.name(), household.role(), household.isDefault(),
                household.memberCount());
    }
}

package catdata.household;

import org.springframework.stereotype.Component;

import catdata.owner.Caller;
import catdata.owner.HouseholdNotFound;
import catdata.owner.Role;
import catdata.owner.RoleRequired;

/**
 * The caller's role in a household, checked afresh: a non-member finds none (404), a non-owner may
 * not manage it (403).
 */
@Component
class HouseholdAccess {

    private final HouseholdRepository households;

    HouseholdAccess(HouseholdRepository households) {
        this.households = households;
    }

    Role roleIn(Caller caller, long household) {
        return households.find(caller.sub(), household).map(found -> Role.of(found.role()))
                .orElseThrow(HouseholdNotFound::new);
    }

    void requireOwner(Caller caller, long household) {
        Role role = roleIn(caller, household);
        if (role != Role.OWNER) {
            throw new RoleRequired(Role.OWNER, role);
        }
    }
}

package catdata.household;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import catdata.owner.Caller;
import catdata.owner.HouseholdNotFound;

/** The caller's households: listing, making, switching the default. Membership decides what is found. */
@Service
class HouseholdService {

    private final HouseholdRepository households;

    HouseholdService(HouseholdRepository households) {
        this.households = households;
    }

    @Transactional(readOnly = true)
    MeResponse me(Caller caller) {
        HouseholdRepository.User user = households.user(caller.sub());
        List<MeResponse.Membership> memberships = households.findAll(caller.sub()).stream()
                .map(household -> new MeResponse.Membership(household.id(), household.name(), household.role()))
                .toList();
        return new MeResponse(user.sub(), user.name(), user.defaultHousehold(), memberships);
    }

    @Transactional
    MeResponse rename(Caller caller, NameRequest request) {
        households.rename(caller.sub(), HouseholdNames.of(request.name()));
        return me(caller);
    }

    List<Household> list(Caller caller) {
        return households.findAll(caller.sub());
    }

    @Transactional
    CreatedHousehold create(Caller caller, NameRequest request) {
        String name = HouseholdNames.of(request.name());
        return new CreatedHousehold(households.create(caller.sub(), name), name, "owner");
    }

    @Transactional(readOnly = true)
    HouseholdDetails get(Caller caller, long id) {
        Household household = households.find(caller.sub(), id).orElseThrow(HouseholdNotFound::new);
        return new HouseholdDetails(household.id(), household.name(), household.role(),
                households.members(caller.sub(), id));
    }

    void makeDefault(Caller caller, long id) {
        if (!households.makeDefault(caller.sub(), id)) {
            throw new HouseholdNotFound();
        }
    }
}

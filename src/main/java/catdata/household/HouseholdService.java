package catdata.household;

import java.util.List;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import catdata.owner.Caller;
import catdata.owner.HouseholdNotFound;
import catdata.owner.Role;
import catdata.owner.RoleRequired;

/**
 * The caller's households: listing, making, renaming, deleting, switching the default, and their
 * members. Membership decides what is found; an owner manages.
 */
@Service
class HouseholdService {

    private final HouseholdRepository households;
    private final Members members;
    private final HouseholdAccess access;

    HouseholdService(HouseholdRepository households, Members members, HouseholdAccess access) {
        this.households = households;
        this.members = members;
        this.access = access;
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

    @Transactional
    HouseholdDetails rename(Caller caller, long id, NameRequest request) {
        String name = HouseholdNames.of(request.name());
        access.requireOwner(caller, id);
        households.renameHousehold(id, name);
        return get(caller, id);
    }

    @Transactional
    void delete(Caller caller, long id) {
        access.requireOwner(caller, id);
        try {
            households.deleteHousehold(id);
        } catch (DataIntegrityViolationException e) {
            throw new HouseholdNotEmpty();
        }
    }

    /** An owner changes a member's role; the last owner cannot stop being one. */
    @Transactional
    Member setRole(Caller caller, long id, String sub, RoleRequest request) {
        Role role = RoleNames.of(request.role());
        access.requireOwner(caller, id);
        members.lock(id);
        Role current = members.role(id, sub).map(Role::of).orElseThrow(MemberNotFound::new);
        if (current == Role.OWNER && role != Role.OWNER && members.ownersOtherThan(id, sub) == 0) {
            throw new LastOwner();
        }
        members.setRole(id, sub, role.wireName());
        return households.members(caller.sub(), id).stream().filter(member -> member.sub().equals(sub))
                .findFirst().orElseThrow(MemberNotFound::new);
    }

    /** An owner removes a member, or a member leaves; the last owner cannot go. */
    @Transactional
    void removeMember(Caller caller, long id, String sub) {
        Role callerRole = access.roleIn(caller, id);
        if (!sub.equals(caller.sub()) && callerRole != Role.OWNER) {
            throw new RoleRequired(Role.OWNER, callerRole);
        }
        members.lock(id);
        Role current = members.role(id, sub).map(Role::of).orElseThrow(MemberNotFound::new);
        if (current == Role.OWNER && members.ownersOtherThan(id, sub) == 0) {
            throw new LastOwner();
        }
        members.remove(id, sub);
    }

    void makeDefault(Caller caller, long id) {
        if (!households.makeDefault(caller.sub(), id)) {
            throw new HouseholdNotFound();
        }
    }
}

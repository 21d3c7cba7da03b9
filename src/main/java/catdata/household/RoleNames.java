package catdata.household;

import catdata.error.InvalidInput;
import catdata.owner.Role;

/** A role as a request names it: {@code owner}, {@code editor} or {@code viewer}, nothing else. */
final class RoleNames {

    private RoleNames() {
    }

    static Role of(String name) {
        for (Role role : Role.values()) {
            if (role.wireName().equals(name)) {
                return role;
            }
        }
        throw new InvalidInput("Role must be owner, editor or viewer.");
    }
}

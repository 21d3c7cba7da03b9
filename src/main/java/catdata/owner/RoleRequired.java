package catdata.owner;

import org.springframework.http.HttpStatus;

import catdata.error.ApiException;

/** A member whose role does not allow what they asked for; the message names the role needed. */
public final class RoleRequired extends ApiException {

    public RoleRequired(Role needed, Role held) {
        super(HttpStatus.FORBIDDEN, "This needs the " + needed.wireName() + " role in this household (yours is "
                + held.wireName() + ").");
    }
}

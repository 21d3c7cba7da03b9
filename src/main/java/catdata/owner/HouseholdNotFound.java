package catdata.owner;

import org.springframework.http.HttpStatus;

import catdata.error.ApiException;

/** No such household, or one the caller is not a member of: the two are told apart to nobody. */
public final class HouseholdNotFound extends ApiException {

    public HouseholdNotFound() {
        super(HttpStatus.NOT_FOUND, "Household not found");
    }
}

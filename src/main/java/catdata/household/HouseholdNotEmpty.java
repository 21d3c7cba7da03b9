package catdata.household;

import org.springframework.http.HttpStatus;

import catdata.error.ApiException;

/** A household still holding containers, tags, items or photos is not deleted with them. */
final class HouseholdNotEmpty extends ApiException {

    HouseholdNotEmpty() {
        super(HttpStatus.CONFLICT, "The household still holds containers, tags, items or photos.");
    }
}

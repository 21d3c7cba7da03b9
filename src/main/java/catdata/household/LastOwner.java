package catdata.household;

import org.springframework.http.HttpStatus;

import catdata.error.ApiException;

/** A change that would leave a household with nobody to manage it. */
final class LastOwner extends ApiException {

    LastOwner() {
        super(HttpStatus.CONFLICT, "A household needs an owner: make another member an owner first.");
    }
}

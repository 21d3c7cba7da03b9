package catdata.household;

import org.springframework.http.HttpStatus;

import catdata.error.ApiException;

final class MemberNotFound extends ApiException {

    MemberNotFound() {
        super(HttpStatus.NOT_FOUND, "Member not found.");
    }
}

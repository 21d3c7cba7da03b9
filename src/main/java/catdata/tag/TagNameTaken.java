package catdata.tag;

import org.springframework.http.HttpStatus;

import catdata.error.ApiException;

final class TagNameTaken extends ApiException {
    TagNameTaken() {
        super(HttpStatus.CONFLICT, "Tag name must be unique.");
    }
}

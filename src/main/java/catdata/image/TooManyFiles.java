package catdata.image;

import org.springframework.http.HttpStatus;

import catdata.error.ApiException;

final class TooManyFiles extends ApiException {
    TooManyFiles() {
        super(HttpStatus.BAD_REQUEST, "Upload one file at a time, in the field 'file'.");
    }
}

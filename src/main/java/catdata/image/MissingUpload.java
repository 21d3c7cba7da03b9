package catdata.image;

import org.springframework.http.HttpStatus;

import catdata.error.ApiException;

final class MissingUpload extends ApiException {
    MissingUpload() {
        super(HttpStatus.BAD_REQUEST, "Missing file to upload.");
    }
}

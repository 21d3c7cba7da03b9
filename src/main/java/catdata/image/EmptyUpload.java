package catdata.image;

import org.springframework.http.HttpStatus;

import catdata.web.ApiException;

final class EmptyUpload extends ApiException {
    EmptyUpload() {
        super(HttpStatus.BAD_REQUEST, "The uploaded file is empty.");
    }
}

package catdata.image;

import org.springframework.http.HttpStatus;

import catdata.error.ApiException;

final class ImageNotFound extends ApiException {
    ImageNotFound() {
        super(HttpStatus.NOT_FOUND, "Image not found.");
    }
}

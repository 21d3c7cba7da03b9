package catdata.image;

import org.springframework.http.HttpStatus;

import catdata.web.ApiException;

final class ImageNotFound extends ApiException {
    ImageNotFound() {
        super(HttpStatus.NOT_FOUND, "Image not found.");
    }
}

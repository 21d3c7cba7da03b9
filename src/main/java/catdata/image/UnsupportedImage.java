package catdata.image;

import org.springframework.http.HttpStatus;

import catdata.web.ApiException;

final class UnsupportedImage extends ApiException {
    UnsupportedImage() {
        super(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Only JPG, PNG and WebP files are allowed.");
    }
}

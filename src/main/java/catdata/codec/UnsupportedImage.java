package catdata.codec;

import org.springframework.http.HttpStatus;

import catdata.error.ApiException;

public final class UnsupportedImage extends ApiException {
    public UnsupportedImage() {
        super(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Only JPG, PNG and WebP files are allowed.");
    }
}

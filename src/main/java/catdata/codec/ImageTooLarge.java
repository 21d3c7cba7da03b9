package catdata.codec;

import org.springframework.http.HttpStatus;

import catdata.error.ApiException;

final class ImageTooLarge extends ApiException {
    ImageTooLarge(long maxPixels) {
        super(HttpStatus.CONTENT_TOO_LARGE, "Image dimensions too large (max " + maxPixels / 1_000_000 + " megapixels).");
    }
}

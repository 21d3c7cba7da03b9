package catdata.codec;

import org.springframework.http.HttpStatus;

import catdata.error.ApiException;

/** A photo whose decoding alone would need more memory than every decode together may take. */
final class TooCostlyToDecode extends ApiException {
    TooCostlyToDecode(long maxDecodeBytes) {
        super(HttpStatus.CONTENT_TOO_LARGE, "Image needs too much memory to decode (max "
                + maxDecodeBytes / (1024 * 1024) + " MB); try a smaller or sequential (non-progressive) one.");
    }
}

package catdata.codec;

import org.springframework.http.HttpStatus;

import catdata.error.ApiException;

/**
 * An animation with more frames, or a JPEG with more scans, than a photo needs: each costs a pass
 * of the decoder, so thousands of tiny ones in a small file would be work out of all proportion.
 */
final class TooManyParts extends ApiException {

    static final int MAX_FRAMES = 1000;
    static final int MAX_JPEG_SCANS = 100;

    TooManyParts() {
        super(HttpStatus.CONTENT_TOO_LARGE, "Image has too many parts to decode (at most " + MAX_FRAMES
                + " animation frames, " + MAX_JPEG_SCANS + " JPEG scans).");
    }
}

package catdata.codec;

import catdata.error.ServiceUnavailable;

/** Too many photos are being decoded at once (uploads checked, thumbnails made) for this one to wait its turn. */
final class DecodersBusy extends ServiceUnavailable {
    DecodersBusy() {
        super("Photos are being processed; try again shortly.");
    }
}

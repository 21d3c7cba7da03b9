package catdata.image;

import catdata.web.ServiceUnavailable;

/** Too many thumbnails are being made at once for this one to wait its turn. */
final class ThumbnailsBusy extends ServiceUnavailable {
    ThumbnailsBusy() {
        super("Thumbnails are being made; try again shortly.");
    }
}

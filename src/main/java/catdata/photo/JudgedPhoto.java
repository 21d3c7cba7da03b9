package catdata.photo;

import catdata.codec.ImageFormat;
import catdata.storage.StagedImage;

/**
 * Photo bytes that passed {@link PhotoIntake#judge}: staged, measured and hashed, with the name they
 * will be stored under. Closing it removes the staged file if it was never published.
 */
public record JudgedPhoto(StagedImage staged, ImageFormat format, int width, int height, String name)
        implements AutoCloseable {

    public long size() {
        return staged.size();
    }

    public String sha256() {
        return staged.sha256();
    }

    public String contentType() {
        return format.contentType();
    }

    @Override
    public void close() {
        staged.close();
    }
}

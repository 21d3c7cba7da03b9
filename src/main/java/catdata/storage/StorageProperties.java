package catdata.storage;

import java.nio.file.Path;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import catdata.config.InvalidConfigurationException;

/**
 * Which store keeps the photos ({@code PHOTO_STORE}: {@code filesystem} or {@code s3}, see
 * {@link S3Properties}), where photo files live with the file system store ({@code IMAGES_DIR}),
 * and where the web server buffers uploads while it receives them ({@code DATA_DIR/uploads}: private
 * to the service, and never inside {@code IMAGES_DIR}, because the web server creates missing
 * directories and a missing photo directory must stay missing). The S3 store stages uploads there too.
 */
@ConfigurationProperties("catdata.storage")
public record StorageProperties(@DefaultValue("filesystem") String photoStore, @DefaultValue("./images") Path imagesDir,
        @DefaultValue("./data/uploads") Path uploadBuffers) {

    /** The stores {@code PHOTO_STORE} may name. */
    enum Kind {
        FILESYSTEM, S3
    }

    public StorageProperties {
        kindOf(photoStore);
    }

    /** Whether photos are files in {@code IMAGES_DIR} (and not objects in a bucket). */
    public boolean keepsPhotosInImagesDir() {
        return kind() == Kind.FILESYSTEM;
    }

    Kind kind() {
        return kindOf(photoStore);
    }

    private static Kind kindOf(String photoStore) {
        String name = photoStore == null ? "" : photoStore.strip().toLowerCase(Locale.ROOT);
        return switch (name) {
            // Set but empty, as a container's environment passes on an unset variable: the default.
            case "filesystem", "" -> Kind.FILESYSTEM;
            case "s3" -> Kind.S3;
            default -> throw new InvalidConfigurationException(
                    "PHOTO_STORE must be filesystem or s3, not '" + photoStore + "'");
        };
    }
}

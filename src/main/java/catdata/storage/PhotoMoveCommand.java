package catdata.storage;

import java.nio.file.Path;
import java.util.Map;

import org.slf4j.LoggerFactory;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.support.DefaultConversionService;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;

import catdata.config.InvalidConfigurationException;

/**
 * The move of a file system store's photos into a bucket ({@link PhotoMove}), as a command of its own:
 * {@code java -cp <the service's class path> catdata.storage.PhotoMoveCommand}. It starts no web
 * server and opens no database: it needs only {@code IMAGES_DIR} and the {@code S3_*} settings (and
 * the AWS SDK's credentials), read from the environment as the service reads them. Exits 0 when every
 * file is in the bucket and checked; otherwise 1, with one line saying why.
 */
public final class PhotoMoveCommand {

    private PhotoMoveCommand() {
    }

    public static void main(String[] args) {
        // Without Spring Boot, logback would print the SDK's debug lines; only our own lines matter here.
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        try {
            run(System.getenv());
        } catch (InvalidConfigurationException | PhotoMove.Failed e) {
            System.err.println("Photos not moved: " + e.getMessage());
            System.exit(1);
        }
        System.exit(0);
    }

    /** Read as the service reads it (Spring's conversion: true/false, yes/no, on/off, 1/0), so both address one bucket. */
    private static Boolean pathStyle(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return DefaultConversionService.getSharedInstance().convert(value.strip(), Boolean.class);
        } catch (ConversionException e) {
            throw new InvalidConfigurationException("S3_PATH_STYLE must be true or false, not '" + value + "'");
        }
    }

    static PhotoMove.Summary run(Map<String, String> environment) {
        String images = environment.getOrDefault("IMAGES_DIR", "");
        Path directory = Path.of(images.isBlank() ? "./images" : images);
        S3Location location = new S3Properties(environment.get("S3_BUCKET"), environment.get("S3_PREFIX"),
                environment.get("S3_REGION"), environment.get("S3_ENDPOINT"),
                pathStyle(environment.get("S3_PATH_STYLE"))).location();
        try (S3Connection s3 = new S3Connection(location)) {
            if (!s3.hasCredentials()) {
                throw new InvalidConfigurationException("no AWS credentials were found (set AWS_ACCESS_KEY_ID and "
                        + "AWS_SECRET_ACCESS_KEY, or AWS_PROFILE)");
            }
            return new PhotoMove(directory, location, s3.photos(), System.out).run();
        }
    }
}

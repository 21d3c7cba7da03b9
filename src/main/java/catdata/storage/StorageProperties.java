package catdata.storage;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where photo files live ({@code IMAGES_DIR}), and where the web server buffers uploads while it
 * receives them ({@code DATA_DIR/uploads}: private to the service, and never inside
 * {@code IMAGES_DIR}, because the web server creates missing directories and a missing photo
 * directory must stay missing).
 */
@ConfigurationProperties("catdata.storage")
public record StorageProperties(@DefaultValue("./images") Path imagesDir, @DefaultValue("./data/uploads") Path uploadBuffers) {
}

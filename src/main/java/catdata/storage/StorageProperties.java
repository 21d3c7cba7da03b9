package catdata.storage;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where photo files live ({@code IMAGES_DIR}). */
@ConfigurationProperties("catdata.storage")
record StorageProperties(@DefaultValue("./images") Path imagesDir) {
}

package catdata.adoption;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Taking over a database of the original cat-data: {@code LEGACY_OWNER}, the user whose personal
 * household receives everything (unless shared mode puts it in the shared household);
 * {@code LEGACY_IMAGES_DIR}, the original's photo folder, only ever read; {@code ADOPT_DRY_RUN},
 * report what would be adopted and stop.
 */
@ConfigurationProperties("catdata.adoption")
record AdoptionProperties(
        @DefaultValue("") String owner,
        @DefaultValue("./images") Path imagesDir,
        @DefaultValue("false") boolean dryRun) {

    AdoptionProperties {
        owner = owner.strip();
    }

    boolean hasOwner() {
        return !owner.isEmpty();
    }
}

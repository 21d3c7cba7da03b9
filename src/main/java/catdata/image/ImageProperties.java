package catdata.image;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import catdata.startup.InvalidConfigurationException;

/** Limits on uploaded photos ({@code MAX_UPLOAD_SIZE}, {@code MAX_IMAGE_PIXELS}). */
@Validated
@ConfigurationProperties("catdata.images")
record ImageProperties(
        @NotNull @DefaultValue("10MB") DataSize maxUploadSize,
        @Min(1) @DefaultValue("50000000") long maxPixels) {

    ImageProperties {
        if (maxUploadSize != null && maxUploadSize.toBytes() <= 0) {
            throw new InvalidConfigurationException("MAX_UPLOAD_SIZE must be positive, not " + maxUploadSize);
        }
    }
}

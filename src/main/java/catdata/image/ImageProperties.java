package catdata.image;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/** Limits on uploaded photos ({@code MAX_UPLOAD_SIZE}, {@code MAX_IMAGE_PIXELS}). */
@Validated
@ConfigurationProperties("catdata.images")
record ImageProperties(
        @NotNull @DefaultValue("10MB") DataSize maxUploadSize,
        @Min(1) @DefaultValue("50000000") long maxPixels) {
}

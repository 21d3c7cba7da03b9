package catdata.image;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import catdata.startup.InvalidConfigurationException;

/**
 * Limits on uploaded photos ({@code MAX_UPLOAD_SIZE}, {@code MAX_IMAGE_PIXELS}), on the memory all
 * decoding may take at once ({@code MAX_DECODE_MEMORY}) and how many decodes run at once
 * ({@code DECODES_AT_ONCE}; see {@link DecodeBudget}), and how long a
 * deleted photo's file is kept for the downloads already under way ({@link PhotoFileRemovals}).
 */
@Validated
@ConfigurationProperties("catdata.images")
record ImageProperties(
        @NotNull @DefaultValue("10MB") DataSize maxUploadSize,
        @Min(1) @DefaultValue("50000000") long maxPixels,
        @NotNull @DefaultValue("60s") Duration fileRemovalDelay,
        @NotNull @DefaultValue("128MB") DataSize maxDecodeMemory,
        @Min(1) @DefaultValue("2") int decodesAtOnce) {

    ImageProperties {
        if (maxUploadSize != null && maxUploadSize.toBytes() <= 0) {
            throw new InvalidConfigurationException("MAX_UPLOAD_SIZE must be positive, not " + maxUploadSize);
        }
        if (maxDecodeMemory != null && maxDecodeMemory.toBytes() < DataSize.ofMegabytes(1).toBytes()) {
            throw new InvalidConfigurationException("MAX_DECODE_MEMORY must be at least 1MB, not " + maxDecodeMemory);
        }
        if (fileRemovalDelay != null && fileRemovalDelay.isNegative()) {
            throw new InvalidConfigurationException("catdata.images.file-removal-delay must not be negative");
        }
    }
}

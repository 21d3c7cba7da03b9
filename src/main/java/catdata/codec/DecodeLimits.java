package catdata.codec;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import catdata.config.InvalidConfigurationException;

/**
 * What a photo may cost to decode: at most {@code MAX_IMAGE_PIXELS} declared pixels, and together
 * at most {@code MAX_DECODE_MEMORY} for {@code DECODES_AT_ONCE} decodes at a time (see
 * {@link DecodeBudget}). Bound under {@code catdata.images} with the photo feature's other limits,
 * where operators set them.
 */
@Validated
@ConfigurationProperties("catdata.images")
public record DecodeLimits(
        @Min(1) @DefaultValue("50000000") long maxPixels,
        @NotNull @DefaultValue("128MB") DataSize maxDecodeMemory,
        @Min(1) @DefaultValue("2") int decodesAtOnce) {

    public DecodeLimits {
        if (maxDecodeMemory != null && maxDecodeMemory.toBytes() < DataSize.ofMegabytes(1).toBytes()) {
            throw new InvalidConfigurationException("MAX_DECODE_MEMORY must be at least 1MB, not " + maxDecodeMemory);
        }
    }
}

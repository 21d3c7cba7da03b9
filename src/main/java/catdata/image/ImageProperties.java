package catdata.image;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import catdata.config.InvalidConfigurationException;

/**
 * The largest upload ({@code MAX_UPLOAD_SIZE}), and how long a deleted photo's file is kept for the
 * downloads already under way ({@link PhotoFileRemovals}), and how old an object no row names must be
 * before {@link PhotoOrphanSweep} removes it ({@code PHOTO_ORPHAN_GRACE}). What a photo may cost to decode is the
 * codecs' own setting, {@link catdata.codec.DecodeLimits}, under the same prefix.
 */
@Validated
@ConfigurationProperties("catdata.images")
record ImageProperties(
        @NotNull @DefaultValue("10MB") DataSize maxUploadSize,
        @NotNull @DefaultValue("60s") Duration fileRemovalDelay,
        @NotNull @DefaultValue("1h") Duration orphanGrace) {

    ImageProperties {
        if (maxUploadSize != null && maxUploadSize.toBytes() <= 0) {
            throw new InvalidConfigurationException("MAX_UPLOAD_SIZE must be positive, not " + maxUploadSize);
        }
        if (fileRemovalDelay != null && fileRemovalDelay.isNegative()) {
            throw new InvalidConfigurationException("catdata.images.file-removal-delay must not be negative");
        }
        if (orphanGrace != null && (orphanGrace.isNegative() || orphanGrace.isZero())) {
            throw new InvalidConfigurationException("PHOTO_ORPHAN_GRACE must be a positive duration, such as 1h or 30m");
        }
    }
}

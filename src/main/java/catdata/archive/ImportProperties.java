package catdata.archive;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import catdata.config.InvalidConfigurationException;
import catdata.error.DataSizes;

/**
 * What an imported archive may hold: {@code maxSize} bytes once uncompressed ({@code MAX_IMPORT_SIZE},
 * counted as they are inflated, never taken from the archive's headers), {@code maxEntries} files
 * ({@code MAX_IMPORT_ENTRIES}), {@code maxRows} containers, tags, photos and items together
 * ({@code MAX_IMPORT_ROWS}), and photos of at most {@code maxPhotoSize} each, the upload's limit
 * ({@code MAX_UPLOAD_SIZE}).
 */
@Validated
@ConfigurationProperties("catdata.import")
record ImportProperties(
        @NotNull @DefaultValue("2GB") DataSize maxSize,
        @DefaultValue("50000") int maxEntries,
        @DefaultValue("1000000") int maxRows,
        @NotNull @DefaultValue("10MB") DataSize maxPhotoSize) {

    /** The most an entry may inflate to, per byte stored: more is taken for a zip bomb. */
    static final int MAX_RATIO = 100;

    /**
     * What the zip's own bookkeeping may add per entry to the upload (its headers twice, and a data
     * descriptor), generously: our entries' names are under 100 characters.
     */
    private static final long FRAMING_PER_ENTRY = 1024;

    /**
     * The central directory's bytes allowed per entry on average. {@link java.util.zip.ZipFile} reads
     * the whole directory into one array before it can be checked, so its size is checked first.
     */
    private static final long DIRECTORY_BYTES_PER_ENTRY = 512;

    ImportProperties {
        if (maxSize != null && maxSize.toBytes() <= 0) {
            throw new InvalidConfigurationException("MAX_IMPORT_SIZE must be positive, not " + maxSize);
        }
        if (maxEntries <= 0) {
            throw new InvalidConfigurationException("MAX_IMPORT_ENTRIES must be positive, not " + maxEntries);
        }
        if (maxRows <= 0) {
            throw new InvalidConfigurationException("MAX_IMPORT_ROWS must be positive, not " + maxRows);
        }
        if (maxPhotoSize != null && maxPhotoSize.toBytes() <= 0) {
            throw new InvalidConfigurationException("MAX_UPLOAD_SIZE must be positive, not " + maxPhotoSize);
        }
    }

    /**
     * The largest upload to {@code POST /api/import}: the uncompressed limit (stored entries take as
     * many bytes in the zip; deflating incompressible photos adds a fraction of a percent) plus the
     * zip's bookkeeping for as many entries as are allowed.
     */
    long maxUpload() {
        long bytes = maxSize.toBytes();
        return bytes + bytes / 256 + FRAMING_PER_ENTRY * maxEntries;
    }

    long maxCentralDirectory() {
        return DIRECTORY_BYTES_PER_ENTRY * maxEntries;
    }

    String describeMaxSize() {
        return DataSizes.format(maxSize);
    }

    String describeMaxPhotoSize() {
        return DataSizes.format(maxPhotoSize);
    }
}

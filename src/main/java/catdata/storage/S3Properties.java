package catdata.storage;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;

import software.amazon.awssdk.regions.Region;

import catdata.config.InvalidConfigurationException;

/**
 * The bucket photos go to with {@code PHOTO_STORE=s3}, as set: {@code S3_BUCKET}, {@code S3_PREFIX},
 * {@code S3_REGION}, {@code S3_ENDPOINT} (anything but AWS) and {@code S3_PATH_STYLE}. Checked only
 * when that store is chosen ({@link #location()}), so they may stay set while photos are on disk.
 * Credentials are not settings of ours: the AWS SDK's default chain finds them.
 */
@ConfigurationProperties("catdata.storage.s3")
record S3Properties(String bucket, String prefix, String region, String endpoint, Boolean pathStyle) {

    static final String DEFAULT_REGION = "us-east-1";

    /**
     * S3's rules for names, loosely (buckets made in us-east-1 before 2018 may hold capitals and
     * underscores): enough to catch a URL or a path given instead of a name.
     */
    private static final Pattern USER_PART = Pattern.compile("//.*@");
    private static final Pattern BUCKET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,253}[A-Za-z0-9]");
    private static final Pattern REGION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** The characters S3 calls safe in a key; anything else is spelled differently by different tools. */
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9!_.*'()/-]*");

    /** The settings checked and made plain; a wrong one stops start-up with a line naming it. */
    S3Location location() {
        Optional<URI> endpointUri = endpointUri();
        return new S3Location(checkedBucket(), checkedPrefix(), checkedRegion(), endpointUri,
                pathStyle != null ? pathStyle : endpointUri.isPresent());
    }

    private String checkedBucket() {
        if (isBlank(bucket)) {
            throw new InvalidConfigurationException("S3_BUCKET is required when PHOTO_STORE=s3");
        }
        String name = bucket.strip();
        if (!BUCKET.matcher(name).matches()) {
            throw new InvalidConfigurationException("S3_BUCKET must be a bucket's name, such as catdata-photos, not '"
                    + bucket + "' (a key prefix goes into S3_PREFIX, the service's address into S3_ENDPOINT)");
        }
        return name;
    }

    /** Without slashes at either end, then one at the end: {@code photos}, {@code /photos/} are {@code photos/}. */
    private String checkedPrefix() {
        if (isBlank(prefix)) {
            return "";
        }
        String trimmed = prefix.strip().replaceAll("^/+|/+$", "");
        boolean oddSegment = Arrays.stream(trimmed.split("/", -1))
                .anyMatch(segment -> segment.isEmpty() || segment.equals(".") || segment.equals(".."));
        if (!PREFIX.matcher(trimmed).matches() || (!trimmed.isEmpty() && oddSegment)) {
            throw new InvalidConfigurationException("S3_PREFIX may hold letters, digits and ! _ . * ' ( ) - separated "
                    + "by single slashes (no . or .. between them), not '" + prefix + "'");
        }
        return trimmed.isEmpty() ? "" : trimmed + "/";
    }

    private Region checkedRegion() {
        String name = isBlank(region) ? DEFAULT_REGION : region.strip();
        if (!REGION.matcher(name).matches()) {
            throw new InvalidConfigurationException("S3_REGION must be a region's name, such as eu-west-1, not '"
                    + region + "'");
        }
        return Region.of(name);
    }

    private Optional<URI> endpointUri() {
        if (isBlank(endpoint)) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(endpoint.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme();
            boolean bare = uri.getRawUserInfo() == null && uri.getRawQuery() == null && uri.getRawFragment() == null
                    && (uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"));
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && bare) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException e) {
            // Refused below, with the others.
        }
        throw new InvalidConfigurationException("S3_ENDPOINT must be the http:// or https:// address of the S3 "
                + "service, such as https://s3.example.com or http://127.0.0.1:9000 (no path, no user or key in it), "
                + "not '" + withoutSecrets(endpoint) + "'");
    }

    /**
     * The value as it may be printed: a user part ({@code https://KEY:SECRET@host}) or a query (a
     * presigned address's signature) may hold a secret, and the line goes to the log.
     */
    static String withoutSecrets(String value) {
        return USER_PART.matcher(value.split("[?#]", 2)[0]).replaceFirst("//***@");
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}

package catdata.storage;

import java.net.URI;
import java.util.Optional;

import software.amazon.awssdk.regions.Region;

/**
 * Where the S3 store keeps photos, its settings checked: each photo is the object
 * {@code prefix + name} in {@code bucket} ({@code prefix} is empty or ends with a slash).
 */
record S3Location(String bucket, String prefix, Region region, Optional<URI> endpoint, boolean pathStyle) {

    String key(String name) {
        return prefix + name;
    }

    /** The same on every instance with these settings, whatever address each reaches the service by. */
    String describe() {
        return "s3://" + bucket + "/" + prefix;
    }
}

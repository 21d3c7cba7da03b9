package catdata.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import software.amazon.awssdk.regions.Region;

import catdata.config.InvalidConfigurationException;

/** The S3 settings as an operator writes them, made plain, and the wrong ones refused by name. */
class S3PropertiesTest {

    @Test
    void onAwsOnlyTheBucketIsNeededAndVirtualHostStyleIsUsed() {
        S3Location location = new S3Properties("catdata-photos", null, null, null, null).location();

        assertThat(location).isEqualTo(new S3Location("catdata-photos", "", Region.US_EAST_1, Optional.empty(), false));
        assertThat(location.key("a.jpg")).isEqualTo("a.jpg");
        assertThat(location.describe()).isEqualTo("s3://catdata-photos/");
    }

    @Test
    void withAnEndpointPathStyleIsTheDefaultAndCanBeTurnedOff() {
        S3Location minio = new S3Properties("photos", "", "eu-central-1", "http://minio:9000", null).location();
        S3Location virtualHosts = new S3Properties("photos", "", "auto", "https://x.r2.example", false).location();

        assertThat(minio.endpoint()).contains(URI.create("http://minio:9000"));
        assertThat(minio.pathStyle()).isTrue();
        assertThat(minio.region()).isEqualTo(Region.EU_CENTRAL_1);
        assertThat(virtualHosts.pathStyle()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"photos, photos/", "/photos/, photos/", "cat-data/photos, cat-data/photos/", "'  ', ''", "/, ''"})
    void aPrefixIsAFolder(String prefix, String expected) {
        assertThat(new S3Properties("photos", prefix, null, null, null).location().prefix()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a//b", "a/../b", "./a", "a b", "ph%20otos", "fotos/ü"})
    void aPrefixThatToolsSpellDifferentlyIsRefused(String prefix) {
        assertRefused(new S3Properties("photos", prefix, null, null, null), "S3_PREFIX may hold");
    }

    @ParameterizedTest
    @ValueSource(strings = {"minio:9000", "ftp://minio", "http://", "http://minio:9000/bucket", "http://u:p@minio",
            "http://minio?x=1", "not a url", "s3.amazonaws.com"})
    void anEndpointThatIsNotTheAddressOfAServiceIsRefused(String endpoint) {
        assertRefused(new S3Properties("photos", null, null, endpoint, null),
                "S3_ENDPOINT must be the http:// or https://");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://AKIDEXAMPLE:wJalr/K7MDENG@bPxRfi@minio:9000",
            "http://minio:9000/?X-Amz-Signature=wJalrK7MDENG", "http://minio:9000/#wJalrK7MDENG"})
    void anEndpointRefusedForHoldingASecretIsNotRepeatedWithIt(String endpoint) {
        assertThatThrownBy(() -> new S3Properties("photos", null, null, endpoint, null).location())
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("S3_ENDPOINT must be the http:// or https://")
                .hasMessageNotContaining("wJalr").hasMessageNotContaining("K7MDENG").hasMessageContaining("minio:9000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3://photos", "photos/2024", "ab", "https://photos.s3.amazonaws.com"})
    void aBucketThatIsNotANameIsRefused(String bucket) {
        assertRefused(new S3Properties(bucket, null, null, null, null), "S3_BUCKET must be a bucket's name");
    }

    @Test
    void noBucketIsRefused() {
        assertRefused(new S3Properties(" ", null, null, "http://minio:9000", null),
                "S3_BUCKET is required when PHOTO_STORE=s3");
    }

    @Test
    void aRegionThatIsNotANameIsRefused() {
        assertRefused(new S3Properties("photos", null, "EU West 1", null, null), "S3_REGION must be a region's name");
    }

    private static void assertRefused(S3Properties settings, String message) {
        assertThatThrownBy(settings::location).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith(message);
    }
}

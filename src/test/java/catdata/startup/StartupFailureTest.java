package catdata.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.NestedExceptionUtils;

import catdata.CatDataApplication;
import catdata.config.InvalidConfigurationException;
import catdata.owner.Owner;
import catdata.support.CatalogueRows;
import catdata.support.RepositoryDatabase;
import catdata.support.TestDatabase;
import catdata.support.TestS3;

/** A wrong setting stops start-up with one line that names it, not a stack trace. */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureTest {

    // Local mode writes its signing key and upload buffers under DATA_DIR, photos under IMAGES_DIR:
    // not in the working tree (./data, ./images) as the defaults would.
    @TempDir
    private static Path workDir;

    @Test
    void anAuth0DomainWithoutAudienceStopsStartUp(CapturedOutput output) {
        assertStartUpFails(Map.of("AUTH0_DOMAIN", "dev-abc123.us.auth0.com"), output,
                "AUTH0_AUDIENCE is required when AUTH0_DOMAIN is set");
    }

    @Test
    void anAuth0DomainOverPlainHttpStopsStartUp(CapturedOutput output) {
        assertStartUpFails(Map.of("AUTH0_DOMAIN", "http://dev-abc123.us.auth0.com", "AUTH0_AUDIENCE", "x"), output,
                "AUTH0_DOMAIN must use https://");
    }

    @Test
    void bothIssuerSettingsStopStartUp(CapturedOutput output) {
        assertStartUpFails(Map.of("AUTH0_DOMAIN", "dev-abc123.us.auth0.com", "OIDC_ISSUER", "https://idp.example",
                "AUTH0_AUDIENCE", "x"), output, "AUTH0_DOMAIN and OIDC_ISSUER are both set; set only one");
    }

    @Test
    void aSettingThatDoesNotParseIsNamedByItsVariable(CapturedOutput output) {
        assertStartUpFails(Map.of("PGPORT", "abc"), output, "PGPORT has an invalid value 'abc'", Exception.class);
    }

    @Test
    void aSettingOutOfRangeIsNamedByItsVariable(CapturedOutput output) {
        assertStartUpFails(Map.of("JWKS_FETCHES_PER_MINUTE", "0"), output,
                "JWKS_FETCHES_PER_MINUTE must be greater than or equal to 1 (got '0')", Exception.class);
    }

    @Test
    void aWildcardCorsOriginStopsStartUp(CapturedOutput output) {
        assertStartUpFails(Map.of("CORS_ORIGINS", "*"), output, "CORS_ORIGINS must list the allowed origins");
    }

    @Test
    void aNegativeUploadLimitStopsStartUp(CapturedOutput output) {
        assertStartUpFails(Map.of("MAX_UPLOAD_SIZE", "-1"), output, "MAX_UPLOAD_SIZE must be positive");
    }

    @Test
    void aPhotoStoreThatDoesNotExistStopsStartUp(CapturedOutput output) {
        assertStartUpFails(Map.of("PHOTO_STORE", "s4"), output, "PHOTO_STORE must be filesystem or s3, not 's4'");
    }

    @Test
    void aGraceForOrphansThatIsNotPositiveStopsStartUp(CapturedOutput output) {
        assertStartUpFails(Map.of("PHOTO_ORPHAN_GRACE", "0s"), output,
                "PHOTO_ORPHAN_GRACE must be a positive duration, such as 1h or 30m");
    }

    @Test
    void theS3StoreWithoutABucketStopsStartUp(CapturedOutput output) {
        assertStartUpFails(Map.of("PHOTO_STORE", "s3", "S3_ENDPOINT", "http://127.0.0.1:9"), output,
                "S3_BUCKET is required when PHOTO_STORE=s3");
    }

    @Test
    void aMalformedS3EndpointStopsStartUp(CapturedOutput output) {
        assertStartUpFails(Map.of("PHOTO_STORE", "s3", "S3_BUCKET", "photos", "S3_ENDPOINT", "minio:9000"), output,
                "S3_ENDPOINT must be the http:// or https:// address of the S3 service");
    }

    @Test
    void aBucketThatRefusesTheCredentialsStopsStartUp(CapturedOutput output) {
        try (TestS3 stranger = TestS3.startKnowing("someone-else", "someone-elses-secret-0123456789")) {
            String bucket = stranger.newBucket();

            assertStartUpFails(Map.of("PHOTO_STORE", "s3", "S3_BUCKET", bucket, "S3_ENDPOINT",
                    stranger.endpoint().toString()), output, "PHOTO_STORE=s3: bucket " + bucket
                            + " refused these credentials (HTTP 403)");
        }
        assertThat(output.getAll()).doesNotContain(TestS3.SECRET_KEY);
    }

    @Test
    void sharedModeOnADatabaseWhosePersonalHouseholdsHoldDataStopsStartUp(CapturedOutput output) {
        Owner someone = RepositoryDatabase.newOwner();
        CatalogueRows.container(someone, "Attic");

        assertStartUpFails(Map.of("SHARED_HOUSEHOLD", "true"), output,
                "SHARED_HOUSEHOLD=true, but");
        assertThat(output.getOut() + output.getErr()).contains("use shared mode with a new database");
    }

    private static void assertStartUpFails(Map<String, Object> settings, CapturedOutput output, String message) {
        assertStartUpFails(settings, output, message, InvalidConfigurationException.class);
    }

    private static void assertStartUpFails(Map<String, Object> settings, CapturedOutput output, String message,
            Class<? extends Throwable> rootCause) {
        SpringApplicationBuilder application = new SpringApplicationBuilder(CatDataApplication.class)
                .properties(Map.of("DATABASE_URL", TestDatabase.jdbcUrl(), "server.port", "0",
                        "OIDC_ISSUER", "", "LOCAL_ISSUER_PORT", "0", "DATA_DIR", workDir.resolve("data").toString(),
                        "IMAGES_DIR", workDir.resolve("images").toString()))
                .properties(settings);

        // A check that runs once the application has started throws its own exception, unwrapped.
        assertThatThrownBy(application::run).satisfies(thrown ->
                assertThat(NestedExceptionUtils.getMostSpecificCause(thrown)).isInstanceOf(rootCause));

        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .contains(message)
                .doesNotContain("\tat catdata.");
    }
}

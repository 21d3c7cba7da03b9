package catdata.adoption;

import static catdata.support.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import catdata.support.ServiceProcess;
import catdata.support.TestApp;
import catdata.support.TestIssuer;
import catdata.support.TestPhotos;

/**
 * The adoption as an operator meets it, the service in a process of its own: a dry run that
 * reports and exits 0, and a takeover killed ({@code kill -9}) in the middle, after which the
 * database is as it was and the next start removes the copied files and adopts everything.
 */
@ExtendWith(OutputCaptureExtension.class)
class AdoptionProcessTest {

    private static final TestIssuer ISSUER = AdoptionTest.ISSUER;

    @TempDir
    private Path workDir;

    @Test
    void aDryRunReportsWhatItWouldAdoptExitsZeroAndChangesNothing() {
        OriginalCatData original = OriginalCatData.create();
        long box = original.container("Box", "");
        original.container("BOX", "");
        original.item("Lamp", "brass", box, original.photo("lamp.jpg", TestPhotos.cameraJpeg(64, 48)));
        long broken = original.photo("broken.png", new byte[] {1, 2, 3});
        Map<String, String> before = original.state();
        List<String> folder = original.photoFolderContents();
        Path images = TestApp.newDirectory("catdata-adopted-images");

        try (ServiceProcess dryRun = ServiceProcess.launch(workDir, settings(original, images,
                Map.of("ADOPT_DRY_RUN", "true")))) {
            assertThat(dryRun.awaitExit(Duration.ofSeconds(120))).as(dryRun.logTail()).isZero();
            assertThat(dryRun.log()).as(dryRun.logTail()).contains("Dry run (ADOPT_DRY_RUN=true), nothing changed: would adopt the original "
                    + "cat-data database into (no household: set LEGACY_OWNER or SHARED_HOUSEHOLD=true): 3 containers, "
                    + "0 tags, 1 items, 0 item-tag links (0 duplicates folded), 1 photos; 2 problems: container 3 'BOX' "
                    + "renamed 'BOX (2)'", "photo " + broken + " (", "broken.png) dropped")
                    .doesNotContain("APPLICATION FAILED TO START", "\tat ");
        }

        assertThat(original.state()).isEqualTo(before);
        assertThat(original.photoFolderContents()).isEqualTo(folder);
        assertThat(AdoptionTest.storedPhotos(images)).isEmpty();
    }

    @Test
    void aDryRunOnADatabaseThatIsNotTheOriginalsSaysSoAndChangesNothing() {
        OriginalCatData empty = OriginalCatData.create();
        empty.jdbc().sql("DROP TABLE knex_migrations").update();
        Map<String, String> before = empty.state();

        try (ServiceProcess dryRun = ServiceProcess.launch(workDir, settings(empty, TestApp.newDirectory("catdata-x"),
                Map.of("ADOPT_DRY_RUN", "true")))) {
            assertThat(dryRun.awaitExit(Duration.ofSeconds(120))).as(dryRun.logTail()).isZero();
            assertThat(dryRun.log()).contains("ADOPT_DRY_RUN=true, but this database is not one of the original "
                    + "cat-data");
        }

        assertThat(empty.state()).isEqualTo(before);
    }

    @Test
    void aTakeoverKilledMidwayLeavesTheDatabaseAsItWasAndTheNextStartAdoptsEverything(CapturedOutput output) {
        OriginalCatData original = OriginalCatData.create();
        long box = original.container("Box", "");
        byte[] photo = TestPhotos.cameraJpeg(1600, 1200);
        int photos = 60;
        for (int i = 0; i < photos; i++) {
            original.item("Thing " + i, "", box, original.photo("photo " + i + ".jpg", photo));
        }
        Map<String, String> before = original.state();
        Path images = TestApp.newDirectory("catdata-adopted-images");
        String sub = "legacy-owner-" + UUID.randomUUID();

        try (ServiceProcess service = ServiceProcess.launch(workDir, settings(original, images,
                Map.of("LEGACY_OWNER", sub)))) {
            awaitCopiedPhotos(original, service, 3);
            service.kill();
        }

        // What the killed takeover committed on the side: its journal, and the history Flyway began.
        Map<String, String> after = original.state();
        after.keySet().removeIf(key -> key.startsWith(AdoptionJournal.TABLE) || key.startsWith("flyway_schema_history"));
        after.put("(constraints)", Arrays.stream(after.get("(constraints)").split(",(?=[a-z_]+:)"))
                .filter(constraint -> !constraint.startsWith(AdoptionJournal.TABLE + ":")
                        && !constraint.startsWith("flyway_schema_history:"))
                .collect(Collectors.joining(",")));
        Map<String, String> expected = new HashMap<>(before);
        assertThat(after.remove("(objects)")).contains("public.items:r", "public.knex_migrations:r")
                .doesNotContain("public.households", OriginalDatabase.SET_ASIDE);
        expected.remove("(objects)");
        assertThat(after).isEqualTo(expected);
        assertThat(AdoptionTest.storedPhotos(images)).isNotEmpty();

        try (ConfigurableApplicationContext service = AdoptionTest.start(original, images, Map.of("LEGACY_OWNER", sub))) {
            assertThat(AdoptionTest.api(service).get("/api/items", bearer(ISSUER.token().subject(sub).build())).json())
                    .hasSize(photos);
        }
        assertThat(AdoptionTest.storedPhotos(images)).hasSize(photos);
        assertThat(output.getOut()).contains("An earlier adoption did not finish; removed the", "Adopted the original "
                + "cat-data database into the personal household of " + sub + ": 2 containers, 0 tags, " + photos
                + " items, 0 item-tag links (0 duplicates folded), " + photos + " photos; no problems.");
        assertThat(original.jdbc().sql("SELECT to_regclass(:journal) IS NULL").param("journal", AdoptionJournal.TABLE)
                .query(Boolean.class).single()).isTrue();
    }

    /** Waits until the takeover has copied {@code count} photos (its journal says so), while it runs. */
    private static void awaitCopiedPhotos(OriginalCatData original, ServiceProcess service, int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            assertThat(service.isAlive()).as("the service stopped before the test could kill it\n%s", service.logTail())
                    .isTrue();
            boolean journal = original.jdbc().sql("SELECT to_regclass(:journal) IS NOT NULL")
                    .param("journal", AdoptionJournal.TABLE).query(Boolean.class).single();
            if (journal && original.jdbc().sql("SELECT count(*) FROM " + AdoptionJournal.TABLE).query(Integer.class)
                    .single() >= count) {
                return;
            }
            ServiceProcess.sleep(Duration.ofMillis(20));
        }
        throw new AssertionError("The takeover copied no photos in time\n" + service.logTail());
    }

    private static Map<String, String> settings(OriginalCatData original, Path images, Map<String, String> more) {
        Map<String, String> settings = new HashMap<>(Map.of("DATABASE_URL", original.jdbcUrl(),
                "OIDC_ISSUER", ISSUER.issuer(), "AUTH0_AUDIENCE", TestIssuer.AUDIENCE, "IMAGES_DIR", images.toString(),
                "DATA_DIR", images.resolveSibling(images.getFileName() + "-data").toString(),
                "LEGACY_IMAGES_DIR", original.photoFolder().toString()));
        settings.putAll(more);
        return settings;
    }
}

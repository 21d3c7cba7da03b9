package catdata.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/cat-data}, the launch form the README recommends, run on a copy of the project layout
 * with a stand-in JVM that records how it is called: the service's jar does not exist yet while the
 * tests run (it is packaged after them), and what is checked here is the script's part: which
 * archive it makes and uses on which JDK, that it trains once, names the jar by the same path both
 * times, passes the pom's options, and refuses a JDK older than 17. {@code bench/startup.sh} runs it
 * on the real jar and JDKs.
 */
class LauncherScriptTest {

    private static final String POM_OPTIONS = "-XX:+UseSerialGC -Xmx1g -Xss256k";

    /** Says its version, records each call (with MALLOC_ARENA_MAX) and does what the script needs of a JVM. */
    private static final String STAND_IN_JAVA = """
            #!/usr/bin/env bash
            echo "MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-} $*" >> "$(dirname "$0")/../calls"
            if [[ $1 == -version ]]; then echo "openjdk version \\"$FAKE_VERSION\\" 2025-01-01" >&2; exit 0; fi
            args=("$@")
            for i in "${!args[@]}"; do
              case ${args[$i]} in
                -jar) jar=$(basename "${args[$((i + 1))]}") ;;
                --destination) mkdir -p "${args[$((i + 1))]}"; touch "${args[$((i + 1))]}/$jar" ;;
                -XX:ArchiveClassesAtExit=*|-XX:AOTCacheOutput=*)
                  [[ -n ${FAKE_TRAINING_FAILS:-} ]] && exit 1
                  touch "${args[$i]#*=}" ;;
              esac
            done
            """;

    @TempDir
    private Path root;
    private Path jdk;

    @BeforeEach
    void projectLayout() throws IOException {
        Files.createDirectories(root.resolve("bin"));
        Path script = root.resolve("bin/cat-data");
        Files.copy(Path.of("bin/cat-data"), script);
        executable(script);
        Files.writeString(root.resolve("pom.xml"),
                "<project>\n  <properties>\n    <service.jvm.options>" + POM_OPTIONS
                        + "</service.jvm.options>\n  </properties>\n</project>\n");
        Files.createDirectories(root.resolve("target"));
        Files.writeString(root.resolve("target/cat-data-1.0.jar"), "a jar");
        jdk = root.resolve("jdk");
        Files.createDirectories(jdk.resolve("bin"));
        Files.writeString(jdk.resolve("bin/java"), STAND_IN_JAVA);
        executable(jdk.resolve("bin/java"));
    }

    @Test
    void onJdk17ItTrainsAClassDataSharingArchiveOnceAndStartsWithIt() throws Exception {
        assertThat(run("17.0.15", Map.of(), "prepare").exitCode()).isZero();
        assertThat(run("17.0.15", Map.of()).exitCode()).isZero();

        String appJar = root.resolve("target/app/cat-data-1.0.jar").toString();
        List<String> training = callsWith("-XX:ArchiveClassesAtExit=");
        assertThat(training).hasSize(1);
        String archive = option(training.get(0), "-XX:ArchiveClassesAtExit=");
        assertThat(archive).startsWith(root.resolve("target/app/cat-data-").toString()).endsWith(".jsa");
        assertThat(training.get(0)).contains(POM_OPTIONS, "-Dspring.context.exit=onRefresh", "-jar " + appJar);
        assertThat(lastCall()).contains(POM_OPTIONS, "-XX:SharedArchiveFile=" + archive, "-jar " + appJar)
                .startsWith("MALLOC_ARENA_MAX=2 ");
    }

    @Test
    void onJdk25ItUsesTheAotCache() throws Exception {
        assertThat(run("25.0.3", Map.of()).exitCode()).isZero();

        List<String> training = callsWith("-XX:AOTCacheOutput=");
        assertThat(training).hasSize(1);
        String cache = option(training.get(0), "-XX:AOTCacheOutput=");
        assertThat(cache).endsWith(".aot");
        assertThat(lastCall()).contains("-XX:AOTCache=" + cache).doesNotContain("SharedArchiveFile");
    }

    @Test
    void otherOptionsOrAnotherJdkMakeAnotherArchive() throws Exception {
        run("17.0.15", Map.of());
        run("17.0.15", Map.of("CATDATA_JVM_OPTS", "-Xmx256m"));
        run("21.0.2", Map.of());

        List<String> training = callsWith("-XX:ArchiveClassesAtExit=");
        assertThat(training).hasSize(3);
        assertThat(training.stream().map(call -> option(call, "-XX:ArchiveClassesAtExit=")).distinct()).hasSize(3);
        assertThat(training.get(1)).contains("-Xmx256m").doesNotContain(POM_OPTIONS);
        assertThat(callsWith("extract")).as("the jar is extracted once").hasSize(1);
    }

    @Test
    void aFailedTrainingStartStillStartsTheServiceWithoutAnArchive() throws Exception {
        Result result = run("17.0.15", Map.of("FAKE_TRAINING_FAILS", "1"));

        assertThat(result.exitCode()).isZero();
        assertThat(result.output()).contains("the training start failed");
        assertThat(lastCall()).contains("-jar " + root.resolve("target/app/cat-data-1.0.jar"))
                .doesNotContain("SharedArchiveFile");
    }

    @Test
    void itPrintsTheOptionsItWouldUseForTheBenchScripts() throws Exception {
        Result fromPom = run("17.0.15", Map.of(), "options");
        Result overridden = run("17.0.15", Map.of("CATDATA_JVM_OPTS", "-Xmx256m"), "options");

        assertThat(fromPom.output()).isEqualTo(POM_OPTIONS + "\n");
        assertThat(overridden.output()).isEqualTo("-Xmx256m\n");
        assertThat(calls()).as("no JVM started").isEmpty();
    }

    @Test
    void aJdkOlderThan17IsRefusedWithAClearMessage() throws Exception {
        Result result = run("11.0.2", Map.of());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("Java 17 or newer is needed").contains("11.0.2");
        assertThat(callsWith("-jar")).isEmpty();
    }

    @Test
    void anotherJarNamedByCatdataJarRunsInTheSameForm() throws Exception {
        Path other = root.resolve("elsewhere/empty-app-1.jar");
        Files.createDirectories(other.getParent());
        Files.writeString(other, "another jar");

        Result result = run("17.0.15", Map.of("CATDATA_JAR", other.toString()));

        assertThat(result.exitCode()).isZero();
        assertThat(callsWith("extract")).singleElement().asString()
                .contains("-jar " + other, "--destination " + root.resolve("target/app-empty-app-1"));
        String appJar = root.resolve("target/app-empty-app-1/empty-app-1.jar").toString();
        List<String> training = callsWith("-XX:ArchiveClassesAtExit=");
        assertThat(training).singleElement().asString().contains(POM_OPTIONS, "-jar " + appJar);
        String archive = option(training.get(0), "-XX:ArchiveClassesAtExit=");
        assertThat(archive).startsWith(root.resolve("target/app-empty-app-1/").toString());
        assertThat(lastCall()).contains(POM_OPTIONS, "-XX:SharedArchiveFile=" + archive, "-jar " + appJar);
        // The service's own extraction is left alone.
        assertThat(callsWith("cat-data-1.0.jar")).isEmpty();
        assertThat(root.resolve("target/app")).doesNotExist();
    }

    @Test
    void aCatdataJarThatIsNoFileIsRefusedWithAClearMessage() throws Exception {
        Result result = run("17.0.15", Map.of("CATDATA_JAR", root.resolve("no-such.jar").toString()));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("CATDATA_JAR=", "no-such.jar is not a file");
        assertThat(calls()).isEmpty();
    }

    @Test
    void withoutABuiltJarItSaysHowToBuildOne() throws Exception {
        Files.delete(root.resolve("target/cat-data-1.0.jar"));

        Result result = run("17.0.15", Map.of());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("mvn -q package -DskipTests");
    }

    private Result run(String javaVersion, Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(root.resolve("bin/cat-data").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().remove("CATDATA_JVM_OPTS");
        builder.environment().remove("CATDATA_APP_DIR");
        builder.environment().remove("CATDATA_JAR");
        builder.environment().remove("MALLOC_ARENA_MAX");
        builder.environment().put("JAVA_HOME", jdk.toString());
        builder.environment().put("FAKE_VERSION", javaVersion);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private List<String> calls() throws IOException {
        Path calls = root.resolve("jdk/calls");
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }

    private List<String> callsWith(String text) throws IOException {
        return calls().stream().filter(call -> call.contains(text)).toList();
    }

    private String lastCall() throws IOException {
        List<String> calls = calls();
        return calls.get(calls.size() - 1);
    }

    private static String option(String call, String prefix) {
        int start = call.indexOf(prefix) + prefix.length();
        int end = call.indexOf(' ', start);
        return call.substring(start, end < 0 ? call.length() : end);
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Result(int exitCode, String output) {
    }
}

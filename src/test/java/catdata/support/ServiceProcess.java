package catdata.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The service as its own operating-system process, started from the build's class path, for the
 * tests that must kill it ({@code kill -9}) or stop it with SIGTERM as an orchestrator would. Its
 * output goes to a log file the assertions can read.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Path CLASSES = Path.of("target", "classes");
    private static final Path RUNTIME_CLASS_PATH = Path.of("target", "runtime-classpath.txt");

    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the service with these environment variables (the operator's settings) on a free port,
     * in {@code workDir} (which has no {@code .env}), and waits until it reports ready.
     */
    public static ServiceProcess start(Path workDir, Map<String, String> settings) {
        return start(workDir, settings, List.of());
    }

    /** As above, with JVM options of the test's own; given last, they win over the defaults ({@code -Xmx...}). */
    public static ServiceProcess start(Path workDir, Map<String, String> settings, List<String> jvmOptions) {
        ServiceProcess service = launch(workDir, settings, jvmOptions);
        service.awaitReady(Duration.ofSeconds(120));
        return service;
    }

    /** Starts the service as {@link #start} does, without waiting for it: for a start that is to fail. */
    public static ServiceProcess launch(Path workDir, Map<String, String> settings) {
        return launch(workDir, settings, List.of());
    }

    /** As above, with JVM options of the test's own; {@link #awaitReady()} then waits for it. */
    public static ServiceProcess launch(Path workDir, Map<String, String> settings, List<String> jvmOptions) {
        try {
            int port = freePort();
            Path log = Files.createTempFile(workDir, "service-", ".log");
            Path temporary = Files.createDirectories(temporaryDirectory(workDir));
            List<String> command = new ArrayList<>(List.of(javaCommand(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                    "-Dcatdata.dotenv.enabled=false", "-Djava.io.tmpdir=" + temporary));
            command.addAll(jvmOptions);
            command.addAll(List.of("-cp", classPath(), "catdata.CatDataApplication"));
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> environment = builder.environment();
            // Settings exported in the developer's shell must not change what the test runs against.
            List.of("AUTH0_DOMAIN", "OIDC_ISSUER", "OIDC_JWKS_URI", "AUTH0_AUDIENCE", "DATABASE_URL", "PGHOST",
                    "PGPORT", "PGUSER", "PGPASSWORD", "PGDATABASE", "DATA_DIR", "IMAGES_DIR", "CORS_ORIGINS",
                    "PHOTO_STORE", "S3_BUCKET", "S3_PREFIX", "S3_REGION", "S3_ENDPOINT", "S3_PATH_STYLE")
                    .forEach(environment::remove);
            environment.putAll(settings);
            environment.put("PORT", String.valueOf(port));
            return new ServiceProcess(builder.start(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The process's own {@code java.io.tmpdir}: what a killed process leaves there stays with the test. */
    private static Path temporaryDirectory(Path workDir) {
        return workDir.resolve("tmp");
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public ApiClient api() {
        return new ApiClient(port);
    }

    /** {@code kill -9}: no shutdown hook runs, nothing is flushed or stopped. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** SIGTERM, what {@code docker stop} or Kubernetes sends; returns at once. */
    public void terminate() {
        process.destroy();
    }

    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("The service did not exit within " + timeout + "\n" + logTail());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String logTail() {
        String text = log();
        return text.length() > 6000 ? text.substring(text.length() - 6000) : text;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    /** Waits until a service {@link #launch launched} reports ready, as {@link #start} does. */
    public ServiceProcess awaitReady() {
        awaitReady(Duration.ofSeconds(120));
        return this;
    }

    private void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("The service exited while starting\n" + logTail());
            }
            try {
                if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(250));
        }
        close();
        throw new AssertionError("The service was not ready within " + timeout + "\n" + logTail());
    }

    private static String classPath() throws IOException {
        if (!Files.isRegularFile(RUNTIME_CLASS_PATH)) {
            throw new IllegalStateException(RUNTIME_CLASS_PATH + " is missing: run the tests through Maven");
        }
        return CLASSES.toAbsolutePath() + java.io.File.pathSeparator
                + Files.readString(RUNTIME_CLASS_PATH, StandardCharsets.UTF_8).strip();
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

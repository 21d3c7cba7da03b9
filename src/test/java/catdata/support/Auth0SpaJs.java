package catdata.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.springframework.util.FileSystemUtils;

/**
 * The real browser bundle of Auth0's SPA SDK ({@code @auth0/auth0-spa-js}, which exposes the
 * global {@code auth0}), as front ends load it. It is not kept in the repository: the first test
 * that needs it runs {@code npm pack} for the pinned version into {@code target/spa/} and takes the
 * one file out with {@code tar}; later runs reuse it. Its SHA-256 is pinned too, so a different
 * file never passes for this version.
 */
public final class Auth0SpaJs {

    public static final String VERSION = "2.27.0";
    static final String PACKAGE = "@auth0/auth0-spa-js@" + VERSION;
    static final String ENTRY = "package/dist/auth0-spa-js.production.js";
    static final String SHA256 = "94df6b12b81c34c04ec39899f6400bd080f871dd6fd3524d9ba35a30c5c7f307";
    private static final long NPM_TIMEOUT_SECONDS = 120;
    private static final Path BUNDLE = Path.of(System.getProperty("basedir", ".")).resolve("target").resolve("spa")
            .resolve("auth0-spa-js-" + VERSION + ".production.js");

    private Auth0SpaJs() {
    }

    /**
     * The bundle's path, fetched if need be; skips the calling test (or fails it, when browser tests
     * are required) when it cannot be had.
     */
    public static Path bundle() {
        Optional<String> problem = fetchIfMissing();
        BrowserTests.need(problem.isEmpty(), "The " + PACKAGE + " bundle could not be fetched with npm: "
                + problem.orElse(""));
        String digest = sha256(BUNDLE);
        if (!digest.equals(SHA256)) {
            throw new IllegalStateException(BUNDLE + " is not " + PACKAGE + "'s " + ENTRY + " (SHA-256 " + digest
                    + "); remove it to fetch it again");
        }
        return BUNDLE;
    }

    /** Empty when the bundle is in {@code target/spa/}, fetched now or before; otherwise why not. */
    static synchronized Optional<String> fetchIfMissing() {
        return Files.isRegularFile(BUNDLE) ? Optional.empty() : fetch(BUNDLE.getParent(), BUNDLE);
    }

    /** Empty when the bundle is in place; otherwise what went wrong. */
    private static Optional<String> fetch(Path directory, Path bundle) {
        try {
            Files.createDirectories(directory);
            Path work = Files.createTempDirectory(directory, "npm-pack");
            try {
                Path log = work.resolve("npm.log");
                if (!run(work, log, "npm", "pack", PACKAGE, "--silent")) {
                    return Optional.of("npm pack failed or took longer than " + NPM_TIMEOUT_SECONDS + " s: "
                            + Files.readString(log, StandardCharsets.UTF_8).strip());
                }
                Optional<Path> tarball;
                try (Stream<Path> files = Files.list(work)) {
                    tarball = files.filter(file -> file.getFileName().toString().endsWith(".tgz")).findFirst();
                }
                if (tarball.isEmpty() || !run(work, log, "tar", "-xzf", tarball.get().getFileName().toString(), ENTRY)) {
                    return Optional.of("no " + ENTRY + " in what npm pack wrote: "
                            + Files.readString(log, StandardCharsets.UTF_8).strip());
                }
                // Whole or not at all: a test run that is interrupted leaves no half-written bundle.
                Files.move(work.resolve(ENTRY), bundle, StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
                return Optional.empty();
            } finally {
                FileSystemUtils.deleteRecursively(work);
            }
        } catch (IOException e) {
            // No npm on the PATH ends here too (ProcessBuilder cannot start it).
            return Optional.of(e.toString());
        }
    }

    private static boolean run(Path directory, Path log, String... command) throws IOException {
        Process process = new ProcessBuilder(List.of(command)).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            if (!process.waitFor(NPM_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String sha256(Path file) {
        try {
            return TestImages.sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package catdata.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.util.FileSystemUtils;

/**
 * Debian's Chromium in headless mode, driven through Debian's ChromeDriver (same source version,
 * so they always match). Both are given explicitly: Selenium Manager, which would download a
 * driver or a browser, is never asked. Each instance gets a profile of its own in a temporary
 * directory, removed on {@link #close()}.
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final Path BROWSER = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    static final String NOT_INSTALLED = "Chromium or ChromeDriver is not installed (" + BROWSER + ", " + DRIVER
            + "): apt-get install chromium chromium-driver";

    private final Path profile;
    private final ChromeDriver driver;

    private HeadlessChromium(Path profile, ChromeDriver driver) {
        this.profile = profile;
        this.driver = driver;
    }

    /** Skips the calling test (or fails it, when required) if the browser or its driver is not installed. */
    public static void assumeInstalled() {
        BrowserTests.need(installed(), NOT_INSTALLED);
    }

    static boolean installed() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    public static HeadlessChromium start() {
        Path profile;
        try {
            profile = Files.createTempDirectory("catdata-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        // No network of its own (updates, sync, QUIC probes): only the pages the test opens.
        ChromeOptions options = new ChromeOptions().setBinary(BROWSER.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile);
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20)).scriptTimeout(Duration.ofSeconds(20));
            return new HeadlessChromium(profile, driver);
        } catch (RuntimeException e) {
            remove(profile);
            throw e;
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            remove(profile);
        }
    }

    private static void remove(Path directory) {
        try {
            FileSystemUtils.deleteRecursively(directory);
        } catch (IOException ignored) {
            // Best effort: a temporary directory.
        }
    }
}

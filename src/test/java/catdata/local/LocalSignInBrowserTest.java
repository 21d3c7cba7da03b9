package catdata.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import catdata.support.Auth0SpaJs;
import catdata.support.BrowserTests;
import catdata.support.HeadlessChromium;
import catdata.support.TestApp;
import catdata.support.TestPage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Local mode's sign-in as a front end lives it: the real auth0-spa-js in headless Chromium, on a
 * page served from 127.0.0.1 and listed in {@code CORS_ORIGINS}. A person signs in on the issuer's
 * page, the SDK trades the code for tokens and the API answers {@code /api/me}; tokens are renewed
 * silently by refresh token (rotated) and by hidden iframe; after logout the iframe finds no
 * session. The page reports each step in {@code <pre id="result">} as JSON.
 *
 * <p>Needs Chromium, ChromeDriver and npm (for the SDK's bundle); without them it is skipped, unless
 * {@code CATDATA_BROWSER_TESTS=required} (as in CI), where it fails.
 */
@ExtendWith(BrowserTests.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class LocalSignInBrowserTest {

    private static final Path DATA_DIR = TestApp.newDirectory("catdata-browser-data");
    private static final String CLIENT_ID = "cat-web";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Started before the context, whose CORS_ORIGINS must name it. */
    private static final TestPage PAGE = TestPage.start();

    private static Path bundle;
    private static HeadlessChromium chromium;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("DATA_DIR", DATA_DIR::toString);
        registry.add("IMAGES_DIR", () -> DATA_DIR.resolve("images").toString());
        registry.add("LOCAL_ISSUER_PORT", () -> "0");
        registry.add("CORS_ORIGINS", PAGE::origin);
        for (String setting : new String[] {"AUTH0_DOMAIN", "OIDC_ISSUER", "AUTH0_AUDIENCE", "DATABASE_URL", "PGHOST"}) {
            registry.add(setting, () -> "");
        }
    }

    @Autowired
    private LocalIssuer issuer;

    @LocalServerPort
    private int port;

    private ChromeDriver browser;

    @BeforeAll
    static void startBrowser() {
        HeadlessChromium.assumeInstalled();
        bundle = Auth0SpaJs.bundle();
        chromium = HeadlessChromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        try {
            if (chromium != null) {
                chromium.close();
            }
        } finally {
            PAGE.close();
        }
    }

    @BeforeEach
    void freshBrowser() {
        PAGE.configure(bundle, Map.of("issuer", issuer.issuer().replaceAll("/$", ""),
                "api", "http://127.0.0.1:" + port, "audience", issuer.audience(), "clientId", CLIENT_ID));
        browser = chromium.driver();
        // Each test signs in from nothing: no issuer session, no SDK cookie.
        browser.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    @Test
    void aPersonSignsInOnTheIssuersPageAndTheApiKnowsThemByTheToken() throws Exception {
        JsonNode signedIn = signIn("alice");

        assertThat(signedIn.path("user").path("sub").asString()).isEqualTo("local|alice");
        assertThat(signedIn.path("user").path("name").asString()).isEqualTo("alice");
        assertThat(claims(signedIn).getIssuer()).isEqualTo(issuer.issuer());
        assertApiKnows(signedIn, "alice");
    }

    @Test
    void tokensAreRenewedSilentlyByRotatedRefreshTokensAndByAHiddenIframe() throws Exception {
        JsonNode signedIn = signIn("carol");

        // Twice: the second refresh works only if the SDK kept the token the first one rotated in.
        JsonNode refreshed = renewal("refresh");
        JsonNode refreshedAgain = renewal("refresh");
        JsonNode framed = renewal("iframe");

        for (JsonNode renewed : new JsonNode[] {refreshed, refreshedAgain, framed}) {
            assertApiKnows(renewed, "carol");
        }
        assertThat(new String[] {token(signedIn), token(refreshed), token(refreshedAgain), token(framed)})
                .as("each renewal is a new token").doesNotHaveDuplicates();
        assertThat(framed.path("frames").asInt()).as("authorize requests made from an iframe").isPositive();
    }

    @Test
    void afterLogoutASilentRenewalFindsNoSessionAndAsksForASignIn() throws Exception {
        signIn("bob");
        assertApiKnows(step("iframe"), "bob");

        step("logout", "ready");
        JsonNode afterLogout = step("iframe");

        assertThat(browser.getCurrentUrl()).isEqualTo(PAGE.origin() + "/");
        assertThat(afterLogout.path("ok").asBoolean()).as(afterLogout.toString()).isFalse();
        assertThat(afterLogout.path("error").asString()).as(afterLogout.toString()).isEqualTo("login_required");
    }

    /** Opens the page, starts the login, signs in as {@code name} on the issuer's page; the callback's result. */
    private JsonNode signIn(String name) {
        browser.get(PAGE.origin() + "/");
        waitForStep("ready");
        browser.executeScript("catdataStep('login')");
        new WebDriverWait(browser, WAIT).until(driver -> driver.getCurrentUrl().startsWith(issuer.issuer() + "authorize?"));
        assertThat(browser.getTitle()).isEqualTo("Sign in to Cat Data (local mode)");

        browser.findElement(By.name("username")).sendKeys(name);
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        JsonNode callback = waitForStep("callback");
        assertThat(callback.path("ok").asBoolean()).as(callback.toString()).isTrue();
        assertThat(browser.getCurrentUrl()).as("the SDK took the code out of the address").isEqualTo(PAGE.origin() + "/");
        return callback;
    }

    private JsonNode step(String name) {
        return step(name, name);
    }

    /**
     * A renewal in the next second: tokens carry their issue time in seconds and nothing else that
     * changes, so a new token then differs from the last one, and one served from the SDK's cache
     * would not.
     */
    private JsonNode renewal(String name) throws InterruptedException {
        Thread.sleep(1_000 - System.currentTimeMillis() % 1_000 + 20);
        return step(name);
    }

    /** Runs one of the page's steps and waits for the page to report {@code reported}. */
    private JsonNode step(String name, String reported) {
        browser.executeScript("document.getElementById('result').dataset.step = ''; catdataStep(arguments[0])", name);
        return waitForStep(reported);
    }

    private JsonNode waitForStep(String step) {
        By result = By.id("result");
        new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class)
                .withMessage(() -> "the page to report " + step + "; it shows " + browser.getCurrentUrl() + " "
                        + browser.findElements(result).stream().map(element -> element.getText()).toList())
                .until(driver -> step.equals(driver.findElement(result).getDomAttribute("data-step")));
        return JSON.readTree(browser.findElement(result).getText());
    }

    private static void assertApiKnows(JsonNode outcome, String name) {
        assertThat(outcome.path("ok").asBoolean()).as(outcome.toString()).isTrue();
        assertThat(outcome.path("me").path("status").asInt()).as(outcome.toString()).isEqualTo(200);
        assertThat(outcome.path("me").path("body").path("sub").asString()).isEqualTo("local|" + name);
    }

    private static String token(JsonNode outcome) {
        return outcome.path("token").asString();
    }

    private static JWTClaimsSet claims(JsonNode outcome) throws ParseException {
        return SignedJWT.parse(token(outcome)).getJWTClaimsSet();
    }
}

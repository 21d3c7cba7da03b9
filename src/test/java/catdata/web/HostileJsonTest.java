package catdata.web;

import static catdata.support.ApiClient.bearer;
import static catdata.support.CatalogueFixtures.assertBadRequest;
import static catdata.support.CatalogueFixtures.assertError;
import static catdata.support.CatalogueFixtures.names;
import static catdata.support.CatalogueFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;

import catdata.support.ApiResponse;
import catdata.support.ApiTest;
import catdata.support.CatalogueFixtures;

/**
 * JSON bodies are one UTF-8 document nested at most 50 levels deep, and a body that is not is
 * refused whole: nothing written, whichever field holds the fault, even one the route ignores.
 */
class HostileJsonTest extends ApiTest {

    private static final String NOT_UTF8 = "Request body is not valid UTF-8.";
    private static final String TOO_DEEP = "JSON nested deeper than 50 levels.";

    // --- nesting ---

    @Test
    void fiftyLevelsOfNestingAreReadAndFiftyOneRefused() {
        String token = newUserToken();

        // The body itself is the first level.
        ApiResponse fifty = post(token, "{\"name\": \"Box\", \"extra\": " + nested(49) + "}");
        ApiResponse fiftyOne = post(token, "{\"name\": \"Crate\", \"extra\": " + nested(50) + "}");

        assertThat(fifty.status()).as(fifty.toString()).isEqualTo(201);
        assertBadRequest(fiftyOne, TOO_DEEP);
        assertThat(names(api.get("/api/containers", bearer(token)))).containsExactly("Box");
    }

    @ParameterizedTest
    @ValueSource(ints = {51, 500, 5_000, 100_000})
    void deepNestingIsRefusedOnCreateUpdateAndMove(int depth) {
        String token = newUserToken();
        CatalogueFixtures user = new CatalogueFixtures(api, token);
        long box = user.container("Box");
        long attic = user.container("Attic");
        JsonNode mug = user.item("Mug", box);
        String deep = nested(depth - 1);

        assertBadRequest(post(token, "{\"name\": \"Crate\", \"x\": " + deep + "}"), TOO_DEEP);
        assertBadRequest(send(token, "PATCH", "/api/item/" + CatalogueFixtures.id(mug), "{\"x\": " + deep
                + ", \"name\": \"Cup\"}"), TOO_DEEP);
        assertBadRequest(send(token, "POST", "/api/container/" + box + "/move-items", "{\"to_container_id\": "
                + attic + ", \"x\": " + deep + "}"), TOO_DEEP);
        assertBadRequest(send(token, "POST", "/api/item", "{\"x\": " + deep + ", \"name\": \"Cup\", \"container_id\": "
                + box + "}"), TOO_DEEP);
        assertThat(names(api.get("/api/containers", bearer(token)))).containsExactly("Attic", "Box");
        assertThat(api.get("/api/items", bearer(token)).json().valueStream()).containsExactly(mug);
    }

    // --- UTF-8 ---

    /** Each sequence is put where the name's text is, in a field the route ignores, and in a key. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            C328       | a lead byte then no continuation
            C0AF       | overlong '/' (Jackson reads it as '/')
            C1BF       | overlong, 2 bytes
            E080AF     | overlong '/', 3 bytes
            F08080AF   | overlong '/', 4 bytes
            F08282AC   | overlong euro sign
            EDA080     | encoded high surrogate
            EDBFBF     | encoded low surrogate
            EDA0BDEDB0B1 | a surrogate pair encoded as two sequences (CESU-8)
            F4908080   | above U+10FFFF
            F5808080   | lead byte past F4
            F888808080 | 5-byte form
            FE         | never in UTF-8
            FF         | never in UTF-8
            80         | lone continuation byte
            E282       | sequence cut short
            F09F90     | 4-byte sequence cut short
            """)
    void aBodyThatIsNotUtf8IsRefusedWholeWhereverTheBytesAre(String hex, String what) {
        String token = newUserToken();
        byte[] bad = HexFormat.of().parseHex(hex);

        for (byte[] body : List.of(
                bytes("{\"name\": \"Box", bad, "\"}"),
                bytes("{\"name\": \"Box\", \"note\": \"", bad, "\"}"),
                bytes("{\"name\": \"Box\", \"", bad, "\": 1}"))) {
            assertBadRequest(api.send("POST", "/api/container", "application/json", body, bearer(token)), NOT_UTF8);
        }
        assertThat(names(api.get("/api/containers", bearer(token)))).as(what).isEmpty();
    }

    @Test
    void anUpdateThatIsNotUtf8ChangesNothing() {
        String token = newUserToken();
        CatalogueFixtures user = new CatalogueFixtures(api, token);
        JsonNode mug = user.item("Mug", user.container("Box"));

        ApiResponse response = api.send("PATCH", "/api/item/" + CatalogueFixtures.id(mug), "application/json",
                bytes("{\"name\": \"Cup\", \"description\": \"", new byte[] {(byte) 0xC0, (byte) 0xAF}, "\"}"),
                bearer(token));

        assertBadRequest(response, NOT_UTF8);
        assertThat(api.get("/api/item/" + CatalogueFixtures.id(mug), bearer(token)).json()).isEqualTo(mug);
    }

    /** The edges of what UTF-8 allows are still text. */
    @ParameterizedTest
    @CsvSource({"7F, \u007f", "C280, \u0080", "DFBF, \u07ff", "E0A080, \u0800", "ED9FBF, \ud7ff", "EE8080, \ue000",
        "EFBFBD, \ufffd", "F0908080, \ud800\udc00", "F09F90B1, \ud83d\udc31", "F48FBFBF, \udbff\udfff"})
    void wellFormedUtf8IsReadAsTheTextItEncodes(String hex, String text) {
        ApiResponse response = api.send("POST", "/api/container", "application/json",
                bytes("{\"name\": \"Box", HexFormat.of().parseHex(hex), "\"}"), bearer(newUserToken()));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().path("name").asString()).isEqualTo("Box" + text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json; charset=ISO-8859-1", "application/json;charset=UTF-16",
        "application/json; charset=windows-1252", "application/json; charset=US-ASCII",
        "application/merge-patch+json; charset=UTF-16LE"})
    void aJsonBodyDeclaredInAnotherCharsetIsRefused(String contentType) {
        String token = newUserToken();

        ApiResponse response = api.send("POST", "/api/container", contentType,
                "{\"name\": \"Caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1), bearer(token));

        assertError(response, 415, "JSON request bodies must be UTF-8.");
        assertThat(names(api.get("/api/containers", bearer(token)))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "application/json;charset=UTF-8",
        "application/json; charset=\"UTF-8\"", "application/vnd.catdata+json"})
    void aJsonBodyInUtf8IsReadWithOrWithoutACharset(String contentType) {
        ApiResponse response = api.send("POST", "/api/container", contentType, utf8("{\"name\": \"Caf\u00e9\"}"),
                bearer(newUserToken()));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().path("name").asString()).isEqualTo("Caf\u00e9");
    }

    // --- form bodies ---

    /** No route reads a form, so none is parsed: not before authentication, and not into a 500. */
    @ParameterizedTest
    @ValueSource(strings = {"PUT", "PATCH", "DELETE"})
    void aFormBodyIsNeverParsed(String method) {
        String token = newUserToken();
        long tag = new CatalogueFixtures(api, token).tag("Blue");
        byte[] form = utf8("name=50%_off&x=%");

        ApiResponse anonymous = api.send(method, "/api/tag/" + tag, "application/x-www-form-urlencoded", form);
        ApiResponse signedIn = api.send(method, "/api/tag/" + tag, "application/x-www-form-urlencoded", form,
                bearer(token));

        assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(401);
        if (method.equals("DELETE")) {
            assertThat(signedIn.status()).as("a DELETE has no body to read: " + signedIn).isEqualTo(204);
        } else {
            assertError(signedIn, 415, "Unsupported content type.");
            assertThat(names(api.get("/api/tags", bearer(token)))).containsExactly("Blue");
        }
    }

    // --- helpers ---

    private ApiResponse post(String token, String json) {
        return send(token, "POST", "/api/container", json);
    }

    private ApiResponse send(String token, String method, String path, String json) {
        return api.send(method, path, "application/json", utf8(json), bearer(token));
    }

    /** {@code depth} arrays and objects inside each other, alternating. */
    private static String nested(int depth) {
        StringBuilder json = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            json.append(i % 2 == 0 ? "[" : "{\"a\": ");
        }
        json.append('1');
        for (int i = depth - 1; i >= 0; i--) {
            json.append(i % 2 == 0 ? ']' : '}');
        }
        return json.toString();
    }

    private static byte[] bytes(String before, byte[] middle, String after) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(middle);
        body.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }
}

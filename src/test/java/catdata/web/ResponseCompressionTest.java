package catdata.web;

import static catdata.support.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.json.JsonMapper;

import catdata.support.ApiClient;
import catdata.support.ApiResponse;
import catdata.support.ApiTest;
import catdata.support.CatalogueFixtures;
import catdata.support.TestImages;

/** JSON over 1 KB is gzipped for a client that accepts it; small bodies, other clients and photos are not. */
class ResponseCompressionTest extends ApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private String token;
    private long box;

    @ParameterizedTest
    @ValueSource(strings = {"/api/items", "/api/items/by-container/%d", "/api/items?limit=1000"})
    void aLongListIsGzippedForAClientThatAcceptsItAndReadsTheSame(String path) {
        fillABox();
        String list = path.formatted(box);

        ApiResponse gzipped = api.get(list, "Accept-Encoding", "gzip", "Authorization", "Bearer " + token);
        ApiResponse plain = api.get(list, bearer(token));

        assertThat(gzipped.status()).isEqualTo(200);
        assertThat(gzipped.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(gzipped.header("Content-Type")).startsWith("application/json");
        assertThat(gzipped.header("Vary")).containsIgnoringCase("Accept-Encoding");
        byte[] unzipped = gunzip(gzipped.body());
        assertThat(unzipped.length).isGreaterThan(10 * gzipped.body().length / 3);
        assertThat(JSON.readTree(unzipped)).isEqualTo(plain.json()).hasSize(40);
    }

    @Test
    void aLongListIsNotGzippedForAClientThatDoesNotSayItAcceptsIt() {
        fillABox();

        ApiResponse plain = api.get("/api/items", bearer(token));

        assertThat(plain.header("Content-Encoding")).isNull();
        assertThat(plain.body().length).isGreaterThan(1024);
        assertThat(plain.json()).hasSize(40);
    }

    @Test
    void aSmallResponseIsSentAsItIs() {
        fillABox();
        long item = CatalogueFixtures.id(api.get("/api/items?limit=1", bearer(token)).json().get(0));

        ApiResponse small = api.get("/api/item/" + item, "Accept-Encoding", "gzip", "Authorization", "Bearer " + token);
        ApiResponse error = api.get("/api/item/999999999", "Accept-Encoding", "gzip", "Authorization", "Bearer " + token);

        assertThat(small.status()).isEqualTo(200);
        assertThat(small.header("Content-Encoding")).isNull();
        assertThat(small.json().path("id").asLong()).isEqualTo(item);
        assertThat(error.status()).isEqualTo(404);
        assertThat(error.header("Content-Encoding")).isNull();
        assertThat(error.error()).isEqualTo("Item not found.");
    }

    @Test
    void photosAreNeverGzipped() {
        token = newUserToken();
        byte[] photo = TestImages.jpeg(400, 300);
        ApiResponse uploaded = api.upload("/api/image", List.of(ApiClient.Part.file("p.jpg", "image/jpeg", photo)),
                bearer(token));
        long id = CatalogueFixtures.id(CatalogueFixtures.created(uploaded));

        ApiResponse served = api.get("/api/image/" + id, "Accept-Encoding", "gzip", "Authorization", "Bearer " + token);

        assertThat(served.status()).isEqualTo(200);
        assertThat(served.body().length).isGreaterThan(1024);
        assertThat(served.header("Content-Encoding")).isNull();
    }

    /** Forty items with descriptions: some 10 KB of JSON, which compresses well. */
    private void fillABox() {
        token = newUserToken();
        CatalogueFixtures user = new CatalogueFixtures(api, token);
        box = user.container("Box");
        for (int i = 0; i < 40; i++) {
            user.item(CatalogueFixtures.json("name", "Item " + i, "container_id", box,
                    "description", "A thing kept in the box, number " + i + ", with a description of some length."));
        }
    }

    private static byte[] gunzip(byte[] body) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

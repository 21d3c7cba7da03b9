package catdata;

import static catdata.LoadLedger.Table.ITEM;
import static catdata.LoadLedger.Table.PHOTO;
import static catdata.LoadLedger.Table.TAG;
import static catdata.support.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import catdata.LoadClient.Household;
import catdata.LoadClient.ItemState;
import catdata.LoadLedger.Table;
import catdata.support.ApiResponse;
import catdata.support.ApiTest;

/**
 * Mixed traffic from 32 clients at once (reads, writes, uploads, deletes), then the database is
 * held against every answer: what a {@code 201} created exists, what a {@code 204} deleted is gone,
 * and every item has the container, photo and tags its last successful write gave it.
 *
 * <p>Four users, eight clients each. Every client owns containers, tags and items no other client
 * touches, so it knows exactly what they hold at any moment; besides those, each user's clients
 * share tags, photos and containers that any of them may delete at any time while the others put
 * them on their items. Each operation may answer only this:
 * <ul>
 * <li>on the client's own rows, only success; deleting an own container that still holds its
 *     items, only {@code 409 "Container is not empty."};
 * <li>on shared rows also {@code 404} (another client of the user may just have deleted it); an
 *     item write naming a shared tag, photo or container also {@code 400 "Tag n does not exist."},
 *     {@code "image_id does not exist."} or {@code "container_id does not exist."} for the same reason;
 *     creating a shared name also {@code 409} (another client got it first); deleting a shared
 *     container also {@code 409 "Container is not empty."} (some client's item is in it);
 * <li>on another user's rows, only {@code 404} (or {@code 400 "container_id does not exist."}).
 * </ul>
 * Anything else fails the test: a {@code 5xx}, a connection error or timeout, and also a {@code 409}
 * saying the database broke a deadlock.
 *
 * <p>All clients share one {@code ApiClient} (its {@code HttpClient} is thread-safe and opens a
 * connection for each request in flight), so 32 requests are really in flight at once.
 */
class LoadWithoutLossTest extends ApiTest {

    private static final int CLIENTS = 32;
    private static final int USERS = 4;
    /** A quick local run: {@code -Dcatdata.load.seconds=5}. */
    private static final Duration DURATION = Duration.ofSeconds(Long.getLong("catdata.load.seconds", 30));

    private final JdbcClient jdbc;
    private final LoadLedger ledger = new LoadLedger();

    @Autowired
    LoadWithoutLossTest(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Test
    void mixedTrafficFromManyClientsLosesNothing() throws Exception {
        List<Household> homes = IntStream.range(0, USERS).mapToObj(n -> "load-" + UUID.randomUUID())
                .map(sub -> new Household(sub, ISSUER.token().subject(sub).build())).toList();
        List<LoadClient> clients = IntStream.range(0, CLIENTS)
                .mapToObj(n -> new LoadClient(api, ledger, n, homes.get(n % USERS), homes.get((n + 1) % USERS)))
                .toList();
        Set<String> filesBefore = files(IMAGES_DIR);
        Set<String> stagedBefore = stagedFiles();

        long start = System.nanoTime();
        long deadline = start + DURATION.toNanos();
        List<String> crashed = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> running = clients.stream().<Future<?>>map(c -> pool.submit(() -> c.run(deadline))).toList();
            for (Future<?> client : running) {
                try {
                    client.get(DURATION.toSeconds() + 120, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    crashed.add(stackTrace(e.getCause()));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        System.out.println(ledger.summary(CLIENTS, USERS, elapsed));

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(crashed).as("clients that stopped on an exception").isEmpty();
        soft.assertThat(ledger.connectionFailures()).as("connection errors and timeouts").isEmpty();
        soft.assertThat(ledger.serverErrors()).as("5xx answers").isZero();
        soft.assertThat(ledger.unexpected()).as("answers the operation may not give").isEmpty();
        soft.assertThat(ledger.wrongContent()).as("answers contradicting what the client wrote").isEmpty();
        assertDatabaseAgreesWithTheAnswers(soft, homes, clients);
        assertPhotoFilesMatchTheirRows(soft, homes, filesBefore, stagedBefore);
        soft.assertAll();
    }

    // --- the database against the answers ---

    private void assertDatabaseAgreesWithTheAnswers(SoftAssertions soft, List<Household> homes,
            List<LoadClient> clients) {
        List<String> subs = homes.stream().map(home -> home.sub).toList();
        Map<Table, Map<Long, String>> stored = new HashMap<>();
        for (Table table : Table.values()) {
            stored.put(table, jdbc.sql("SELECT id, created_by FROM " + table.sqlName + " WHERE created_by IN (:subs)")
                    .param("subs", subs)
                    .query((row, n) -> Map.entry(row.getLong("id"), row.getString("created_by"))).list().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
            Set<Long> notGone = new TreeSet<>(ledger.deleted(table));
            notGone.retainAll(stored.get(table).keySet());
            soft.assertThat(notGone).as("%s: ids a 204 deleted but still stored", table.sqlName).isEmpty();
            soft.assertThat(differences(ledger.surviving(table), stored.get(table)))
                    .as("%s: exactly the rows whose 201 no 204 undid, each its creator's", table.sqlName).isEmpty();
        }

        Map<Long, ItemState> written = new HashMap<>();
        clients.forEach(client -> written.putAll(client.items()));
        soft.assertThat(written.keySet()).as("the clients' record of their items agrees with the 201s and 204s")
                .isEqualTo(ledger.surviving(ITEM).keySet());
        Set<Long> tags = stored.get(TAG).keySet();
        Set<Long> photos = stored.get(PHOTO).keySet();
        Map<Long, ItemState> expected = new HashMap<>();
        // A tag or photo deleted after the write took the link with it; nothing else may have.
        written.forEach((id, state) -> expected.put(id, new ItemState(state.container(),
                new TreeSet<>(state.tags().stream().filter(tags::contains).toList()),
                photos.contains(state.image()) ? state.image() : null)));
        soft.assertThat(differences(expected, storedItems(subs)))
                .as("items: container, photo and tags as their last write left them").isEmpty();

        soft.assertThat(count("""
                SELECT count(*) FROM items i
                LEFT JOIN containers c ON c.id = i.container_id
                LEFT JOIN images p ON p.id = i.image_id
                WHERE i.created_by IN (:subs)
                  AND (c.household_id <> i.household_id OR p.household_id <> i.household_id)""", subs))
                .as("items in another user's container or showing another user's photo").isZero();
        soft.assertThat(count("""
                SELECT count(*) FROM items_to_tags it
                JOIN items i ON i.id = it.item_id JOIN tags t ON t.id = it.tag_id
                WHERE i.created_by IN (:subs) AND t.household_id <> i.household_id""", subs))
                .as("items carrying another user's tag").isZero();

        for (Household home : homes) {
            soft.assertThat(counts(home, "/api/containers/with-counts")).as("container counts answered vs counted")
                    .isEqualTo(countsInDatabase("""
                            SELECT c.id, count(i.id) FROM containers c LEFT JOIN items i ON i.container_id = c.id
                            WHERE c.created_by = :sub GROUP BY c.id""", home.sub));
            soft.assertThat(counts(home, "/api/tags-with-counts")).as("tag counts answered vs counted")
                    .isEqualTo(countsInDatabase("""
                            SELECT t.id, count(it.item_id) FROM tags t LEFT JOIN items_to_tags it ON it.tag_id = t.id
                            WHERE t.created_by = :sub GROUP BY t.id""", home.sub));
        }
    }

    private void assertPhotoFilesMatchTheirRows(SoftAssertions soft, List<Household> homes, Set<String> filesBefore,
            Set<String> stagedBefore) {
        Map<Long, String> names = new HashMap<>();
        Map<String, Long> sizes = new HashMap<>();
        jdbc.sql("SELECT id, name, size_bytes FROM images WHERE created_by IN (:subs)")
                .param("subs", homes.stream().map(home -> home.sub).toList())
                .query(row -> {
                    names.put(row.getLong("id"), row.getString("name"));
                    sizes.put(row.getString("name"), row.getLong("size_bytes"));
                });
        Map<Long, String> uploaded = new HashMap<>();
        homes.forEach(home -> uploaded.putAll(home.photoNames));
        uploaded.keySet().retainAll(ledger.surviving(PHOTO).keySet());
        soft.assertThat(names).as("photo rows under the names their 201s gave").isEqualTo(uploaded);

        // The files of deleted photos go after a delay (1 s in tests); the test waits for every one of them.
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc
                .sql("SELECT count(*) FROM photo_file_removals WHERE store = :store")
                .param("store", IMAGES_DIR.toAbsolutePath().normalize().toString())
                .query(Long.class).single() == 0);
        Set<String> orphans = new TreeSet<>(files(IMAGES_DIR));
        orphans.removeAll(filesBefore);
        orphans.removeAll(sizes.keySet());
        soft.assertThat(orphans).as("photo files without a row").isEmpty();
        sizes.forEach((name, size) -> {
            Path file = IMAGES_DIR.resolve(name);
            soft.assertThat(Files.isRegularFile(file) ? fileSize(file) : -1)
                    .as("size of the file of photo row %s", name)
                    .isEqualTo(size);
        });
        Set<String> staged = new TreeSet<>(stagedFiles());
        staged.removeAll(stagedBefore);
        soft.assertThat(staged).as("uploads left staged").isEmpty();
    }

    private Map<Long, ItemState> storedItems(List<String> subs) {
        Map<Long, Set<Long>> links = new HashMap<>();
        jdbc.sql("""
                SELECT it.item_id, it.tag_id FROM items_to_tags it JOIN items i ON i.id = it.item_id
                WHERE i.created_by IN (:subs)""")
                .param("subs", subs)
                .query(row -> {
                    links.computeIfAbsent(row.getLong("item_id"), id -> new TreeSet<>()).add(row.getLong("tag_id"));
                });
        Map<Long, ItemState> items = new HashMap<>();
        jdbc.sql("SELECT id, container_id, image_id FROM items WHERE created_by IN (:subs)")
                .param("subs", subs)
                .query(row -> {
                    long id = row.getLong("id");
                    Long image = row.getObject("image_id", Long.class);
                    items.put(id, new ItemState(row.getLong("container_id"), links.getOrDefault(id, new TreeSet<>()),
                            image));
                });
        return items;
    }

    /** Each key whose value differs, is missing or is extra: {@code id: expected -> stored}. */
    private static <V> List<String> differences(Map<Long, V> expected, Map<Long, V> stored) {
        return Stream.concat(expected.keySet().stream(), stored.keySet().stream()).distinct().sorted()
                .filter(id -> !Objects.equals(expected.get(id), stored.get(id)))
                .map(id -> id + ": " + expected.get(id) + " -> " + stored.get(id))
                .toList();
    }

    private static String stackTrace(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    private long count(String sql, List<String> subs) {
        return jdbc.sql(sql).param("subs", subs).query(Long.class).single();
    }

    private Map<Long, Long> counts(Household home, String path) {
        ApiResponse response = api.get(path, bearer(home.token));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().valueStream()
                .collect(Collectors.toMap(row -> row.path("id").asLong(), row -> row.path("count").asLong()));
    }

    private Map<Long, Long> countsInDatabase(String sql, String sub) {
        Map<Long, Long> counts = new HashMap<>();
        jdbc.sql(sql).param("sub", sub).query(row -> {
            counts.put(row.getLong(1), row.getLong(2));
        });
        return counts;
    }

    private static Set<String> files(Path directory) {
        if (!Files.isDirectory(directory)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).map(file -> file.getFileName().toString())
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file under {@code .staging}, in each instance's directory, but the instances' lock files. */
    private static Set<String> stagedFiles() {
        Path staging = IMAGES_DIR.resolve(".staging");
        if (!Files.isDirectory(staging)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.walk(staging)) {
            return files.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().endsWith(".lock"))
                    .map(file -> staging.relativize(file).toString()).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long fileSize(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

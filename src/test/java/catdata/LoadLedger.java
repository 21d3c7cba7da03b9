package catdata;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import catdata.support.ApiResponse;

/**
 * Every answer the load test got, kept for judging afterwards: how many of each operation and
 * status and how long they took, which ids a {@code 201} created and a {@code 204} deleted, and
 * every answer an operation may not give. Many client threads write to it at once.
 *
 * <p>An operation is named {@code "kind: what"}, its kind one of read, write, upload, delete.
 */
final class LoadLedger {

    /** The tables whose rows the load creates and deletes. */
    enum Table {
        CONTAINER("containers"), TAG("tags"), ITEM("items"), PHOTO("images");

        final String sqlName;

        Table(String sqlName) {
            this.sqlName = sqlName;
        }
    }

    /** The statuses an operation may answer; an error status only with one of its listed messages. */
    static final class Expected {

        private final Map<Integer, Set<String>> errors = new HashMap<>();

        static Expected status(int status, String... messages) {
            return new Expected().or(status, messages);
        }

        /** Also {@code status}; with no messages any body will do, as for the success statuses. */
        Expected or(int status, String... messages) {
            Expected wider = new Expected();
            errors.forEach((known, its) -> wider.errors.put(known, new HashSet<>(its)));
            wider.errors.computeIfAbsent(status, s -> new HashSet<>()).addAll(List.of(messages));
            return wider;
        }

        boolean allows(ApiResponse response) {
            Set<String> messages = errors.get(response.status());
            return messages != null && (messages.isEmpty() || messages.contains(errorOf(response)));
        }

        @Override
        public String toString() {
            return errors.toString();
        }
    }

    private final Map<String, Map<Integer, LongAdder>> statuses = new ConcurrentSkipListMap<>();
    private final Map<String, LongAccumulator> slowest = new ConcurrentHashMap<>();
    private final Queue<Long> latencies = new ConcurrentLinkedQueue<>();
    private final Queue<String> connectionFailures = new ConcurrentLinkedQueue<>();
    private final Queue<String> unexpected = new ConcurrentLinkedQueue<>();
    private final Queue<String> wrongContent = new ConcurrentLinkedQueue<>();
    /** Per table, the owner of every id a 201 answered. */
    private final Map<Table, Map<Long, String>> created = new EnumMap<>(Table.class);
    private final Map<Table, Set<Long>> deleted = new EnumMap<>(Table.class);

    LoadLedger() {
        for (Table table : Table.values()) {
            created.put(table, new ConcurrentHashMap<>());
            deleted.put(table, ConcurrentHashMap.newKeySet());
        }
    }

    /**
     * Sends one request and records its answer. Empty when no answer came: a refused connection or
     * a timeout is recorded as a failure, never retried.
     */
    Optional<ApiResponse> send(String operation, String request, Expected expected, Supplier<ApiResponse> call) {
        long start = System.nanoTime();
        ApiResponse response;
        try {
            response = call.get();
        } catch (RuntimeException e) {
            count(operation, 0, System.nanoTime() - start);
            connectionFailures.add(operation + " | " + request + " | " + e);
            return Optional.empty();
        }
        count(operation, response.status(), System.nanoTime() - start);
        if (!expected.allows(response)) {
            unexpected.add(operation + " | " + request + " | expected " + expected + " | got " + response);
        }
        return Optional.of(response);
    }

    /** An answer with an allowed status whose body contradicts what the client knows. */
    void wrongContent(String operation, String detail) {
        wrongContent.add(operation + " | " + detail);
    }

    void created(Table table, long id, String owner) {
        if (created.get(table).putIfAbsent(id, owner) != null) {
            wrongContent.add(table + " " + id + " was created twice");
        }
    }

    void deleted(Table table, long id) {
        if (!deleted.get(table).add(id)) {
            wrongContent.add(table + " " + id + " was deleted twice (two 204s)");
        }
    }

    Set<Long> deleted(Table table) {
        return Set.copyOf(deleted.get(table));
    }

    /** What a 201 created and no 204 deleted since, with its owner. */
    Map<Long, String> surviving(Table table) {
        Map<Long, String> surviving = new HashMap<>(created.get(table));
        surviving.keySet().removeAll(deleted.get(table));
        return surviving;
    }

    List<String> connectionFailures() {
        return List.copyOf(connectionFailures);
    }

    List<String> unexpected() {
        return List.copyOf(unexpected);
    }

    List<String> wrongContent() {
        return List.copyOf(wrongContent);
    }

    long serverErrors() {
        return statuses.values().stream()
                .flatMap(byStatus -> byStatus.entrySet().stream())
                .filter(entry -> entry.getKey() >= 500)
                .mapToLong(entry -> entry.getValue().sum())
                .sum();
    }

    long requests() {
        return statuses.values().stream().mapToLong(LoadLedger::sum).sum();
    }

    /** Requests by operation and status, by kind, per second, and their latencies. */
    String summary(int clients, int users, Duration elapsed) {
        long total = requests();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        StringBuilder out = new StringBuilder();
        out.append("%nLoad: %d clients, %d users, %.1f s: %d requests, %.0f requests/s;".formatted(clients, users,
                elapsed.toMillis() / 1000.0, total, total * 1000.0 / elapsed.toMillis()));
        out.append(" latency p50 %d ms, p99 %d ms, max %d ms%n".formatted(
                percentile(sorted, 50), percentile(sorted, 99), percentile(sorted, 100)));
        Map<String, Long> byKind = new TreeMap<>();
        statuses.forEach((operation, byStatus) ->
                byKind.merge(operation.substring(0, operation.indexOf(':')), sum(byStatus), Long::sum));
        out.append("By kind: %s%n".formatted(byKind));
        out.append("%-60s %8s  %-28s %7s%n".formatted("operation", "requests", "statuses (0 = no answer)", "max ms"));
        statuses.forEach((operation, byStatus) -> out.append("%-60s %8d  %-28s %7d%n".formatted(operation,
                sum(byStatus),
                new TreeMap<>(byStatus).entrySet().stream().map(e -> e.getKey() + "x" + e.getValue().sum())
                        .collect(Collectors.joining(" ")),
                slowest.get(operation).get() / 1_000_000)));
        out.append("Connection errors/timeouts: %d, 5xx: %d, unexpected statuses: %d, wrong content: %d%n".formatted(
                connectionFailures.size(), serverErrors(), unexpected.size(), wrongContent.size()));
        return out.toString();
    }

    private static long sum(Map<Integer, LongAdder> byStatus) {
        return byStatus.values().stream().mapToLong(LongAdder::sum).sum();
    }

    private void count(String operation, int status, long nanos) {
        statuses.computeIfAbsent(operation, o -> new ConcurrentHashMap<>())
                .computeIfAbsent(status, s -> new LongAdder()).increment();
        slowest.computeIfAbsent(operation, o -> new LongAccumulator(Math::max, 0)).accumulate(nanos);
        latencies.add(nanos / 1_000_000);
    }

    private static long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * percent / 100.0) - 1));
    }

    /** The {@code error} member, or nothing when the body is not a JSON error. */
    private static String errorOf(ApiResponse response) {
        try {
            return response.error();
        } catch (RuntimeException e) {
            return null;
        }
    }
}

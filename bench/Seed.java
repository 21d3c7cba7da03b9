import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Seeds the benchmark's dataset, run as a single-file program (JDK only, no dependencies).
 *
 * <pre>
 * java bench/Seed.java api &lt;api url&gt; &lt;issuer url&gt; &lt;images dir&gt; &lt;data dir&gt; [items]
 *     Through the API: 50 containers, 200 tags, 100 photos (~100 KB JPEGs made here), items
 *     (10,000 unless given; 0-3 tags each, every 10th with a photo). Writes what the wrk scripts
 *     need into the data dir: token, token-bad-signature, sub, container-ids, tag-ids, item-ids,
 *     photo-ids, photo-files (stored file names, for nginx), search-words (W11's queries).
 * java bench/Seed.java rows &lt;count&gt; &lt;data dir&gt;
 *     Prints that many more items as CSV for bench/large.sql (same kind of names and tags).
 * </pre>
 */
public class Seed {

    static final int CONTAINERS = 50;
    static final int TAGS = 200;
    static final int PHOTOS = 100;
    static final int DEFAULT_ITEMS = 10_000;
    /** The server has 2 cores; a few more requests in flight than that keeps it busy while we wait on replies. */
    static final int PARALLEL_REQUESTS = 8;
    static final int PHOTO_WIDTH = 1000;
    static final int PHOTO_HEIGHT = 750;
    static final int PHOTO_TARGET_BYTES = 100 * 1024;
    /**
     * W11's queries match at most this many of the 10,000 items. The items --large adds are made
     * from the same words, so each query then matches about ten times as many: at most ~50, which
     * is what W11 is to measure at both sizes (a selective search), so only the catalogue grows.
     */
    static final int MAX_SEARCH_WORD_HITS = 5;

    public static void main(String[] args) throws Exception {
        if (args.length >= 5 && args[0].equals("api")) {
            int items = args.length > 5 ? Integer.parseInt(args[5]) : DEFAULT_ITEMS;
            new ApiSeeder(args[1], args[2], Path.of(args[3]), Path.of(args[4])).seed(items);
        } else if (args.length == 3 && args[0].equals("rows")) {
            printRows(Integer.parseInt(args[1]), Path.of(args[2]));
        } else {
            System.err.println("usage: java Seed.java api <api url> <issuer url> <images dir> <data dir> [items]\n"
                    + "       java Seed.java rows <count> <data dir>");
            System.exit(2);
        }
    }

    /** More items for {@code --large}, in the CSV columns bench/large.sql reads: n, name, description, container, tags, photo. */
    static void printRows(int count, Path data) throws IOException {
        List<Long> containers = readIds(data.resolve("container-ids"));
        List<Long> tags = readIds(data.resolve("tag-ids"));
        List<Long> photos = readIds(data.resolve("photo-ids"));
        // Another seed than the API's items, so these are not the same names again.
        Words words = new Words(new Random(7));
        StringBuilder out = new StringBuilder(count * 120);
        for (int n = 1; n <= count; n++) {
            String tagList = words.someOf(tags, words.random.nextInt(4)).stream()
                    .map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
            String photo = n % 10 == 0 ? String.valueOf(photos.get((n / 10) % photos.size())) : "";
            out.append(n).append(',').append(csv(words.itemName())).append(',').append(csv(words.description()))
                    .append(',').append(words.oneOf(containers)).append(',').append(csv(tagList))
                    .append(',').append(photo).append('\n');
        }
        System.out.print(out);
    }

    /**
     * Two neighbouring words of a seeded name ("rusty red", "Bosch kettle"), as someone looking for
     * one thing types them, that at least one and at most {@value #MAX_SEARCH_WORD_HITS} names or
     * descriptions contain, ignoring case as the search does. Single words will not do: the fewest
     * common is in some hundred names. Tag names are made of other words, so they are not counted.
     */
    static List<String> searchWords(List<String> names, List<String> descriptions) {
        List<String> texts = Stream.concat(names.stream(), descriptions.stream())
                .map(text -> text.toLowerCase(Locale.ROOT)).toList();
        Set<String> phrases = new TreeSet<>();
        for (String name : names) {
            String[] parts = name.toLowerCase(Locale.ROOT).split(" ");
            for (int i = 0; i + 1 < parts.length; i++) {
                // "(garage)": a place in brackets is not how anyone searches.
                if (!parts[i + 1].startsWith("(")) {
                    phrases.add(parts[i] + " " + parts[i + 1]);
                }
            }
        }
        return phrases.stream().filter(phrase -> {
            long hits = texts.stream().filter(text -> text.contains(phrase)).limit(MAX_SEARCH_WORD_HITS + 1).count();
            return hits >= 1 && hits <= MAX_SEARCH_WORD_HITS;
        }).toList();
    }

    static String csv(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    static List<Long> readIds(Path file) throws IOException {
        return Files.readAllLines(file).stream().filter(line -> !line.isBlank()).map(Long::valueOf).toList();
    }

    /** Everything done through the API, in parallel where order does not matter. */
    static final class ApiSeeder {

        private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
        private static final Pattern FILENAME = Pattern.compile("\"filename\"\\s*:\\s*\"([^\"]+)\"");
        private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

        // HTTP/1.1 as wrk speaks it; the JDK's default would offer an h2c upgrade on every request.
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        private final ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_REQUESTS);
        private final Words words = new Words(new Random(42));
        /** What the seeded items are called and described as, for W11's queries. */
        private final List<String> names = new ArrayList<>();
        private final List<String> descriptions = new ArrayList<>();
        private final String api;
        private final String issuer;
        private final Path images;
        private final Path data;
        private String token;

        ApiSeeder(String api, String issuer, Path images, Path data) {
            this.api = api;
            this.issuer = issuer;
            this.images = images;
            this.data = data;
        }

        void seed(int itemCount) throws Exception {
            try {
                Files.createDirectories(data);
                timed("token", () -> { fetchToken(); return 1; });
                List<Long> containers = timed("containers", () -> createContainers());
                List<Long> tags = timed("tags", () -> createTags());
                List<byte[]> jpegs = timed("photos generated", () -> generatePhotos());
                List<Long> photos = timed("photos uploaded", () -> uploadPhotos(jpegs));
                List<Long> items = timed("items", () -> createItems(itemCount, containers, tags, photos));
                List<String> searchWords = timed("search words", () -> searchWords(names, descriptions));
                write("container-ids", containers);
                write("tag-ids", tags);
                write("photo-ids", photos);
                write("item-ids", items);
                write("search-words", searchWords);
            } finally {
                pool.shutdownNow();
            }
        }

        private void fetchToken() throws IOException, InterruptedException {
            String body = "{\"grant_type\":\"client_credentials\",\"client_id\":\"bench\","
                    + "\"audience\":\"https://cat-data.local/api\"}";
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(issuer + "/oauth/token"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            token = match(ACCESS_TOKEN, expect(200, response, "token"));
            String[] parts = token.split("\\.");
            String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            Files.writeString(data.resolve("token"), token + "\n");
            Files.writeString(data.resolve("token-bad-signature"), withBadSignature(parts) + "\n");
            Files.writeString(data.resolve("sub"), match(Pattern.compile("\"sub\"\\s*:\\s*\"([^\"]+)\""), payload) + "\n");
        }

        /**
         * One character in the middle of the signature changed. Every bit of a middle character is
         * significant, so the token stays canonical base64url of the same length: it passes every
         * cheap check and is refused only by the RSA verification itself.
         */
        private static String withBadSignature(String[] parts) {
            char[] signature = parts[2].toCharArray();
            int middle = signature.length / 2;
            signature[middle] = signature[middle] == 'A' ? 'B' : 'A';
            return parts[0] + "." + parts[1] + "." + new String(signature);
        }

        private List<Long> createContainers() throws Exception {
            List<String> bodies = words.distinct(CONTAINERS, words::containerName).stream()
                    .map(name -> "{\"name\":" + json(name) + ",\"description\":" + json(words.containerDescription()) + "}")
                    .toList();
            return inParallel(CONTAINERS, i -> postJson("/api/container", bodies.get(i)));
        }

        private List<Long> createTags() throws Exception {
            List<String> names = words.distinct(TAGS, words::tagName);
            return inParallel(TAGS, i -> postJson("/api/tag", "{\"name\":" + json(names.get(i)) + "}"));
        }

        private List<byte[]> generatePhotos() throws Exception {
            List<byte[]> jpegs = inParallel(PHOTOS, i -> Photos.jpeg(new Random(1000L + i)));
            IntSummaryStats sizes = IntSummaryStats.of(jpegs.stream().mapToInt(b -> b.length).toArray());
            System.err.printf(Locale.ROOT, "seed: generated JPEG sizes %s%n", sizes);
            return jpegs;
        }

        private List<Long> uploadPhotos(List<byte[]> jpegs) throws Exception {
            List<String> responses = inParallel(jpegs.size(), i -> upload(jpegs.get(i), "photo-" + i + ".jpg"));
            List<String> files = responses.stream().map(response -> match(FILENAME, response)).toList();
            Files.write(data.resolve("photo-files"), files);
            // What nginx and the API will send: the stored files (metadata stripped), not what we made.
            // A service with its photos in a bucket (W4-S3) leaves the images directory empty.
            if (files.stream().allMatch(name -> Files.isRegularFile(images.resolve(name)))) {
                IntSummaryStats stored = IntSummaryStats.of(files.stream()
                        .mapToInt(name -> (int) size(images.resolve(name))).toArray());
                System.err.printf(Locale.ROOT, "seed: stored photo sizes %s%n", stored);
            } else {
                System.err.printf(Locale.ROOT, "seed: photos stored in a bucket, not in %s%n", images);
            }
            return responses.stream().map(response -> Long.valueOf(match(ID, response))).toList();
        }

        private List<Long> createItems(int count, List<Long> containers, List<Long> tags, List<Long> photos)
                throws Exception {
            // Bodies are made up front from one seeded Random, so the dataset is the same on every run.
            List<String> bodies = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String photo = i % 10 == 0 ? ",\"image_id\":" + photos.get((i / 10) % photos.size()) : "";
                String tagList = words.someOf(tags, words.random.nextInt(4)).stream()
                        .map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
                String name = words.itemName();
                String description = words.description();
                names.add(name);
                descriptions.add(description);
                bodies.add("{\"name\":" + json(name) + ",\"description\":" + json(description)
                        + ",\"container_id\":" + words.oneOf(containers) + ",\"tags\":" + tagList + photo + "}");
            }
            return inParallel(count, i -> postJson("/api/item", bodies.get(i)));
        }

        private long postJson(String path, String body) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            return Long.parseLong(match(ID, expect(201, response, "POST " + path)));
        }

        private String upload(byte[] jpeg, String fileName) throws IOException, InterruptedException {
            String boundary = "bench-" + Long.toHexString(System.nanoTime());
            ByteArrayOutputStream body = new ByteArrayOutputStream(jpeg.length + 256);
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + fileName + "\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            body.writeBytes(jpeg);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            HttpResponse<String> response = http.send(request("/api/image")
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofString());
            return expect(201, response, "POST /api/image");
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token);
        }

        private static String expect(int status, HttpResponse<String> response, String what) {
            if (response.statusCode() != status) {
                throw new IllegalStateException(what + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        }

        private interface Task<T> {
            T run(int index) throws Exception;
        }

        /** Runs count tasks on the pool, results in index order; the first failure fails the seeding. */
        private <T> List<T> inParallel(int count, Task<T> task) throws Exception {
            List<Future<T>> futures = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> task.run(index)));
            }
            List<T> results = new ArrayList<>(count);
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }

        private interface Step<T> {
            T run() throws Exception;
        }

        private static <T> T timed(String what, Step<T> step) throws Exception {
            long start = System.nanoTime();
            T result = step.run();
            double seconds = (System.nanoTime() - start) / 1e9;
            String count = result instanceof List<?> list ? list.size() + " " : "";
            System.err.printf(Locale.ROOT, "seed: %s%s in %.1f s%s%n", count, what, seconds,
                    result instanceof List<?> list && seconds > 0 ? String.format(Locale.ROOT, " (%.0f/s)", list.size() / seconds) : "");
            return result;
        }

        private void write(String name, List<?> lines) throws IOException {
            Files.write(data.resolve(name), lines.stream().map(String::valueOf).toList());
        }

        private static long size(Path file) {
            try {
                return Files.size(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String match(Pattern pattern, String text) {
            Matcher matcher = pattern.matcher(text);
            if (!matcher.find()) {
                throw new IllegalStateException("No " + pattern + " in " + text);
            }
            return matcher.group(1);
        }

        /** Our words are plain ASCII, but escape anyway so a future word cannot break the JSON. */
        private static String json(String value) {
            return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
    }

    record IntSummaryStats(int min, long average, int max) {
        static IntSummaryStats of(int[] values) {
            return new IntSummaryStats(IntStream.of(values).min().orElse(0),
                    Math.round(IntStream.of(values).average().orElse(0)), IntStream.of(values).max().orElse(0));
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "min %.1f KB, average %.1f KB, max %.1f KB",
                    min / 1024.0, average / 1024.0, max / 1024.0);
        }
    }

    /** Photos that compress like real ones: smooth gradients and shapes, with some sensor-like noise. */
    static final class Photos {

        static byte[] jpeg(Random random) throws IOException {
            BufferedImage image = picture(random);
            // Size grows with quality. Each guess interpolates between the nearest qualities known to
            // give too few and too many bytes, so a few encodings land within 5% of the target.
            float low = 0.05f;
            float high = 0.98f;
            int lowSize = 0;
            int highSize = Integer.MAX_VALUE;
            float quality = 0.75f;
            byte[] best = null;
            for (int step = 0; step < 8; step++) {
                byte[] encoded = encode(image, quality);
                if (best == null || distance(encoded) < distance(best)) {
                    best = encoded;
                }
                if (distance(best) <= PHOTO_TARGET_BYTES / 20) {
                    break;
                }
                if (encoded.length > PHOTO_TARGET_BYTES) {
                    high = quality;
                    highSize = encoded.length;
                } else {
                    low = quality;
                    lowSize = encoded.length;
                }
                quality = highSize == Integer.MAX_VALUE ? (quality + high) / 2
                        : low + (high - low) * (PHOTO_TARGET_BYTES - lowSize) / (float) (highSize - lowSize);
            }
            return best;
        }

        private static int distance(byte[] jpeg) {
            return Math.abs(jpeg.length - PHOTO_TARGET_BYTES);
        }

        private static BufferedImage picture(Random random) {
            BufferedImage image = new BufferedImage(PHOTO_WIDTH, PHOTO_HEIGHT, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, color(random), PHOTO_WIDTH, PHOTO_HEIGHT, color(random)));
            g.fillRect(0, 0, PHOTO_WIDTH, PHOTO_HEIGHT);
            int shapes = 5 + random.nextInt(25);
            for (int i = 0; i < shapes; i++) {
                int x = random.nextInt(PHOTO_WIDTH);
                int y = random.nextInt(PHOTO_HEIGHT);
                int w = 40 + random.nextInt(400);
                int h = 40 + random.nextInt(300);
                g.setPaint(new GradientPaint(x, y, color(random), x + w, y + h, color(random)));
                if (random.nextBoolean()) {
                    g.fillOval(x, y, w, h);
                } else {
                    g.fillRoundRect(x, y, w, h, random.nextInt(60), random.nextInt(60));
                }
            }
            g.dispose();
            // Sensor-like noise, straight on the pixel array (getRGB/setRGB per pixel is slow).
            int noise = 2 + random.nextInt(14);
            int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
            for (int i = 0; i < pixels.length; i++) {
                int rgb = pixels[i];
                int delta = random.nextInt(2 * noise + 1) - noise;
                pixels[i] = clamp((rgb >> 16 & 255) + delta) << 16 | clamp((rgb >> 8 & 255) + delta) << 8
                        | clamp((rgb & 255) + delta);
            }
            return image;
        }

        private static Color color(Random random) {
            return new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256));
        }

        private static int clamp(int value) {
            return Math.max(0, Math.min(255, value));
        }

        private static byte[] encode(BufferedImage image, float quality) throws IOException {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(PHOTO_TARGET_BYTES * 2);
            try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(output);
                ImageWriteParam parameters = writer.getDefaultWriteParam();
                parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                parameters.setCompressionQuality(quality);
                writer.write(null, new IIOImage(image, null, null), parameters);
            } finally {
                writer.dispose();
            }
            return bytes.toByteArray();
        }
    }

    /**
     * Names and descriptions from word lists, like a household catalogue's: varied enough that
     * random 3-letter searches sometimes hit and sometimes do not.
     */
    static final class Words {

        static final String[] ADJECTIVES = {"old", "new", "spare", "broken", "small", "large", "vintage", "folding",
            "waterproof", "wooden", "heavy", "light", "antique", "cheap", "favourite", "rusty", "shiny", "cordless",
            "electric", "handmade", "striped", "woollen", "portable", "square", "round"};
        static final String[] COLOURS = {"red", "blue", "green", "black", "white", "grey", "yellow", "orange",
            "purple", "brown", "silver", "golden", "pink", "navy", "beige"};
        static final String[] THINGS = {"hammer", "screwdriver", "drill", "tape measure", "lamp", "kettle", "toaster",
            "blanket", "pillow", "scarf", "jumper", "boots", "umbrella", "tent", "sleeping bag", "camera", "charger",
            "cable", "adapter", "headphones", "keyboard", "mouse", "monitor", "router", "book", "notebook", "album",
            "vase", "mug", "teapot", "saucepan", "frying pan", "whisk", "candle", "picture frame", "mirror", "clock",
            "radio", "speaker", "guitar", "violin", "football", "tennis racket", "bicycle pump", "helmet", "gloves",
            "hat", "backpack", "suitcase", "wallet", "sunglasses", "torch", "batteries", "extension lead", "fan",
            "heater", "iron", "sewing kit", "paint brush", "ladder", "saw", "spanner", "pliers", "glue gun",
            "board game", "jigsaw puzzle", "teddy bear", "toy car", "christmas lights", "bauble", "snow globe",
            "photo album", "passport", "receipts", "letters", "cookbook", "thermos", "lunchbox", "yoga mat",
            "dumbbells", "skipping rope", "fishing rod", "binoculars", "compass", "map", "stapler", "printer"};
        static final String[] BRANDS = {"Bosch", "Philips", "Ikea", "Sony", "Makita", "Braun", "Canon", "Nikon",
            "Lego", "Tefal", "Dyson", "Samsung", "Anker", "Logitech", "Fender"};
        static final String[] PLACES = {"garage", "attic", "cellar", "kitchen", "bedroom", "hallway", "study",
            "shed", "loft", "office", "bathroom", "utility room", "living room", "guest room", "porch"};
        static final String[] FURNITURE = {"box", "shelf", "drawer", "cupboard", "crate", "bin", "chest", "basket",
            "cabinet", "wardrobe", "trunk", "rack", "tub", "bag", "case"};
        static final String[] CONDITIONS = {"works fine", "needs a new battery", "slightly scratched",
            "never used", "missing a screw", "good as new", "a bit dusty", "handle is loose", "still in its box",
            "lent to a neighbour once", "needs cleaning", "one of a pair"};
        static final String[] TOPICS = {"camping", "electronics", "cables", "tools", "kitchen", "winter", "summer",
            "garden", "books", "music", "sport", "travel", "documents", "gifts", "christmas", "halloween",
            "baby", "kids", "pets", "fragile", "valuable", "to sell", "to repair", "to donate", "borrowed",
            "bathroom", "office", "photography", "crafts", "sewing", "painting", "cycling", "fishing", "hiking",
            "party", "cleaning", "first aid", "spares", "chargers", "clothes"};
        static final String[] QUALIFIERS = {"2019", "2020", "2021", "2022", "2023", "old", "new", "mine",
            "shared", "urgent", "maybe", "keep", "loft", "garage"};

        final Random random;

        Words(Random random) {
            this.random = random;
        }

        String itemName() {
            String thing = pick(THINGS);
            return switch (random.nextInt(5)) {
                case 0 -> capitalise(pick(ADJECTIVES)) + " " + thing;
                case 1 -> capitalise(pick(COLOURS)) + " " + thing;
                case 2 -> capitalise(pick(ADJECTIVES)) + " " + pick(COLOURS) + " " + thing;
                case 3 -> pick(BRANDS) + " " + thing;
                default -> capitalise(thing) + " (" + pick(PLACES) + ")";
            };
        }

        String description() {
            return switch (random.nextInt(4)) {
                case 0 -> "";
                case 1 -> capitalise(pick(CONDITIONS)) + ".";
                case 2 -> "Bought in " + (1995 + random.nextInt(30)) + ", " + pick(CONDITIONS) + ".";
                default -> capitalise(pick(CONDITIONS)) + "; kept next to the " + pick(THINGS) + " in the "
                        + pick(PLACES) + ".";
            };
        }

        String containerDescription() {
            return "In the " + pick(PLACES) + ", " + (random.nextBoolean() ? "top" : "bottom") + " level.";
        }

        String containerName() {
            return capitalise(pick(PLACES)) + " " + pick(FURNITURE) + " " + (1 + random.nextInt(9));
        }

        String tagName() {
            String topic = pick(TOPICS);
            return random.nextInt(4) == 0 ? topic : topic + " " + pick(QUALIFIERS);
        }

        /** count names, no two equal ignoring case (the API refuses those). */
        List<String> distinct(int count, java.util.function.Supplier<String> maker) {
            Set<String> seen = new LinkedHashSet<>();
            List<String> names = new ArrayList<>(count);
            while (names.size() < count) {
                String name = maker.get();
                if (seen.add(name.toLowerCase(Locale.ROOT))) {
                    names.add(name);
                }
            }
            return names;
        }

        <T> T oneOf(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }

        /** count distinct values (the API refuses an item with the same tag twice). */
        <T> List<T> someOf(List<T> values, int count) {
            Set<T> chosen = new LinkedHashSet<>();
            while (chosen.size() < count) {
                chosen.add(oneOf(values));
            }
            return new ArrayList<>(chosen);
        }

        private String pick(String[] words) {
            return words[random.nextInt(words.length)];
        }

        private static String capitalise(String word) {
            return Character.toUpperCase(word.charAt(0)) + word.substring(1);
        }
    }
}

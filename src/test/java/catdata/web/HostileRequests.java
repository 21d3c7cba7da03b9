package catdata.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

import catdata.web.ApiEndpoints.Endpoint;
import catdata.web.ApiEndpoints.Field;
import catdata.web.ApiEndpoints.FieldKind;

/**
 * Generates requests to every /api route ({@link ApiEndpoints}), each of which the service must refuse.
 *
 * <p>Every request starts as one the route would accept (the caller's own ids, a body of the
 * right shape), may get harmless noise (unknown fields and parameters, odd but valid text, other
 * headers), and then gets at least one <em>breaker</em>: a change that makes it wrong whatever else
 * it carries. Breakers are either refused before any route-specific code runs (a token missing,
 * a method not served, a path id that is not the caller's positive decimal id, a query string
 * that is not UTF-8, a content type not read, a body that is not one well-formed UTF-8 JSON object
 * within the limits) or refused by the rules of a field the route really reads (a name of 10,001
 * characters, {@code "container_id": 0}, a tag that does not exist, only unknown fields). The upload
 * route never gets an image at all: its file is bytes no image format starts with. So every request
 * is invalid by construction; the test still treats any 2xx as a finding.
 */
final class HostileRequests {

    /**
     * A user's household (its catalogue, another member, a pending invitation, a code to someone
     * else's household) and a stranger's: the ids requests refer to.
     */
    record Catalogue(String token, long household, long container, long otherContainer, long tag, long item,
            long photo, String member, long invitation, String code, long strangersHousehold, long strangersContainer,
            long strangersTag, long strangersItem, long strangersPhoto, String stranger, long strangersInvitation) {
    }

    /** A request being built: noise first, then breakers, then it is written out. */
    private static final class Draft {
        String method;
        final Map<String, String> path = new LinkedHashMap<>();
        final List<String> query = new ArrayList<>();
        final List<String> headers = new ArrayList<>();
        String authorization;
        String contentType;
        Map<String, Object> json;
        byte[] raw;
        final List<String> breakers = new ArrayList<>();
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BOUNDARY = "fuzz-boundary";
    private static final String[] METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE", "FOO", "PROPFIND", "TRACE"};
    private static final String[] JUNK_IDS = {"0", "-1", "-7", "1.5", "1e3", "7abc", "7%20", "%207", "abc",
        "9223372036854775808", "99999999999999999999", "-9223372036854775809", "0x7", "%2B7", "7e0", "%00", "7%00",
        "%2F", "7%2F8", "%5C", "%2e%2e", "..", "%C0%AF", "%ED%A0%80", "%FF", "%E2%82%AC", "%F0%9F%90%B1", "%25",
        "7%3B", "%0A", "%09", "%E2%80%AE7", "%EF%BC%97", "", "7.", ".7", "1_000"};
    private static final String[] BAD_QUERY_BYTES = {"%FF", "%C0%AF", "%ED%A0%80", "%F4%90%80%80", "%E2%82", "%80",
        "%F8%88%80%80%80", "%C3"};
    /** Not a number of any width: refused by an {@code int} and a {@code long} parameter alike. */
    private static final String[] JUNK_NUMBERS = {"abc", "1.5", "1e3", "7abc", "99999999999999999999", "0x1", "%2B1",
        "%201", "1%20", "%EF%BC%91", "1%00", "-", "1-"};
    private static final String[] BAD_PAGING = {"limit=0", "limit=1001", "limit=-1", "offset=-1",
        "offset=2147483648", "limit=2147483648"};
    private static final String[] JSON_CONTENT_TYPES_REFUSED = {"text/plain", "application/xml",
        "application/x-www-form-urlencoded", "application/octet-stream", null, "application/json; charset=ISO-8859-1",
        "application/json; charset=UTF-16", "application/json; charset=bogus", "image/png", "text/json",
        "application/jsonx", "multipart/form-data; boundary=fuzz"};
    private static final String[] BAD_AUTHORIZATION = {null, "Bearer junk", "Bearer ", "Bearer a.b.c",
        "Basic dXNlcjpwYXNz", "Token abc", "Bearer  "};
    private static final String[] INVALID_UTF8 = {"FF", "C0AF", "EDA080", "F4908080", "E282", "80", "F888808080",
        "C3", "EDBFBF", "F08282AC", "E080AF", "C1BF"};
    private static final String[] ROLES = {"owner", "editor", "viewer"};
    private static final String[] BAD_ROLES = {"admin", "Owner", "EDITOR", " viewer", "viewer ", "", "none", "0"};
    /** Not {@code null}: the API takes it as absent, the default of 7 days. */
    private static final String[] BAD_SECONDS = {"0", "-1", "1.5", "1e3", "\"3600\"", "true", "[]", "{}",
        "9223372036854775808", "-9223372036854775808", "99999999999999999999"};
    private static final String[] WEIRD_TEXT = {"\uD83D\uDC31", "\u202Eevil", "O'Brien; --", "/* */", "50% _off_",
        "back\\slash", "\"quoted\"", "<script>", "\u00A0\u3000", "e\u0301", "\uFEFF", "\u0130st", "$1 ${x} #{y}",
        "%s%n", "..\\..\\etc/passwd", "\t\n\r"};

    private final List<Endpoint> endpoints;
    private final Catalogue catalogue;
    private final RandomInput random;

    HostileRequests(RequestMappingHandlerMapping handlerMapping, Catalogue catalogue, RandomInput random) {
        this.endpoints = ApiEndpoints.of(handlerMapping);
        this.catalogue = catalogue;
        this.random = random;
    }

    int routes() {
        return endpoints.size();
    }

    HostileRequest next() {
        Endpoint endpoint = random.pick(endpoints);
        Draft draft = valid(endpoint);
        addNoise(endpoint, draft);
        List<Consumer<Draft>> breakers = breakersFor(endpoint);
        for (int i = random.oneIn(4) ? 2 : 1; i > 0; i--) {
            random.pick(breakers).accept(draft);
        }
        return written(endpoint, draft);
    }

    // --- a request the route would accept ---

    private Draft valid(Endpoint endpoint) {
        Draft draft = new Draft();
        draft.method = endpoint.method();
        endpoint.pathVariables().forEach(variable -> draft.path.put(variable, own(kindOf(endpoint, variable))));
        draft.authorization = "Bearer " + catalogue.token();
        if (endpoint.json()) {
            draft.contentType = "application/json";
            draft.json = new LinkedHashMap<>();
            for (Field field : endpoint.body()) {
                draft.json.put(field.name(), validValue(field));
            }
        } else if (endpoint.multipart()) {
            // Never an image: no format starts with a zero byte, so this upload is refused whatever else it has.
            draft.contentType = "multipart/form-data; boundary=" + BOUNDARY;
            draft.raw = multipart("file", "photo.png", "image/png", notAnImage());
        }
        return draft;
    }

    /**
     * What a path variable names: {@code {member}} and {@code {invitation}} say so, and an
     * {@code {id}} is named by the path before it ({@code /api/items/by-tag/{id}} is a tag).
     */
    private static String kindOf(Endpoint endpoint, String variable) {
        if (!variable.equals("id")) {
            return variable;
        }
        String before = endpoint.pattern().substring(0, endpoint.pattern().indexOf("{id}"));
        for (String kind : List.of("household", "image", "tag", "container")) {
            if (before.contains(kind)) {
                return kind;
            }
        }
        return "item";
    }

    private String own(String kind) {
        return switch (kind) {
            case "household" -> Long.toString(catalogue.household());
            case "member" -> catalogue.member();
            case "invitation" -> Long.toString(catalogue.invitation());
            case "image" -> Long.toString(catalogue.photo());
            case "tag" -> Long.toString(catalogue.tag());
            case "container" -> Long.toString(catalogue.container());
            default -> Long.toString(catalogue.item());
        };
    }

    private String strangers(String kind) {
        return switch (kind) {
            case "household" -> Long.toString(catalogue.strangersHousehold());
            case "member" -> catalogue.stranger();
            case "invitation" -> Long.toString(catalogue.strangersInvitation());
            case "image" -> Long.toString(catalogue.strangersPhoto());
            case "tag" -> Long.toString(catalogue.strangersTag());
            case "container" -> Long.toString(catalogue.strangersContainer());
            default -> Long.toString(catalogue.strangersItem());
        };
    }

    /** Someone else's row, or one nobody has: a subject no user has, or an id far past any made. */
    private String notTheCallers(String kind) {
        if (random.coin()) {
            return strangers(kind);
        }
        return kind.equals("member") ? "user-nobody-" + random.below(1000)
                : Long.toString(Long.MAX_VALUE - random.below(1000));
    }

    private Object validValue(Field field) {
        return switch (field.kind()) {
            case NAME -> "Fuzz " + random.below(1_000_000);
            case TEXT -> field.name().equals("code") ? catalogue.code() : "text " + random.below(1000);
            case ROLE -> random.pick(ROLES);
            case SECONDS -> 1 + random.below(86_400);
            case ID -> switch (field.name()) {
                case "image_id" -> catalogue.photo();
                case "to_container_id", "container_id" -> catalogue.otherContainer();
                default -> catalogue.container();
            };
            case IDS -> List.of(catalogue.tag());
            case OTHER -> null;
        };
    }

    // --- noise: changes that leave a valid request valid ---

    private void addNoise(Endpoint endpoint, Draft draft) {
        if (draft.json != null && random.oneIn(3)) {
            for (int i = random.below(4); i >= 0; i--) {
                draft.json.put(random.unknownField(), random.json(0));
            }
        }
        if (draft.json != null && random.oneIn(4)) {
            endpoint.body().stream().filter(field -> field.kind() == FieldKind.NAME || field.kind() == FieldKind.TEXT)
                    .forEach(field -> draft.json.put(field.name(), random.pick(WEIRD_TEXT) + random.below(1000)));
        }
        if (random.oneIn(3)) {
            draft.query.add(random.unknownField() + "=" + RandomInput.encode(random.text(random.below(20))));
        }
        if (random.oneIn(5)) {
            draft.headers.add("Accept");
            draft.headers.add(random.pick(new String[] {"application/json", "*/*", "application/json, text/plain, */*",
                "application/problem+json", "text/html", "image/png", "application/xml"}));
        }
        if (random.oneIn(6)) {
            // The household a request works in by default, named: the same request still.
            if (random.coin()) {
                setHeader(draft, "X-Household", Long.toString(catalogue.household()));
            } else {
                draft.query.add("household=" + catalogue.household());
            }
        }
        if (random.oneIn(6)) {
            setHeader(draft, "Origin", random.pick(new String[] {"https://catalogue.example", "http://localhost:5173"}));
        }
        if (random.oneIn(5)) {
            draft.headers.add("X-Fuzz");
            draft.headers.add(random.ascii(random.below(200)));
        }
        if (!endpoint.takesBody() && random.oneIn(8)) {
            draft.contentType = "application/json";
            draft.raw = utf8("{\"name\": \"ignored\"}");
        }
    }

    // --- breakers: changes that make any request wrong ---

    private List<Consumer<Draft>> breakersFor(Endpoint endpoint) {
        List<Consumer<Draft>> breakers = new ArrayList<>();
        breakers.add(draft -> breaker(draft, "token", () -> draft.authorization = random.pick(BAD_AUTHORIZATION)));
        breakers.add(draft -> wrongMethod(endpoint, draft));
        breakers.add(draft -> breaker(draft, "foreign origin", () -> setHeader(draft, "Origin",
                random.pick(new String[] {"https://evil.example", "null", "http://localhost:5174",
                    "https://catalogue.example.evil.example"}))));
        breakers.add(this::queryNotUtf8);
        if (endpoint.hasId()) {
            breakers.add(draft -> junkId(endpoint, draft));
            breakers.add(draft -> junkId(endpoint, draft));
            breakers.add(draft -> {
                String variable = random.pick(endpoint.pathVariables());
                breaker(draft, "not the caller's " + variable,
                        () -> draft.path.put(variable, notTheCallers(kindOf(endpoint, variable))));
            });
        }
        if (endpoint.inHousehold()) {
            breakers.add(this::notTheCallersHousehold);
        }
        if (endpoint.paged()) {
            breakers.add(draft -> breaker(draft, "paging", () -> draft.query.add(random.coin() ? random.pick(BAD_PAGING)
                    : random.pick(new String[] {"limit=", "offset="}) + random.pick(JUNK_NUMBERS))));
        }
        if (!endpoint.choiceParams().isEmpty()) {
            breakers.add(draft -> choiceNotAllowed(endpoint, draft));
        }
        if (!endpoint.numberParams().isEmpty()) {
            breakers.add(draft -> breaker(draft, "number parameter", () -> draft.query.add(
                    random.pick(endpoint.numberParams()) + "=" + random.pick(JUNK_NUMBERS))));
        }
        if (endpoint.json()) {
            breakers.add(draft -> breaker(draft, "content type",
                    () -> draft.contentType = random.pick(JSON_CONTENT_TYPES_REFUSED)));
            for (int i = 0; i < 3; i++) {
                breakers.add(this::brokenJson);
            }
            if (endpoint.body().stream().anyMatch(field -> field.kind() != FieldKind.OTHER)) {
                for (int i = 0; i < 3; i++) {
                    breakers.add(draft -> badField(endpoint, draft));
                }
            }
            breakers.add(draft -> breaker(draft, "unknown fields only", () -> {
                draft.json.clear();
                for (int i = random.below(3); i > 0; i--) {
                    draft.json.put(random.unknownField(), random.json(0));
                }
            }));
        }
        if (endpoint.multipart()) {
            breakers.add(this::brokenMultipart);
            breakers.add(this::brokenMultipart);
        }
        return breakers;
    }

    private void breaker(Draft draft, String name, Runnable change) {
        change.run();
        draft.breakers.add(name);
    }

    private static void setHeader(Draft draft, String name, String value) {
        for (int i = draft.headers.size() - 2; i >= 0; i -= 2) {
            if (draft.headers.get(i).equalsIgnoreCase(name)) {
                draft.headers.subList(i, i + 2).clear();
            }
        }
        draft.headers.addAll(List.of(name, value));
    }

    private void wrongMethod(Endpoint endpoint, Draft draft) {
        List<String> others = Arrays.stream(METHODS).filter(method -> !endpoint.methodsOnPattern().contains(method))
                .toList();
        breaker(draft, "method", () -> draft.method = random.pick(others));
    }

    private void queryNotUtf8(Draft draft) {
        breaker(draft, "query not UTF-8", () -> {
            String bad = "x" + random.pick(BAD_QUERY_BYTES) + "y";
            draft.query.add(random.coin() ? random.unknownField() + "=" + bad : bad + "=1");
        });
    }

    /** A path variable that is not a positive decimal id; for a member, a subject no member has. */
    private void junkId(Endpoint endpoint, Draft draft) {
        String variable = random.pick(endpoint.pathVariables());
        breaker(draft, "path " + variable, () -> draft.path.put(variable, switch (random.below(6)) {
            case 0 -> "9".repeat(19 + random.below(2000));
            case 1 -> notDigitsOnly(RandomInput.encode(random.text(1 + random.below(5))));
            default -> random.pick(JUNK_IDS);
        }));
    }

    /**
     * Random text can be a digit or two, which is an id, and in a fresh database the caller's own
     * (their rows are the first): such text gets a letter.
     */
    private static String notDigitsOnly(String text) {
        return text.chars().allMatch(c -> c >= '0' && c <= '9') ? text + "x" : text;
    }

    /** A household the caller is not in, or not a household id at all, by header or in the query. */
    private void notTheCallersHousehold(Draft draft) {
        String household = switch (random.below(3)) {
            case 0 -> Long.toString(catalogue.strangersHousehold());
            case 1 -> Long.toString(Long.MAX_VALUE - random.below(1000));
            default -> random.pick(JUNK_IDS);
        };
        breaker(draft, "household", () -> {
            if (random.coin() && !household.isEmpty() && !household.contains("%")) {
                setHeader(draft, "X-Household", household);
            } else {
                draft.query.removeIf(parameter -> parameter.startsWith("household="));
                draft.query.add("household=" + household);
            }
        });
    }

    /** A value that is none of those a text parameter allows: another case, space around it, another word. */
    private void choiceNotAllowed(Endpoint endpoint, Draft draft) {
        String name = random.pick(endpoint.choiceParams().keySet().stream().sorted().toList());
        String allowed = random.pick(endpoint.choiceParams().get(name));
        String value = switch (random.below(4)) {
            case 0 -> allowed.toUpperCase(Locale.ROOT);
            case 1 -> RandomInput.encode(" " + allowed);
            case 2 -> allowed + "x";
            default -> random.coin() ? "" : RandomInput.encode(random.text(1 + random.below(10)));
        };
        breaker(draft, "parameter " + name, () -> draft.query.add(name + "=" + value));
    }

    /** A value the route reads and must refuse, in one of its fields. */
    private void badField(Endpoint endpoint, Draft draft) {
        Field field = random.pick(endpoint.body().stream().filter(known -> known.kind() != FieldKind.OTHER).toList());
        breaker(draft, "field " + field.name(), () -> draft.json.put(field.name(), badValue(field)));
    }

    private Object badValue(Field field) {
        return switch (field.kind()) {
            case NAME -> random.oneIn(4) ? random.pick(new Object[] {null, "", "   ", "\t\n", "\u00A0\u3000"})
                    : badText();
            case TEXT -> badText();
            case ID -> badId(field);
            case IDS -> badIds();
            case ROLE -> random.coin() ? random.pick(BAD_ROLES) : badText();
            case SECONDS -> random.coin() ? new RawValue(random.pick(BAD_SECONDS)) : Long.MAX_VALUE - random.below(1000);
            case OTHER -> throw new IllegalArgumentException("No rule known for " + field);
        };
    }

    /** Refused for every text field: the wrong type, more than 10,000 characters, NUL, a lone surrogate. */
    private Object badText() {
        return switch (random.below(5)) {
            case 0 -> random.pick(new Object[] {5, true, 1.5, List.of(), Map.of("a", 1), new RawValue("-0"),
                new RawValue("1e3")});
            case 1 -> random.text(TextFields.MAX_DESCRIPTION + 1 + random.below(200));
            case 2 -> "a\u0000b";
            case 3 -> new RawValue(random.pick(new String[] {"\"\\ud800\"", "\"x\\udc31\"", "\"\\ud83d x\""}));
            default -> List.of("Box");
        };
    }

    /** Not an id, not one of the caller's, or (for the two that must name a container) a stranger's. */
    private Object badId(Field field) {
        return switch (random.below(3)) {
            case 0 -> new RawValue(random.pick(new String[] {"0", "-1", "-9223372036854775808", "1.5", "1e3", "7e0",
                "1E2", "9223372036854775808", "99999999999999999999", "-9223372036854775809", "7.0", "\"7\"",
                "\"7abc\"", "\"abc\"", "true", "[]", "{}", "[7]", "\"\""}));
            case 1 -> Long.MAX_VALUE - random.below(1000);
            default -> switch (field.name()) {
                case "image_id" -> catalogue.strangersPhoto();
                case "container_id", "to_container_id" -> catalogue.strangersContainer();
                default -> -1 - random.below(1000);
            };
        };
    }

    private Object badIds() {
        return switch (random.below(4)) {
            case 0 -> new RawValue(random.pick(new String[] {"\"x\"", "5", "{}", "true", "[1.5]", "[\"1\"]", "[null]",
                "[9223372036854775808]", "[0]", "[-1]", "[[1]]", "[1e3]"}));
            case 1 -> List.of(catalogue.tag(), catalogue.strangersTag());
            case 2 -> List.of(Long.MAX_VALUE - random.below(1000));
            default -> {
                List<Long> many = new ArrayList<>(List.of(catalogue.tag()));
                for (int i = 0; i < 100 + random.below(50); i++) {
                    many.add(Long.MAX_VALUE - i);
                }
                yield many;
            }
        };
    }

    /** Bytes that are not one well-formed UTF-8 JSON object within the limits, whatever the route reads. */
    private void brokenJson(Draft draft) {
        int kind = random.below(14);
        breaker(draft, "body " + kind, () -> {
            byte[] json = serialized(draft.json);
            String text = new String(json, StandardCharsets.UTF_8);
            draft.raw = switch (kind) {
                case 0 -> Arrays.copyOf(json, random.below(json.length));
                case 1 -> withValue(draft.json, "x_deep", new RawValue(deep(JsonConfiguration.MAX_NESTING_DEPTH + 1
                        + random.below(3000))));
                case 2 -> withRawBytes(draft.json, HexFormat.of().parseHex(random.pick(INVALID_UTF8)));
                case 3 -> withRawBytes(draft.json, new byte[] {(byte) random.below(0x20)});
                case 4 -> utf8("{\"x_dup\": 1, \"x_dup\": 2" + (json.length > 2 ? ", " : "") + text.substring(1));
                case 5 -> concat(new byte[] {(byte) 0xFF}, random.bytes(random.below(3000)));
                case 6 -> withValue(draft.json, "x_number", new RawValue("9".repeat(1001 + random.below(5000))));
                case 7 -> utf8(text + random.pick(new String[] {" {}", " x", ",", " []", "}", " \"a\"", "\u0000"}));
                case 8 -> utf8(random.pick(new String[] {"", "null", "5", "\"Box\"", "true", "[]", "[" + text + "]",
                    "   ", "{", "}"}));
                case 9 -> utf8(text.replace('"', '\''));
                case 10 -> utf8(random.pick(new String[] {"/* c */ ", "// c\n", "# c\n"}) + text);
                case 11 -> withValue(draft.json, "x_lenient", new RawValue(random.pick(new String[] {"007", "+1",
                    "NaN", "Infinity", ".5", "1.", "0x10", "'a'", "undefined", "01.5", "-"})));
                case 12 -> concat(HexFormat.of().parseHex("EFBBBFEFBBBF"), json);
                default -> withValue(draft.json, "x_padding", "p".repeat(JsonBodyLimitFilter.MAX_BYTES));
            };
        });
    }

    private void brokenMultipart(Draft draft) {
        int kind = random.below(6);
        breaker(draft, "multipart " + kind, () -> {
            switch (kind) {
                case 0 -> draft.raw = Arrays.copyOf(draft.raw, random.below(draft.raw.length));
                case 1 -> draft.contentType = "multipart/form-data; boundary=other";
                case 2 -> draft.raw = multipart("photo", "a.png", "image/png", notAnImage());
                case 3 -> draft.raw = utf8("--" + BOUNDARY + "--\r\n");
                case 4 -> draft.raw = multipart("file", RandomInput.encode(random.text(30)) + "/../\"x",
                        random.ascii(20), notAnImage());
                default -> draft.contentType = random.pick(new String[] {"application/json", "text/plain", null,
                    "multipart/mixed; boundary=" + BOUNDARY, "multipart/form-data"});
            }
        });
    }

    // --- writing it out ---

    private HostileRequest written(Endpoint endpoint, Draft draft) {
        String path = endpoint.pattern();
        for (Map.Entry<String, String> variable : draft.path.entrySet()) {
            path = path.replace("{" + variable.getKey() + "}", variable.getValue());
        }
        if (!draft.query.isEmpty()) {
            path += "?" + String.join("&", draft.query);
        }
        List<String> headers = new ArrayList<>(draft.headers);
        if (draft.authorization != null) {
            headers.add("Authorization");
            headers.add(draft.authorization);
        }
        byte[] body = draft.raw != null ? draft.raw : draft.json != null ? serialized(draft.json) : new byte[0];
        return new HostileRequest(draft.method, path, draft.contentType, body, List.copyOf(headers),
                List.copyOf(draft.breakers));
    }

    private static byte[] serialized(Map<String, Object> json) {
        return JSON.writeValueAsBytes(json);
    }

    private static byte[] withValue(Map<String, Object> json, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(json);
        copy.put(field, value);
        return serialized(copy);
    }

    /** The body with {@code bytes} written raw inside one of its strings, known to the route or not. */
    private byte[] withRawBytes(Map<String, Object> json, byte[] bytes) {
        String marker = "@@MARK@@";
        Map<String, Object> copy = new LinkedHashMap<>(json);
        List<String> texts = copy.keySet().stream().filter(field -> copy.get(field) instanceof String).toList();
        if (texts.isEmpty() || random.coin()) {
            copy.put(random.unknownField(), "a" + marker + "b");
        } else {
            String field = random.pick(texts);
            copy.put(field, copy.get(field) + marker);
        }
        String text = new String(serialized(copy), StandardCharsets.UTF_8);
        int at = text.indexOf(marker);
        return concat(utf8(text.substring(0, at)), bytes, utf8(text.substring(at + marker.length())));
    }

    /** Arrays and objects inside each other, {@code depth} levels. */
    private String deep(int depth) {
        StringBuilder json = new StringBuilder();
        StringBuilder closing = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            boolean array = random.coin();
            json.append(array ? "[" : "{\"a\":");
            closing.append(array ? ']' : '}');
        }
        return json.append(random.coin() ? "1" : "[]").append(closing.reverse()).toString();
    }

    private static byte[] multipart(String field, String filename, String contentType, byte[] content) {
        return concat(utf8("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field
                + "\"; filename=\"" + filename + "\"\r\nContent-Type: " + contentType + "\r\n\r\n"), content,
                utf8("\r\n--" + BOUNDARY + "--\r\n"));
    }

    private byte[] notAnImage() {
        byte[] bytes = random.bytes(1 + random.below(5000));
        bytes[0] = 0;
        return bytes;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}

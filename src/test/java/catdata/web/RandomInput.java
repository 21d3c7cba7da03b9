package catdata.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Random text, bytes and JSON values for generated requests, all from one seeded {@link Random}. */
final class RandomInput {

    private final Random random;

    RandomInput(Random random) {
        this.random = random;
    }

    int below(int bound) {
        return random.nextInt(bound);
    }

    boolean coin() {
        return random.nextBoolean();
    }

    /** True once in {@code n} times. */
    boolean oneIn(int n) {
        return random.nextInt(n) == 0;
    }

    <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A field name no body record has: they never start with {@code x_}. */
    String unknownField() {
        return "x_" + Integer.toString(random.nextInt(Integer.MAX_VALUE), 36);
    }

    /** Any JSON value, nested a little. */
    Object json(int depth) {
        return switch (random.nextInt(depth > 2 ? 5 : 7)) {
            case 0 -> text(random.nextInt(30));
            case 1 -> random.nextLong();
            case 2 -> random.nextDouble() * 1e6;
            case 3 -> random.nextBoolean();
            case 4 -> null;
            case 5 -> {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.add(json(depth + 1));
                }
                yield list;
            }
            default -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    map.put(text(5), json(depth + 1));
                }
                yield map;
            }
        };
    }

    /** Valid Unicode text of {@code length} code points, often odd: any plane, combining marks, controls. */
    String text(int length) {
        StringBuilder text = new StringBuilder();
        while (text.codePointCount(0, text.length()) < length) {
            int c = switch (random.nextInt(5)) {
                case 0 -> 0x20 + random.nextInt(0x5F);
                case 1 -> 0xA0 + random.nextInt(0x2000);
                case 2 -> 0x1F300 + random.nextInt(0x300);
                case 3 -> random.nextInt(0x20);
                default -> random.nextInt(Character.MAX_CODE_POINT + 1);
            };
            if (Character.isDefined(c) && Character.getType(c) != Character.SURROGATE && c != 0) {
                text.appendCodePoint(c);
            }
        }
        return text.toString();
    }

    String ascii(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) (0x20 + random.nextInt(0x5F)));
        }
        return text.toString();
    }

    byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Percent-encodes every byte of the text's UTF-8 but letters and digits. */
    static String encode(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                encoded.append((char) c);
            } else {
                encoded.append(String.format("%%%02X", c));
            }
        }
        return encoded.toString();
    }
}

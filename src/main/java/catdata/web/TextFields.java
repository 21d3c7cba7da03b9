package catdata.web;

import java.util.regex.Pattern;

import catdata.error.InvalidInput;

/**
 * The rules every feature applies to the text people type: names are trimmed, required and at
 * most 255 characters; descriptions are optional and bounded. Lengths count characters as
 * PostgreSQL does (code points), so what passes here always fits the column.
 */
public final class TextFields {

    public static final int MAX_NAME = 255;
    public static final int MAX_DESCRIPTION = 10_000;

    private static final Pattern EDGE_SPACE =
            Pattern.compile("^[\\p{IsWhite_Space}\\x{FEFF}]+|[\\p{IsWhite_Space}\\x{FEFF}]+$");

    private TextFields() {
    }

    public static String name(String raw) {
        String name = raw == null ? "" : trim(raw);
        if (name.isEmpty()) {
            throw new InvalidInput("Name is required.");
        }
        if (name.codePointCount(0, name.length()) > MAX_NAME) {
            throw new InvalidInput("Name must be at most " + MAX_NAME + " characters.");
        }
        refuseUnstorable(name, "Name");
        return name;
    }

    /** A required, trimmed text of at most {@code max} characters, named {@code field} in the refusals. */
    public static String required(String raw, String field, int max) {
        String text = raw == null ? "" : trim(raw);
        if (text.isEmpty()) {
            throw new InvalidInput(field + " is required.");
        }
        if (text.codePointCount(0, text.length()) > max) {
            throw new InvalidInput(field + " must be at most " + max + " characters.");
        }
        refuseUnstorable(text, field);
        return text;
    }

    /**
     * Trims white space as JavaScript's {@code trim()} did in the original service: Unicode white
     * space (no-break spaces included, which {@code String.strip()} keeps) and the BOM.
     */
    public static String trim(String text) {
        return EDGE_SPACE.matcher(text).replaceAll("");
    }

    /** An absent or null description is the empty one, as in the original service. */
    public static String description(String raw) {
        if (raw == null) {
            return "";
        }
        if (raw.codePointCount(0, raw.length()) > MAX_DESCRIPTION) {
            throw new InvalidInput("Description must be at most " + MAX_DESCRIPTION + " characters.");
        }
        refuseUnstorable(raw, "Description");
        return raw;
    }

    /**
     * Refuses what PostgreSQL cannot store as given: U+0000 (an error, so a 500) and a lone
     * surrogate (JSON allows {@code "\ud800"}; the driver would quietly store it as '?').
     */
    private static void refuseUnstorable(String text, String field) {
        if (text.indexOf('\u0000') >= 0) {
            throw new InvalidInput(field + " must not contain NUL characters.");
        }
        if (text.codePoints().anyMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)) {
            throw new InvalidInput(field + " must be valid Unicode text.");
        }
    }
}

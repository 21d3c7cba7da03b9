package catdata.archive;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;

import catdata.error.InvalidInput;
import catdata.web.TextFields;

/**
 * The rules an archived row's fields must meet: names and descriptions exactly as the API's
 * ({@link TextFields}), and the fields only an archive carries (timestamps, who made a row, a photo's
 * original name) as the service would have stored them. Each refusal says where: {@code where} is
 * the row ({@code items[3]}).
 */
final class ArchiveFields {

    /** A token's {@code sub}: the service accepts tokens of up to 8 KiB. */
    static final int MAX_SUBJECT = 8192;
    /** As an upload's file name is kept. */
    static final int MAX_ORIGINAL_NAME = 255;

    private ArchiveFields() {
    }

    static String name(String raw, String where) {
        return asTheApiSays(() -> TextFields.name(raw), where);
    }

    static String description(String raw, String where) {
        return asTheApiSays(() -> TextFields.description(raw), where);
    }

    /** A positive id, as the archive numbers its rows. */
    static long id(Long raw, String where, String field) {
        if (raw == null) {
            throw invalid(where, field + " is required.");
        }
        if (raw <= 0) {
            throw invalid(where, field + " must be a positive number.");
        }
        return raw;
    }

    /** An ISO 8601 instant with its offset, within years 1 to 9999; {@code null} when absent. */
    static Instant timestamp(String raw, String where, String field) {
        if (raw == null) {
            return null;
        }
        try {
            OffsetDateTime time = OffsetDateTime.parse(raw);
            int year = time.withOffsetSameInstant(ZoneOffset.UTC).getYear();
            if (year < 1 || year > 9999) {
                throw invalid(where, field + " must be within the years 1 to 9999.");
            }
            return time.toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(where, field + " is not a timestamp such as 2024-05-01T12:00:00.000Z.");
        }
    }

    /** Whoever made or changed a row: as a token names them, kept exactly; {@code null} when absent. */
    static String subject(String raw, String where, String field) {
        if (raw == null) {
            return null;
        }
        if (raw.isBlank()) {
            throw invalid(where, field + " must not be empty.");
        }
        if (raw.codePointCount(0, raw.length()) > MAX_SUBJECT) {
            throw invalid(where, field + " must be at most " + MAX_SUBJECT + " characters.");
        }
        refuseControlsAndBrokenText(raw, where, field);
        return raw;
    }

    /** A file name kept as metadata, as an upload keeps it: no path, no control characters. */
    static String originalName(String raw, String where) {
        if (raw == null) {
            return null;
        }
        String field = "original_name";
        if (raw.isEmpty() || raw.codePointCount(0, raw.length()) > MAX_ORIGINAL_NAME) {
            throw invalid(where, field + " must be 1 to " + MAX_ORIGINAL_NAME + " characters.");
        }
        if (raw.indexOf('/') >= 0 || raw.indexOf('\\') >= 0) {
            throw invalid(where, field + " must be a file name without a path.");
        }
        refuseControlsAndBrokenText(raw, where, field);
        return raw;
    }

    static InvalidArchive invalid(String where, String problem) {
        return new InvalidArchive(ArchiveLayout.CATALOGUE + " " + where + ": " + problem);
    }

    private static void refuseControlsAndBrokenText(String raw, String where, String field) {
        if (raw.codePoints().anyMatch(Character::isISOControl)) {
            throw invalid(where, field + " must not contain control characters.");
        }
        if (raw.codePoints().anyMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)) {
            throw invalid(where, field + " must be valid Unicode text.");
        }
    }

    private static String asTheApiSays(Supplier<String> rule, String where) {
        try {
            return rule.get();
        } catch (InvalidInput refused) {
            throw invalid(where, refused.getMessage());
        }
    }
}

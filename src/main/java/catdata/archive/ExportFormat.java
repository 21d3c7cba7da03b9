package catdata.archive;

import java.time.LocalDate;
import java.util.Arrays;

import catdata.error.InvalidInput;

/** What {@code GET /api/export?format=} gives: the whole household as an archive, or its items as CSV. */
enum ExportFormat {
    ZIP("zip", "application/zip"),
    /** RFC 4180 registers the {@code header} parameter: the first line names the columns. */
    CSV("csv", "text/csv;header=present;charset=UTF-8");

    private final String wireName;
    private final String contentType;

    ExportFormat(String wireName, String contentType) {
        this.wireName = wireName;
        this.contentType = contentType;
    }

    /** The archive unless asked otherwise. */
    static ExportFormat of(String requested) {
        if (requested == null) {
            return ZIP;
        }
        return Arrays.stream(values()).filter(format -> format.wireName.equals(requested)).findFirst()
                .orElseThrow(() -> new InvalidInput("Unknown format: use zip or csv."));
    }

    String contentType() {
        return contentType;
    }

    /**
     * {@code cat-data-<household id>-<date>.zip}: the id, not the household's name, which is
     * {@code Personal} for most and may hold any character; the id is what tells a household apart.
     */
    String fileName(long household, LocalDate date) {
        return "cat-data-" + household + "-" + date + "." + wireName;
    }
}

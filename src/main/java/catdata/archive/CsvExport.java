package catdata.archive;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

import catdata.owner.Owner;

/**
 * A household's items as CSV: RFC 4180 (commas, CRLF, fields quoted where needed), UTF-8, a header
 * line, tags by name joined with {@value #TAG_SEPARATOR}. Text a spreadsheet would run as a formula
 * is made inert ({@link #inert}).
 */
@Component
class CsvExport {

    static final String[] HEADER = {"id", "name", "description", "container", "tags", "photo_id", "created_at",
        "updated_at"};
    static final String TAG_SEPARATOR = ";";

    /**
     * What makes a spreadsheet (Excel, LibreOffice, Google Sheets) take a cell for a formula, by the
     * OWASP advice on CSV injection: {@code = + - @}, and tab and carriage return, which some treat as
     * blank before one of those.
     */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    /** As the API writes timestamps (JavaScript's {@code toISOString()}). */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader(HEADER).get();

    private final ExportRepository rows;

    CsvExport(ExportRepository rows) {
        this.rows = rows;
    }

    /** Must run in a transaction (the rows come from a cursor). */
    void write(Owner owner, OutputStream out) throws IOException {
        Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        CSVPrinter csv = new CSVPrinter(text, FORMAT);
        rows.itemLines(owner, item -> {
            try {
                csv.printRecord(item.id(), inert(item.name()), inert(item.description()), inert(item.container()),
                        inert(String.join(TAG_SEPARATOR, item.tags())), item.photoId() == null ? "" : item.photoId(),
                        timestamp(item.createdAt()), timestamp(item.updatedAt()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        csv.flush();
    }

    private static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    /** Prefixed with a single quote, which spreadsheets show as text and do not display. */
    static String inert(String cell) {
        return !cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }
}

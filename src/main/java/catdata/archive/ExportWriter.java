package catdata.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import catdata.owner.Owner;

/**
 * Streams an export as the download of a response, from one repeatable-read, read-only transaction:
 * every query of the export sees the catalogue as it was when the export began, whatever is changed
 * meanwhile.
 *
 * <p>A failure before the first bytes leave is answered as any other (Spring clears the download's
 * headers first). After that the status line has been sent, so the only honest signal left is to cut
 * the connection: the client sees a download that ended early, never one that looks complete.
 * {@link ExportCutShort} is left for Tomcat, which closes a committed response's connection on an
 * error.
 */
@Component
class ExportWriter {

    private final ZipExport zip;
    private final CsvExport csv;
    private final TransactionTemplate snapshot;

    ExportWriter(ZipExport zip, CsvExport csv, PlatformTransactionManager transactions) {
        this.zip = zip;
        this.csv = csv;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    void write(Owner owner, ExportFormat format, HttpServletResponse response) throws IOException {
        try {
            snapshot.executeWithoutResult(status -> {
                try {
                    OutputStream body = start(owner, format, response);
                    switch (format) {
                        case ZIP -> zip.write(owner, body);
                        case CSV -> csv.write(owner, body);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (RuntimeException e) {
            if (response.isCommitted()) {
                throw new ExportCutShort(e);
            }
            if (e instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw e;
        }
    }

    /** The headers of the download, set once the transaction has begun (so the database is there). */
    private static OutputStream start(Owner owner, ExportFormat format, HttpServletResponse response)
            throws IOException {
        response.setContentType(format.contentType());
        String name = format.fileName(owner.household(), LocalDate.now(ZoneOffset.UTC));
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                .toString());
        return response.getOutputStream();
    }

    /** The export failed after its first bytes were sent; see {@link ExportWriter}. */
    static final class ExportCutShort extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ExportCutShort(RuntimeException cause) {
            super("The export failed after it had started; the connection is closed", cause);
        }
    }
}

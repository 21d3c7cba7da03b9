package catdata.item;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import catdata.owner.Owner;
import catdata.paging.Paged;
import catdata.paging.Paging;

/**
 * Writes a list of items straight to the response as its rows arrive from the database, so a list
 * of any size (all items, a container's, a search's) is sent in constant memory; the JSON is the one
 * a {@code List<ItemResponse>} gives.
 *
 * <p>A failure before the first bytes leave is answered as any other (a 503 when the database is
 * down). After that the status line has been sent, so the only honest signal left is to cut the
 * connection: the client then sees a response that ended early (no final chunk), never one that
 * looks complete. The generator is therefore never closed on failure (closing would write the
 * missing {@code ]}), nor is the response stream (closing it would end the response properly), and
 * {@link ListCutShort} is left for Tomcat, which closes a committed response's connection on an error.
 */
@Component
class ItemListWriter {

    private final ItemFinder finder;
    private final TransactionTemplate readOnly;
    private final ObjectWriter json;

    ItemListWriter(ItemFinder finder, PlatformTransactionManager transactions, JsonMapper mapper) {
        this.finder = finder;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.json = mapper.writer()
                .without(StreamWriteFeature.AUTO_CLOSE_CONTENT)
                .without(StreamWriteFeature.AUTO_CLOSE_TARGET);
    }

    /**
     * The list {@code filter} picks: one page, with {@code X-Total-Count}, when paging was asked
     * for, else the whole list through a cursor in one read-only transaction. A container or tag
     * that is not the owner's is found before anything is written, so it is answered as a 404.
     */
    void write(Owner owner, ItemFilter filter, Paging paging, HttpServletResponse response) {
        if (paging.requested()) {
            Paged<Item> page = finder.page(owner, filter, paging);
            page.totalCount().ifPresent(total -> response.setHeader(Paged.TOTAL_COUNT, Long.toString(total)));
            write(response, page.rows()::forEach);
            return;
        }
        try {
            readOnly.executeWithoutResult(status -> {
                try (Stream<Item> rows = finder.whole(owner, filter)) {
                    write(response, rows::forEach);
                }
            });
        } catch (ListCutShort e) {
            throw e;
        } catch (RuntimeException e) {
            // Ending the transaction fails too when the connection died mid-list: that failure
            // replaces the list's own, and must cut the connection all the same.
            throw failed(response, e);
        }
    }

    private void write(HttpServletResponse response, Consumer<Consumer<Item>> rows) {
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        try {
            OutputStream body = response.getOutputStream();
            JsonGenerator generator = json.createGenerator(body);
            generator.writeStartArray();
            rows.accept(item -> generator.writePOJO(ItemResponse.of(item)));
            generator.writeEndArray();
            generator.close();
        } catch (IOException e) {
            throw failed(response, new UncheckedIOException(e));
        } catch (RuntimeException e) {
            throw failed(response, e);
        }
    }

    private static RuntimeException failed(HttpServletResponse response, RuntimeException e) {
        return response.isCommitted() ? new ListCutShort(e) : e;
    }

    /** The list failed after its first bytes were sent; see {@link ItemListWriter}. */
    static final class ListCutShort extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ListCutShort(RuntimeException cause) {
            super("The item list failed after it had started; the connection is closed", cause);
        }
    }
}

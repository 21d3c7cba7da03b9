package catdata.item;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Consumer;

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

/**
 * Writes the list of all items straight to the response as its rows arrive from the database, so a
 * catalogue of any size is sent in constant memory; the JSON is the one a {@code List<ItemResponse>}
 * gives.
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

    private final ItemRepository items;
    private final TransactionTemplate readOnly;
    private final ObjectWriter json;

    ItemListWriter(ItemRepository items, PlatformTransactionManager transactions, JsonMapper mapper) {
        this.items = items;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.json = mapper.writer()
                .without(StreamWriteFeature.AUTO_CLOSE_CONTENT)
                .without(StreamWriteFeature.AUTO_CLOSE_TARGET);
    }

    /** Every item of the owner, in id order, read through a cursor in one read-only transaction. */
    void writeAll(Owner owner, HttpServletResponse response) throws IOException {
        write(response, each -> readOnly.executeWithoutResult(status -> items.forEach(owner, each)));
    }

    /** One page, with {@code X-Total-Count} when paging was asked for. */
    void write(Paged<Item> page, HttpServletResponse response) throws IOException {
        page.totalCount().ifPresent(total -> response.setHeader(Paged.TOTAL_COUNT, Long.toString(total)));
        write(response, page.rows()::forEach);
    }

    private void write(HttpServletResponse response, Consumer<Consumer<Item>> rows) throws IOException {
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        OutputStream body = response.getOutputStream();
        try {
            JsonGenerator generator = json.createGenerator(body);
            generator.writeStartArray();
            rows.accept(item -> generator.writePOJO(ItemResponse.of(item)));
            generator.writeEndArray();
            generator.close();
        } catch (RuntimeException e) {
            if (response.isCommitted()) {
                throw new ListCutShort(e);
            }
            throw e;
        }
    }

    /** The list failed after its first bytes were sent; see {@link ItemListWriter}. */
    static final class ListCutShort extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ListCutShort(RuntimeException cause) {
            super("The item list failed after it had started; the connection is closed", cause);
        }
    }
}

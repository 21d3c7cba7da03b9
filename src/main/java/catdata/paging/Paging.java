package catdata.paging;

import java.util.List;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Opt-in paging of a list ({@code ?limit=&offset=}). Without either, a list comes whole, as the
 * front end expects; with either, the response also says how many rows there are in all. Read,
 * and checked, by {@link PagingArgumentResolver}.
 */
public record Paging(
        @Parameter(description = "Return at most this many rows (1-1000); the response then carries X-Total-Count.",
                schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "" + Paging.MAX_LIMIT))
        Integer limit,
        @Parameter(description = "Skip this many rows first (0 or more).",
                schema = @Schema(type = "integer", format = "int32", minimum = "0"))
        Integer offset) {

    public static final int MAX_LIMIT = 1000;
    public static final Paging ALL = new Paging(null, null);

    public boolean requested() {
        return limit != null || offset != null;
    }

    public int skip() {
        return offset == null ? 0 : offset;
    }

    /** Reads one page, and the total only when the caller asked for paging (it costs a query). */
    public <T> Paged<T> fetch(Supplier<List<T>> rows, LongSupplier total) {
        List<T> page = rows.get();
        return new Paged<>(page, requested() ? OptionalLong.of(total.getAsLong()) : OptionalLong.empty());
    }
}

package catdata.paging;

import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;

import org.springframework.http.ResponseEntity;

/** One page of a list, with the number of rows in the whole list when paging was asked for. */
public record Paged<T>(List<T> rows, OptionalLong totalCount) {

    public static final String TOTAL_COUNT = "X-Total-Count";

    public static <T> Paged<T> empty(Paging paging) {
        return paging.fetch(List::of, () -> 0);
    }

    public <R> ResponseEntity<List<R>> toResponse(Function<? super T, R> toBody) {
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        totalCount.ifPresent(total -> ok.header(TOTAL_COUNT, Long.toString(total)));
        return ok.body(rows.stream().<R>map(toBody).toList());
    }
}

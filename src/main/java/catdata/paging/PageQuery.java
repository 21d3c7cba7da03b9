package catdata.paging;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.RowMapper;

import catdata.paging.Paged;
import catdata.paging.Paging;

/**
 * A page of a list in one statement: its rows, the total when paging was asked for, and whether the
 * list's scope (a container, a tag) is the caller's at all. One statement needs no transaction for
 * its parts to agree, and costs one round trip where an existence check, the rows and a count
 * took three plus {@code BEGIN} and {@code COMMIT}.
 *
 * <p>The scope is a one-row subquery carrying the total; the page is joined to it laterally, so a
 * scope that exists always gives a row (all {@code NULL} when the page is empty), and a scope that
 * does not gives none.
 */
public final class PageQuery {

    private PageQuery() {
    }

    /**
     * @param scope  {@code FROM ... WHERE ...} selecting the one row the list belongs to, or
     *               {@code ""} for a list that always exists
     * @param count  a {@code SELECT count(*) ...} of the whole list
     * @param rows   the list's own query, without an order or a limit
     * @param alias  the name the rows are given, which {@code order} refers to
     * @param order  the list's order, by {@code alias}'s columns
     */
    public static String sql(Paging paging, String scope, String count, String rows, String alias, String order) {
        String total = paging.requested() ? "(" + count + ")" : "NULL::bigint";
        // A page is cut from the ordered rows; a whole list is ordered once, outside (the join does
        // not keep an inner order): sorting it twice cost a second sort, spilled to disk, for a
        // search answering 40,000 items.
        String inner = paging.requested() ? rows + "\nORDER BY " + order + "\nLIMIT :limit OFFSET :offset" : rows;
        return """
                SELECT scope.total_count, %4$s.*
                FROM (SELECT %1$s AS total_count %2$s) scope
                LEFT JOIN LATERAL (
                %3$s
                ) %4$s ON true
                ORDER BY %5$s
                """.formatted(total, scope, inner, alias, order);
    }

    /** Reads a {@link #sql} result: empty when the scope is not there; rows without an {@code id} are no rows. */
    public static <T> ResultSetExtractor<Optional<Paged<T>>> extractor(RowMapper<T> rowMapper) {
        return results -> {
            if (!results.next()) {
                return Optional.empty();
            }
            OptionalLong total = total(results);
            List<T> rows = new ArrayList<>();
            int rowNumber = 0;
            do {
                if (results.getObject("id") != null) {
                    rows.add(rowMapper.mapRow(results, rowNumber++));
                }
            } while (results.next());
            return Optional.of(new Paged<>(rows, total));
        };
    }

    private static OptionalLong total(ResultSet results) throws SQLException {
        long total = results.getLong("total_count");
        return results.wasNull() ? OptionalLong.empty() : OptionalLong.of(total);
    }
}

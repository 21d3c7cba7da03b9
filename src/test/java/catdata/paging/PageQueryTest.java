package catdata.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import catdata.support.RepositoryDatabase;

/** The one statement behind every paged list, run on the real database over a list of its own. */
class PageQueryTest {

    /** Named as the page names its rows: a page's order is applied inside the list's query too. */
    private static final String ROWS =
            "SELECT r.id, r.name FROM (VALUES (1, 'b'), (2, 'A'), (3, 'c'), (4, 'a')) r(id, name)";
    private static final String COUNT = "SELECT count(*) FROM (" + ROWS + ") counted";
    private static final String NO_ROWS = ROWS + " WHERE false";
    /** The list belongs to scope 1; scope 2 does not exist. */
    private static final String SCOPE = "FROM (VALUES (1)) s(id) WHERE s.id = :scope";
    private static final String ORDER = "lower(r.name), r.id";

    private final JdbcClient jdbc = RepositoryDatabase.jdbc();

    @Test
    void aWholeListComesInOrderWithoutATotal() {
        assertThat(page("", ROWS, Paging.ALL)).contains(new Paged<>(List.of("A", "a", "b", "c"), OptionalLong.empty()));
    }

    @Test
    void aPageIsCutFromTheOrderedListAndCarriesTheTotal() {
        assertThat(page("", ROWS, new Paging(2, 1))).contains(new Paged<>(List.of("a", "b"), OptionalLong.of(4)));
        assertThat(page("", ROWS, new Paging(2, null))).contains(new Paged<>(List.of("A", "a"), OptionalLong.of(4)));
        assertThat(page("", ROWS, new Paging(null, 3))).contains(new Paged<>(List.of("c"), OptionalLong.of(4)));
    }

    @Test
    void aPagePastTheEndIsEmptyAndStillCarriesTheTotal() {
        assertThat(page("", ROWS, new Paging(2, 4))).contains(new Paged<>(List.of(), OptionalLong.of(4)));
        assertThat(page("", ROWS, new Paging(null, 100))).contains(new Paged<>(List.of(), OptionalLong.of(4)));
    }

    @Test
    void anEmptyListIsAnEmptyPage() {
        assertThat(page("", NO_ROWS, Paging.ALL)).contains(new Paged<>(List.of(), OptionalLong.empty()));
        assertThat(page("", NO_ROWS, new Paging(10, 0))).contains(new Paged<>(List.of(), OptionalLong.of(0)));
    }

    @Test
    void aListWhoseScopeExistsIsAPageEvenWhenEmpty() {
        assertThat(page(SCOPE, ROWS, new Paging(1, 0), 1)).contains(new Paged<>(List.of("A"), OptionalLong.of(4)));
        assertThat(page(SCOPE, NO_ROWS, Paging.ALL, 1)).contains(new Paged<>(List.of(), OptionalLong.empty()));
        assertThat(page(SCOPE, NO_ROWS, new Paging(1, 0), 1)).contains(new Paged<>(List.of(), OptionalLong.of(0)));
    }

    @Test
    void aListWhoseScopeIsMissingIsNoPageAtAll() {
        assertThat(page(SCOPE, ROWS, Paging.ALL, 2)).isEmpty();
        assertThat(page(SCOPE, ROWS, new Paging(10, 0), 2)).isEmpty();
    }

    private Optional<Paged<String>> page(String scope, String rows, Paging paging) {
        return page(scope, rows, paging, 0);
    }

    private Optional<Paged<String>> page(String scope, String rows, Paging paging, int scopeId) {
        String count = rows.equals(ROWS) ? COUNT : "SELECT 0::bigint";
        return jdbc.sql(PageQuery.sql(paging, scope, count, rows, "r", ORDER))
                .param("scope", scopeId)
                .param("limit", paging.limit(), Types.INTEGER).param("offset", paging.skip())
                .query(PageQuery.extractor((row, n) -> row.getString("name")));
    }
}

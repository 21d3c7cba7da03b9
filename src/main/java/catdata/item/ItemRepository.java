package catdata.item;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import catdata.paging.PageQuery;
import catdata.owner.Owner;
import catdata.paging.Paged;
import catdata.paging.Paging;

/** Items and their tag links ({@code items_to_tags}), which only ever change with their item. */
@Repository
class ItemRepository {

    /** One row per item, its tag ids gathered in the same query. */
    static final String SELECT_ITEMS = """
            SELECT i.id, i.name, i.description, i.container_id, c.name AS container_name, i.image_id,
                   ARRAY(SELECT it.tag_id FROM items_to_tags it WHERE it.item_id = i.id ORDER BY it.tag_id) AS tag_ids,
                   i.created_at, i.updated_at, i.created_by, i.updated_by
            FROM items i
            JOIN containers c ON c.id = i.container_id AND c.household_id = i.household_id
            """;

    /** The one row a list within a container belongs to; without it the list is a 404, not empty. */
    private static final String CONTAINER_SCOPE =
            "FROM containers s WHERE s.household_id = :household AND s.id = :container";

    /** Matches first where the name starts with the text, then by name. */
    private static final String BEST_MATCH_FIRST = "i.name ILIKE :prefix DESC, lower(i.name), i.id";

    /** Rows per round trip of a streamed list: about 150 KB of JSON, a few round trips per thousand items. */
    static final int STREAM_FETCH_SIZE = 500;

    static final RowMapper<Item> ITEM = ItemRepository::map;

    private final JdbcClient jdbc;

    ItemRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Item> find(Owner owner, long id) {
        return jdbc.sql(SELECT_ITEMS + "WHERE i.household_id = :household AND i.id = :id")
                .param("household", owner.household()).param("id", id)
                .query(ITEM).optional();
    }

    /**
     * One page of a list, with its total when paging was asked for, in one statement; empty when
     * the list's container or tag is not the owner's.
     */
    Optional<Paged<Item>> findPage(Owner owner, ItemFilter filter, Paging paging) {
        Where where = where(filter);
        String list = SELECT_ITEMS + "WHERE i.household_id = :household " + where.condition();
        String count = "SELECT count(*) FROM items i WHERE i.household_id = :household " + where.condition();
        return jdbc.sql(PageQuery.sql(paging, where.scope(), count, list, "i", where.order()))
                .params(where.params())
                .param("household", owner.household())
                .param("limit", paging.limit(), Types.INTEGER).param("offset", paging.skip())
                .query(PageQuery.extractor(ITEM));
    }

    /**
     * The whole list, handed on while its rows are still being read: a server-side cursor fetches
     * {@value #STREAM_FETCH_SIZE} rows at a time, so the list is never in memory. Empty when the
     * list's container or tag is not the owner's, which the first row says before any item is
     * handed on. Must run inside a transaction (pgjdbc keeps a cursor only there, and outside one
     * would read every row before returning the first); the caller closes the stream.
     */
    Optional<Stream<Item>> stream(Owner owner, ItemFilter filter) {
        Where where = where(filter);
        String list = (SELECT_ITEMS + "WHERE i.household_id = :household " + where.condition()).strip();
        if (where.scope().isEmpty()) {
            // Nothing to check first, so the rows are ordered where an index can give the order
            // (all items by id) rather than sorted after a join.
            return Optional.of(cursor(list + " ORDER BY " + where.order(), owner, where, ITEM));
        }
        // The scope row comes first, with the list's rows joined to it: no row, no list (see PageQuery).
        Stream<Optional<Item>> rows = cursor(PageQuery.sql(Paging.ALL, where.scope(), "", list, "i", where.order()),
                owner, where, ItemRepository::mapScoped);
        try {
            Iterator<Optional<Item>> each = rows.iterator();
            if (!each.hasNext()) {
                rows.close();
                return Optional.empty();
            }
            Spliterator<Optional<Item>> rest = Spliterators.spliteratorUnknownSize(each, Spliterator.ORDERED);
            return Optional.of(StreamSupport.stream(rest, false).flatMap(Optional::stream).onClose(rows::close));
        } catch (RuntimeException e) {
            rows.close();
            throw e;
        }
    }

    /** A row of a list with a scope: an item, or none when the scope's list is empty. */
    private static Optional<Item> mapScoped(ResultSet row, int rowNumber) throws SQLException {
        return row.getObject("id") == null ? Optional.empty() : Optional.of(map(row, rowNumber));
    }

    private <T> Stream<T> cursor(String sql, Owner owner, Where where, RowMapper<T> rowMapper) {
        return jdbc.sql(sql)
                .withFetchSize(STREAM_FETCH_SIZE)
                .params(where.params())
                .param("household", owner.household())
                .query(rowMapper).stream();
    }

    /** Distinct names (ignoring case) containing {@code text}, those starting with it first. */
    List<String> nameSuggestions(Owner owner, String text, int limit) {
        return jdbc.sql("""
                SELECT min(i.name)
                FROM items i
                WHERE i.household_id = :household AND i.name ILIKE :contains
                GROUP BY lower(i.name)
                ORDER BY bool_or(i.name ILIKE :prefix) DESC, lower(i.name)
                LIMIT :limit
                """)
                .params(patterns(text))
                .param("household", owner.household())
                .param("limit", limit)
                .query(String.class).list();
    }

    /**
     * Changes the fields given (a {@code null} keeps the stored value; {@code changeImage} says
     * whether {@code imageId}, which may be {@code null}, replaces the photo). The update reads and
     * writes the row under its lock in one statement, so two saves of different fields both stay.
     * Returns whether the owner has the item and the container and photo given are the owner's too
     * (the service checks, and locks, them first; the statement refuses another owner's all the same).
     */
    boolean update(Owner owner, long id, String name, String description, Long containerId, boolean changeImage,
            Long imageId) {
        return jdbc.sql("""
                UPDATE items AS i
                SET name = coalesce(:name, i.name),
                    description = coalesce(:description, i.description),
                    container_id = coalesce(:container, i.container_id),
                    image_id = CASE WHEN :changeImage THEN :image ELSE i.image_id END,
                    updated_at = now(), updated_by = :sub
                WHERE i.household_id = :household AND i.id = :id
                  AND (CAST(:container AS bigint) IS NULL
                       OR EXISTS (SELECT FROM containers c WHERE c.household_id = :household AND c.id = :container))
                  AND (NOT :changeImage OR CAST(:image AS bigint) IS NULL
                       OR EXISTS (SELECT FROM images m WHERE m.household_id = :household AND m.id = :image))
                """)
                .param("household", owner.household()).param("sub", owner.sub()).param("id", id)
                .param("name", name, Types.VARCHAR).param("description", description, Types.VARCHAR)
                .param("container", containerId, Types.BIGINT)
                .param("changeImage", changeImage).param("image", imageId, Types.BIGINT)
                .update() == 1;
    }

    /** Links the item to those of {@code tagIds} that are the owner's tags. */
    void addTags(Owner owner, long itemId, Collection<Long> tagIds) {
        if (tagIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO items_to_tags (item_id, tag_id)
                SELECT i.id, t.id
                FROM items i, tags t
                WHERE i.household_id = :household AND i.id = :item AND t.household_id = :household AND t.id IN (:tags)
                """)
                .param("household", owner.household()).param("item", itemId).param("tags", tagIds)
                .update();
    }

    void removeAllTags(Owner owner, long itemId) {
        jdbc.sql("""
                DELETE FROM items_to_tags it
                USING items i
                WHERE it.item_id = i.id AND i.household_id = :household AND i.id = :item
                """)
                .param("household", owner.household()).param("item", itemId)
                .update();
    }

    boolean delete(Owner owner, long id) {
        return jdbc.sql("DELETE FROM items WHERE household_id = :household AND id = :id")
                .param("household", owner.household()).param("id", id)
                .update() == 1;
    }

    /** Moves every item of one container into another, both the owner's; returns how many moved. */
    int moveAll(Owner owner, long fromContainerId, long toContainerId) {
        return jdbc.sql("""
                UPDATE items
                SET container_id = :to, updated_at = now(), updated_by = :sub
                WHERE household_id = :household AND container_id = :from
                  AND EXISTS (SELECT FROM containers t WHERE t.household_id = :household AND t.id = :to)
                """)
                .param("household", owner.household()).param("sub", owner.sub())
                .param("from", fromContainerId).param("to", toContainerId)
                .update();
    }

    /** {@code scope}: where the one row the list belongs to is, for {@link PageQuery}; empty for all items. */
    private record Where(String scope, String condition, String order, Map<String, Object> params) {
    }

    private static Where where(ItemFilter filter) {
        Map<String, Object> params = new HashMap<>();
        return switch (filter.kind()) {
            case NOTHING -> new Where("", "AND false", "i.id", params);
            case ALL -> new Where("", "", "i.id", params);
            case IN_CONTAINER -> {
                params.put("container", filter.containerId());
                yield new Where(CONTAINER_SCOPE, "AND i.container_id = :container", "i.id", params);
            }
            case WITH_TAG -> {
                params.put("tag", filter.tagId());
                yield new Where("FROM tags s WHERE s.household_id = :household AND s.id = :tag",
                        "AND i.id IN (SELECT it.item_id FROM items_to_tags it WHERE it.tag_id = :tag)",
                        "i.id", params);
            }
            case NAME_CONTAINS -> {
                params.putAll(patterns(filter.text()));
                yield new Where("", "AND i.name ILIKE :contains", BEST_MATCH_FIRST, params);
            }
            case TEXT_MATCHES -> {
                params.putAll(patterns(filter.text()));
                // A UNION, not an OR of the three: each part can then use its own trigram index. The ids
                // are gathered once, into an array the primary key is probed with: as IN (subquery), a
                // plan made without statistics (a table just filled, before autovacuum analysed it)
                // compared every item with every match, 3 s instead of 35 ms for 4,000 of 10,000 items.
                String condition = """
                        AND i.id = ANY(ARRAY(
                                     SELECT n.id FROM items n
                                     WHERE n.household_id = :household AND n.name ILIKE :contains
                                     UNION
                                     SELECT d.id FROM items d
                                     WHERE d.household_id = :household AND d.description ILIKE :contains
                                     UNION
                                     SELECT it.item_id
                                     FROM items_to_tags it
                                     JOIN tags t ON t.id = it.tag_id
                                     WHERE t.household_id = :household AND t.name ILIKE :contains))
                        """;
                String scope = "";
                if (filter.containerId() != null) {
                    params.put("container", filter.containerId());
                    condition += " AND i.container_id = :container";
                    scope = CONTAINER_SCOPE;
                }
                yield new Where(scope, condition, BEST_MATCH_FIRST, params);
            }
        };
    }

    private static Map<String, Object> patterns(String text) {
        return Map.of("contains", "%" + escapeLike(text) + "%", "prefix", escapeLike(text) + "%");
    }

    /** What people search for is matched literally: {@code %} and {@code _} are not wildcards. */
    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Item map(ResultSet row, int rowNumber) throws SQLException {
        long imageId = row.getLong("image_id");
        Long image = row.wasNull() ? null : imageId;
        return new Item(row.getLong("id"), row.getString("name"), row.getString("description"),
                row.getLong("container_id"), row.getString("container_name"), image, tagIds(row.getArray("tag_ids")),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                row.getObject("updated_at", OffsetDateTime.class).toInstant(),
                row.getString("created_by"), row.getString("updated_by"));
    }

    private static List<Long> tagIds(Array array) throws SQLException {
        return Arrays.asList((Long[]) array.getArray());
    }
}

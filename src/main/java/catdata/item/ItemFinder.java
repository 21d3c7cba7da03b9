package catdata.item;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;

import catdata.container.ContainerNotFound;
import catdata.owner.Owner;
import catdata.tag.TagNotFound;
import catdata.paging.Paged;
import catdata.paging.Paging;
import catdata.web.TextFields;

/**
 * Reads items: one, all, by container or tag, and the searches. Each list is one statement (its
 * rows, its total, whether its container or tag exists), so it needs no transaction to agree; a
 * whole list needs one only for its cursor.
 */
@Service
class ItemFinder {

    /** Shorter name searches would match nearly everything, as in the original service. */
    private static final int MIN_NAME_SEARCH = 2;

    private final ItemRepository items;

    ItemFinder(ItemRepository items) {
        this.items = items;
    }

    Item get(Owner owner, long id) {
        return items.find(owner, id).orElseThrow(ItemNotFound::new);
    }

    /** One page of the list, with its total when paging was asked for. */
    Paged<Item> page(Owner owner, ItemFilter filter, Paging paging) {
        if (filter.kind() == ItemFilter.Kind.NOTHING) {
            return Paged.empty(paging);
        }
        return items.findPage(owner, filter, paging).orElseThrow(() -> notFound(filter));
    }

    /**
     * The whole list as its rows are read, for a caller inside a read-only transaction who closes
     * the stream. A container or tag that is not the owner's is thrown here, before any row.
     */
    Stream<Item> whole(Owner owner, ItemFilter filter) {
        if (filter.kind() == ItemFilter.Kind.NOTHING) {
            return Stream.empty();
        }
        return items.stream(owner, filter).orElseThrow(() -> notFound(filter));
    }

    ItemFilter nameSearch(String query) {
        String text = searchText(query);
        if (text.codePointCount(0, text.length()) < MIN_NAME_SEARCH) {
            return ItemFilter.nothing();
        }
        return ItemFilter.nameContains(text);
    }

    /** Matches in the name, the description or a tag's name, optionally within one container. */
    ItemFilter textSearch(String query, Long containerId) {
        String text = searchText(query);
        return text.isEmpty() ? ItemFilter.nothing() : ItemFilter.textMatches(text, containerId);
    }

    List<String> nameSuggestions(Owner owner, String query, int limit) {
        String text = searchText(query);
        return text.isEmpty() ? List.of() : items.nameSuggestions(owner, text, limit);
    }

    /** Only a list within a container or tag can be missing its scope. */
    private static RuntimeException notFound(ItemFilter filter) {
        return filter.kind() == ItemFilter.Kind.WITH_TAG ? new TagNotFound() : new ContainerNotFound();
    }

    /**
     * The text to look for, trimmed. No stored text contains U+0000 (PostgreSQL cannot hold it), so a
     * query containing it cannot match; it is dropped to "nothing to search" rather than sent.
     */
    private static String searchText(String query) {
        if (query == null || query.indexOf('\u0000') >= 0) {
            return "";
        }
        return TextFields.trim(query);
    }
}

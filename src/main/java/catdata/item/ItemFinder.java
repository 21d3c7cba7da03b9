package catdata.item;

import java.util.List;

import org.springframework.stereotype.Service;

import catdata.container.ContainerNotFound;
import catdata.owner.Owner;
import catdata.tag.TagNotFound;
import catdata.paging.Paged;
import catdata.paging.Paging;
import catdata.web.TextFields;

/**
 * Reads items: one, all, by container or tag, and the searches. Each list is one statement (its
 * rows, its total, whether its container or tag exists), so it needs no transaction to agree.
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

    Paged<Item> all(Owner owner, Paging paging) {
        return items.findPage(owner, ItemFilter.all(), paging).orElseThrow();
    }

    Paged<Item> inContainer(Owner owner, long containerId, Paging paging) {
        return items.findPage(owner, ItemFilter.inContainer(containerId), paging).orElseThrow(ContainerNotFound::new);
    }

    Paged<Item> withTag(Owner owner, long tagId, Paging paging) {
        return items.findPage(owner, ItemFilter.withTag(tagId), paging).orElseThrow(TagNotFound::new);
    }

    Paged<Item> searchByName(Owner owner, String query, Paging paging) {
        String text = searchText(query);
        if (text.codePointCount(0, text.length()) < MIN_NAME_SEARCH) {
            return Paged.empty(paging);
        }
        return items.findPage(owner, ItemFilter.nameContains(text), paging).orElseThrow();
    }

    /** Matches in the name, the description or a tag's name, optionally within one container. */
    Paged<Item> searchText(Owner owner, String query, Long containerId, Paging paging) {
        String text = searchText(query);
        if (text.isEmpty()) {
            return Paged.empty(paging);
        }
        // Only a search within a container can be missing its scope.
        return items.findPage(owner, ItemFilter.textMatches(text, containerId), paging)
                .orElseThrow(ContainerNotFound::new);
    }

    List<String> nameSuggestions(Owner owner, String query, int limit) {
        String text = searchText(query);
        return text.isEmpty() ? List.of() : items.nameSuggestions(owner, text, limit);
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

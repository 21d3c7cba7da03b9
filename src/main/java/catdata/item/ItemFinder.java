package catdata.item;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import catdata.container.ContainerNotFound;
import catdata.tag.TagNotFound;
import catdata.web.Paged;
import catdata.web.Paging;
import catdata.web.TextFields;

/**
 * Reads items: one, all, by container or tag, and the searches. A list that needs more than one
 * query (an existence check, a total) reads them in one read-only transaction, so they agree.
 */
@Service
class ItemFinder {

    /** Shorter name searches would match nearly everything, as in the original service. */
    private static final int MIN_NAME_SEARCH = 2;

    private final ItemRepository items;
    private final ItemReferences references;

    ItemFinder(ItemRepository items, ItemReferences references) {
        this.items = items;
        this.references = references;
    }

    Item get(String owner, long id) {
        return items.find(owner, id).orElseThrow(ItemNotFound::new);
    }

    @Transactional(readOnly = true)
    Paged<Item> all(String owner, Paging paging) {
        return list(owner, ItemFilter.all(), paging);
    }

    @Transactional(readOnly = true)
    Paged<Item> inContainer(String owner, long containerId, Paging paging) {
        if (!references.containerExists(owner, containerId)) {
            throw new ContainerNotFound();
        }
        return list(owner, ItemFilter.inContainer(containerId), paging);
    }

    @Transactional(readOnly = true)
    Paged<Item> withTag(String owner, long tagId, Paging paging) {
        if (!references.tagExists(owner, tagId)) {
            throw new TagNotFound();
        }
        return list(owner, ItemFilter.withTag(tagId), paging);
    }

    @Transactional(readOnly = true)
    Paged<Item> searchByName(String owner, String query, Paging paging) {
        String text = searchText(query);
        if (text.codePointCount(0, text.length()) < MIN_NAME_SEARCH) {
            return Paged.empty(paging);
        }
        return list(owner, ItemFilter.nameContains(text), paging);
    }

    /** Matches in the name, the description or a tag's name, optionally within one container. */
    @Transactional(readOnly = true)
    Paged<Item> searchText(String owner, String query, Long containerId, Paging paging) {
        String text = searchText(query);
        if (text.isEmpty()) {
            return Paged.empty(paging);
        }
        if (containerId != null && !references.containerExists(owner, containerId)) {
            throw new ContainerNotFound();
        }
        return list(owner, ItemFilter.textMatches(text, containerId), paging);
    }

    List<String> nameSuggestions(String owner, String query, int limit) {
        String text = searchText(query);
        return text.isEmpty() ? List.of() : items.nameSuggestions(owner, text, limit);
    }

    private Paged<Item> list(String owner, ItemFilter filter, Paging paging) {
        return paging.fetch(() -> items.find(owner, filter, paging), () -> items.count(owner, filter));
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

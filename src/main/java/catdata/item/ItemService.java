package catdata.item;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import catdata.container.ContainerNotFound;
import catdata.owner.Owner;
import catdata.error.InvalidInput;
import catdata.web.TextFields;

/**
 * Writes items. Every input is checked before the transaction opens; inside it, every id the item
 * refers to must be the caller's, and the item and its tag links are written together or not at all.
 */
@Service
class ItemService {

    static final int MAX_TAGS = 100;

    private final ItemRepository items;
    private final ItemInsert insert;
    private final ItemReferences references;
    private final TransactionTemplate transaction;

    ItemService(ItemRepository items, ItemInsert insert, ItemReferences references, TransactionTemplate transaction) {
        this.items = items;
        this.insert = insert;
        this.references = references;
        this.transaction = transaction;
    }

    Item create(Owner owner, NewItem request) {
        String name = TextFields.name(request.name());
        String description = TextFields.description(request.description());
        long containerId = requiredId(request.containerId(), "container_id");
        Set<Long> tagIds = tagIds(request.tags());
        ItemInsert.Outcome outcome = insert.insert(owner, name, description, containerId, request.imageId(), tagIds);
        return outcome.item().orElseThrow(() -> whatWasMissing(outcome, request.imageId(), tagIds));
    }

    /** The first reference, in the order the fields are checked, that is not the caller's. */
    private static InvalidInput whatWasMissing(ItemInsert.Outcome outcome, Long imageId, Set<Long> tagIds) {
        if (!outcome.containerFound()) {
            return doesNotExist("container_id");
        }
        if (imageId != null && !outcome.imageFound()) {
            return doesNotExist("image_id");
        }
        return firstMissingTag(tagIds, outcome.tagsFound())
                .orElseThrow(() -> new IllegalStateException("The item was not written, yet every reference was found"));
    }

    Item update(Owner owner, long id, ItemChanges changes) {
        if (changes.isEmpty()) {
            throw new InvalidInput("Nothing to update.");
        }
        String name = changes.name() == null ? null : TextFields.name(changes.name().orElse(null));
        String description = changes.description() == null ? null
                : TextFields.description(changes.description().orElse(null));
        Long containerId = changes.containerId() == null ? null
                : requiredId(changes.containerId().orElse(null), "container_id");
        Set<Long> tagIds = changes.tags() == null ? null : tagIds(changes.tags().orElse(List.of()));
        return transaction.execute(status -> {
            // The rows referred to are locked before the item, the order in which deleting a
            // container or photo locks them (its own row, then its items'); the opposite order
            // could deadlock against such a delete.
            if (containerId != null) {
                requireContainer(owner, containerId, "container_id");
            }
            if (changes.imageId() != null) {
                requireImage(owner, changes.imageId().orElse(null));
            }
            if (tagIds != null) {
                requireTags(owner, tagIds);
            }
            boolean changeImage = changes.imageId() != null;
            if (!items.update(owner, id, name, description, containerId, changeImage,
                    changeImage ? changes.imageId().orElse(null) : null)) {
                throw new ItemNotFound();
            }
            if (tagIds != null) {
                items.removeAllTags(owner, id);
                items.addTags(owner, id, tagIds);
            }
            return items.find(owner, id).orElseThrow();
        });
    }

    void delete(Owner owner, long id) {
        if (!items.delete(owner, id)) {
            throw new ItemNotFound();
        }
    }

    /** Moves every item of one of the caller's containers into another, in one transaction. */
    long moveAll(Owner owner, long fromContainerId, MoveItems request) {
        long toContainerId = requiredId(request.toContainerId(), "to_container_id");
        return transaction.execute(status -> {
            if (!references.holdContainer(owner, fromContainerId)) {
                throw new ContainerNotFound();
            }
            requireContainer(owner, toContainerId, "to_container_id");
            if (toContainerId == fromContainerId) {
                return 0L;
            }
            return (long) items.moveAll(owner, fromContainerId, toContainerId);
        });
    }

    private void requireContainer(Owner owner, long containerId, String field) {
        if (!references.holdContainer(owner, containerId)) {
            throw doesNotExist(field);
        }
    }

    private void requireImage(Owner owner, Long imageId) {
        if (imageId != null && !references.holdImage(owner, imageId)) {
            throw doesNotExist("image_id");
        }
    }

    private void requireTags(Owner owner, Set<Long> tagIds) {
        Optional<InvalidInput> missing = firstMissingTag(tagIds, references.holdTags(owner, tagIds));
        if (missing.isPresent()) {
            throw missing.get();
        }
    }

    /** The first tag, in the order given, that is not among those found to be the caller's. */
    private static Optional<InvalidInput> firstMissingTag(Set<Long> tagIds, Set<Long> found) {
        return tagIds.stream().filter(tagId -> !found.contains(tagId)).findFirst().map(ItemService::missingTag);
    }

    private static InvalidInput missingTag(long tagId) {
        return new InvalidInput("Tag " + tagId + " does not exist.");
    }

    private static InvalidInput doesNotExist(String field) {
        return new InvalidInput(field + " does not exist.");
    }

    private static long requiredId(Long value, String field) {
        if (value == null) {
            throw new InvalidInput(field + " is required.");
        }
        if (value <= 0) {
            throw doesNotExist(field);
        }
        return value;
    }

    /** The tag ids in the order given, each once; {@code null} means none. */
    private static Set<Long> tagIds(List<Long> tags) {
        if (tags == null) {
            return Set.of();
        }
        if (tags.size() > MAX_TAGS) {
            throw new InvalidInput("An item can have at most " + MAX_TAGS + " tags.");
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (Long tag : tags) {
            if (tag == null) {
                throw new InvalidInput("Invalid value for 'tags'.");
            }
            if (tag <= 0) {
                throw missingTag(tag);
            }
            ids.add(tag);
        }
        return ids;
    }
}

package catdata.tag;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import catdata.owner.Owner;
import catdata.error.InvalidInput;
import catdata.paging.Paged;
import catdata.paging.Paging;
import catdata.web.TextFields;

/** Tags, each the caller's own; names are unique per user, ignoring case. */
@Service
class TagService {

    private final TagRepository tags;

    TagService(TagRepository tags) {
        this.tags = tags;
    }

    Paged<Tag> list(Owner owner, Paging paging) {
        return tags.findAll(owner, paging);
    }

    Paged<TagWithCount> listWithCounts(Owner owner, Paging paging) {
        return tags.findAllWithCounts(owner, paging);
    }

    Tag get(Owner owner, long id) {
        return tags.find(owner, id).orElseThrow(TagNotFound::new);
    }

    Tag create(Owner owner, NewTag request) {
        String name = TextFields.name(request.name());
        try {
            return tags.insert(owner, name);
        } catch (DuplicateKeyException e) {
            // The unique index decides, so two concurrent creates of one name cannot both succeed.
            throw new TagNameTaken();
        }
    }

    Tag rename(Owner owner, long id, TagChanges changes) {
        if (changes.name() == null) {
            throw new InvalidInput("Nothing to update.");
        }
        String name = TextFields.name(changes.name().orElse(null));
        try {
            return tags.rename(owner, id, name).orElseThrow(TagNotFound::new);
        } catch (DuplicateKeyException e) {
            throw new TagNameTaken();
        }
    }

    void delete(Owner owner, long id) {
        if (!tags.delete(owner, id)) {
            throw new TagNotFound();
        }
    }
}

package catdata.container;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import catdata.owner.Owner;
import catdata.error.InvalidInput;
import catdata.paging.Paged;
import catdata.paging.Paging;
import catdata.web.TextFields;

/** Containers, each the caller's own; names are unique per user, ignoring case. */
@Service
class ContainerService {

    private final ContainerRepository containers;

    ContainerService(ContainerRepository containers) {
        this.containers = containers;
    }

    Paged<Container> list(Owner owner, Paging paging) {
        return containers.findAll(owner, paging);
    }

    Paged<ContainerWithCount> listWithCounts(Owner owner, Paging paging) {
        return containers.findAllWithCounts(owner, paging);
    }

    Container get(Owner owner, long id) {
        return containers.find(owner, id).orElseThrow(ContainerNotFound::new);
    }

    Container create(Owner owner, NewContainer request) {
        String name = TextFields.name(request.name());
        String description = TextFields.description(request.description());
        try {
            return containers.insert(owner, name, description);
        } catch (DuplicateKeyException e) {
            // The unique index decides, so two concurrent creates of one name cannot both succeed.
            throw new ContainerNameTaken();
        }
    }

    Container update(Owner owner, long id, ContainerChanges changes) {
        if (changes.isEmpty()) {
            throw new InvalidInput("Nothing to update.");
        }
        String name = changes.name() == null ? null : TextFields.name(changes.name().orElse(null));
        String description = changes.description() == null ? null
                : TextFields.description(changes.description().orElse(null));
        try {
            return containers.update(owner, id, name, description).orElseThrow(ContainerNotFound::new);
        } catch (DuplicateKeyException e) {
            throw new ContainerNameTaken();
        }
    }

    void delete(Owner owner, long id) {
        boolean deleted;
        try {
            deleted = containers.delete(owner, id);
        } catch (DataIntegrityViolationException e) {
            throw new ContainerNotEmpty();
        }
        if (!deleted) {
            throw new ContainerNotFound();
        }
    }
}

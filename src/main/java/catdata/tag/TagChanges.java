package catdata.tag;

import java.util.Optional;

/** The body of {@code PUT}/{@code PATCH /api/tag/{id}}; an absent name ({@code null} here) is nothing to do. */
record TagChanges(Optional<String> name) {
}

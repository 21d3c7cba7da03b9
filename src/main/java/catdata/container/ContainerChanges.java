package catdata.container;

import java.util.Optional;

/**
 * The body of {@code PUT}/{@code PATCH /api/container/{id}}: a field that is absent (a
 * {@code null} here) keeps its value; one that is present replaces it.
 */
record ContainerChanges(Optional<String> name, Optional<String> description) {

    boolean isEmpty() {
        return name == null && description == null;
    }
}

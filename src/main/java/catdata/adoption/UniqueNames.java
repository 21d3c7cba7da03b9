package catdata.adoption;

import java.util.HashSet;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Names made unique ignoring case, as this service keeps them: the original told {@code Box} and
 * {@code box} apart, so the second one to come (by id) becomes {@code box (2)}, still within the 255
 * characters a name may have.
 */
final class UniqueNames {

    private static final int MAX_LENGTH = 255;

    private final Set<String> taken = new HashSet<>();
    private final UnaryOperator<String> lower;

    /** {@code lower}: as the database's {@code lower()} folds case, which the unique indexes use. */
    UniqueNames(UnaryOperator<String> lower) {
        this.lower = lower;
    }

    /** {@code name} if no name taken so far equals it ignoring case, else the first free {@code name (n)}. */
    String claim(String name) {
        String candidate = name;
        for (int n = 2; !taken.add(lower.apply(candidate)); n++) {
            String suffix = " (" + n + ")";
            candidate = name.substring(0, Math.min(name.length(), MAX_LENGTH - suffix.length())) + suffix;
        }
        return candidate;
    }
}

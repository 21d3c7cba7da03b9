package catdata.storage;

import java.util.regex.Pattern;

/**
 * The names a store keeps photos under: only those this service makes ({@link ImageStore#newName},
 * {@link ImageStore#thumbnailName}), so that no other name ever reaches a disk or a bucket.
 */
final class StoredNames {

    private static final Pattern STORED_NAME = Pattern.compile("[0-9a-f]{32}(-thumb)?\\.(jpg|png|webp)");

    private StoredNames() {
    }

    static boolean isStoredName(String name) {
        return STORED_NAME.matcher(name).matches();
    }

    /** The name itself, if it is one of ours. */
    static String checked(String name) {
        if (!isStoredName(name)) {
            throw new IllegalArgumentException("Not a stored photo name: " + name);
        }
        return name;
    }
}

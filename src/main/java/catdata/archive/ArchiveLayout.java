package catdata.archive;

import catdata.codec.ImageFormat;

/**
 * The files of an archive: {@value #CATALOGUE}, the rows as JSON, and each distinct photo as
 * {@code photos/<sha256>.<extension>} with its stored bytes. Nothing else is written, and nothing else
 * is read: an entry that is not one of these refuses the archive.
 */
final class ArchiveLayout {

    /** What the catalogue's {@code format_version} is; a reader refuses any other. */
    static final int FORMAT_VERSION = 1;
    static final String CATALOGUE = "catalogue.json";
    static final String PHOTOS = "photos/";

    private static final int MAX_SHOWN = 100;

    private ArchiveLayout() {
    }

    static String photoEntry(String sha256, String contentType) {
        return PHOTOS + sha256 + "." + ImageFormat.ofContentType(contentType).extension();
    }

    static boolean isPhoto(String name) {
        return name.startsWith(PHOTOS) && name.length() > PHOTOS.length() && name.indexOf('/', PHOTOS.length()) < 0;
    }

    /**
     * The name, if it stays inside the archive and is part of the layout. A name that would leave
     * the directory it is extracted to (absolute, a drive, {@code ..}, a backslash that Windows takes
     * for a separator) is refused as such, even though this service never extracts to a path.
     */
    static String checkedName(String name) {
        if (name.startsWith("/") || name.contains("\\") || (name.length() > 1 && name.charAt(1) == ':')
                || ("/" + name + "/").contains("/../")) {
            throw new InvalidArchive("Archive entry '" + printable(name)
                    + "' has a path that leaves the archive (absolute, or with ..).");
        }
        if (!name.equals(CATALOGUE) && !name.equals(PHOTOS) && !(isPhoto(name) && isPlainFileName(name))) {
            throw new InvalidArchive("Archive entry '" + printable(name) + "' is not part of a Cat Data archive ("
                    + CATALOGUE + " and " + PHOTOS + " only).");
        }
        return name;
    }

    private static boolean isPlainFileName(String name) {
        String file = name.substring(PHOTOS.length());
        return !file.equals(".") && file.chars().noneMatch(c -> c < 0x20 || c == 0x7F);
    }

    /** A name as an error message may show it: control characters replaced, and not too long. */
    static String printable(String name) {
        String shown = name.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return shown.length() > MAX_SHOWN ? shown.substring(0, MAX_SHOWN) + "..." : shown;
    }
}

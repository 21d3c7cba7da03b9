package catdata.item;

/** Which of the caller's items a list shows; the repository turns it into SQL. */
record ItemFilter(Kind kind, Long containerId, Long tagId, String text) {

    enum Kind {
        NOTHING, ALL, IN_CONTAINER, WITH_TAG, NAME_CONTAINS, TEXT_MATCHES
    }

    /** What a search too short to look for shows: an empty list, whatever else was asked. */
    static ItemFilter nothing() {
        return new ItemFilter(Kind.NOTHING, null, null, null);
    }

    static ItemFilter all() {
        return new ItemFilter(Kind.ALL, null, null, null);
    }

    static ItemFilter inContainer(long containerId) {
        return new ItemFilter(Kind.IN_CONTAINER, containerId, null, null);
    }

    static ItemFilter withTag(long tagId) {
        return new ItemFilter(Kind.WITH_TAG, null, tagId, null);
    }

    static ItemFilter nameContains(String text) {
        return new ItemFilter(Kind.NAME_CONTAINS, null, null, text);
    }

    /** Name, description or a tag's name contains {@code text}; {@code containerId} may be {@code null}. */
    static ItemFilter textMatches(String text, Long containerId) {
        return new ItemFilter(Kind.TEXT_MATCHES, containerId, null, text);
    }
}

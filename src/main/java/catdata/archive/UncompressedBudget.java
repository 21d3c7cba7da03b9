package catdata.archive;

/**
 * The uncompressed bytes an import may read in all ({@code MAX_IMPORT_SIZE}), charged as entries
 * are really inflated: the sizes an archive declares are checked too, but never trusted.
 */
final class UncompressedBudget {

    private final ImportProperties limits;
    private long spent;

    UncompressedBudget(ImportProperties limits) {
        this.limits = limits;
    }

    void spend(long bytes) {
        spent += bytes;
        if (spent > limits.maxSize().toBytes()) {
            throw tooLarge(limits);
        }
    }

    static ArchiveTooLarge tooLarge(ImportProperties limits) {
        return new ArchiveTooLarge("The archive holds more than " + limits.describeMaxSize()
                + " once uncompressed (MAX_IMPORT_SIZE).");
    }
}

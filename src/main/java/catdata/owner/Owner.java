package catdata.owner;

/**
 * Whose rows a request may see and change: today the caller, as the verified token's {@code sub}
 * names them. Every service and repository call takes one, and every query has it in its
 * {@code WHERE}; when rows come to belong to a household, this and its resolver are what change.
 */
public record Owner(String sub) {

    public Owner {
        if (sub == null || sub.isEmpty()) {
            throw new IllegalArgumentException("An owner needs a subject");
        }
    }
}

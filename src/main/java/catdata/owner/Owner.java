package catdata.owner;

/**
 * Whose rows a request may see and change: the household the request is made in, and the user
 * making it (the verified token's {@code sub}), who is recorded as having created or changed rows.
 * Every service and repository call takes one, and every query has the household in its
 * {@code WHERE}.
 */
public record Owner(long household, String sub) {

    /** The request header that names the household a request is made in (else the caller's default). */
    public static final String HOUSEHOLD_HEADER = "X-Household";

    public Owner {
        if (household <= 0) {
            throw new IllegalArgumentException("An owner needs a household");
        }
        if (sub == null || sub.isEmpty()) {
            throw new IllegalArgumentException("An owner needs a subject");
        }
    }
}

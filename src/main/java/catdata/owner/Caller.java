package catdata.owner;

/**
 * The user making a request, as the verified token's {@code sub} names them, for the calls about
 * the user and their households rather than about one household's catalogue. Resolved like an
 * {@link Owner}: the user has a default household by the time a controller sees one.
 */
public record Caller(String sub) {

    public Caller {
        if (sub == null || sub.isEmpty()) {
            throw new IllegalArgumentException("A caller needs a subject");
        }
    }
}

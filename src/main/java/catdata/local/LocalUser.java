package catdata.local;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Someone signed in to local mode by a name alone: local mode runs on one's own machine, so there
 * is no password. {@code local|<name>} is the subject, so two names are two users.
 */
record LocalUser(String name) {

    /** Safe in a subject, an e-mail address and a page without escaping rules of their own. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    static final String RULE = "1 to 64 letters, digits, dots, dashes or underscores";

    static Optional<LocalUser> named(String name) {
        String trimmed = name == null ? "" : name.strip();
        return NAME.matcher(trimmed).matches() ? Optional.of(new LocalUser(trimmed)) : Optional.empty();
    }

    String subject() {
        return "local|" + name;
    }

    /** An address that is never delivered to (RFC 2606's {@code .invalid}), for a front end that shows one. */
    String email() {
        return name.toLowerCase(Locale.ROOT) + "@local.invalid";
    }
}

package catdata.owner;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import catdata.error.InvalidInput;

/**
 * The household a request names: header {@code X-Household}, or query parameter
 * {@code household} (for links and {@code <img>} URLs, which cannot send headers). The query
 * string is read as it came, so that naming a household never reads a body.
 */
final class RequestedHousehold {

    static final String HEADER = Owner.HOUSEHOLD_HEADER;
    static final String PARAMETER = "household";
    static final String INVALID = "Invalid household id.";

    private RequestedHousehold() {
    }

    static Optional<Long> of(HttpServletRequest request) {
        Optional<Long> fromHeader = Optional.ofNullable(request.getHeader(HEADER)).map(RequestedHousehold::id);
        Optional<Long> fromQuery = fromQuery(request.getQueryString());
        if (fromHeader.isPresent() && fromQuery.isPresent() && !fromHeader.equals(fromQuery)) {
            throw new InvalidInput(HEADER + " and ?" + PARAMETER + "= name different households.");
        }
        return fromHeader.isPresent() ? fromHeader : fromQuery;
    }

    private static Optional<Long> fromQuery(String query) {
        if (query == null) {
            return Optional.empty();
        }
        Optional<Long> found = Optional.empty();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            if (!name.equals(PARAMETER)) {
                continue;
            }
            if (found.isPresent()) {
                throw new InvalidInput("Repeated parameter '" + PARAMETER + "'.");
            }
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            found = Optional.of(id(value));
        }
        return found;
    }

    /** A positive decimal integer, digits only. */
    private static long id(String text) {
        if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidInput(INVALID);
        }
        long id = Long.parseLong(text);
        if (id <= 0) {
            throw new InvalidInput(INVALID);
        }
        return id;
    }
}

package catdata.security;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring's firewall with its own header and parameter-name rules, checked by a loop instead of the
 * regular expressions it ships with ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}, and for values the
 * same with a tab allowed): the firewall checks every header each time it is read, so the bearer
 * token (a kilobyte) went through a regular expression on every request. Same rules, same refusals.
 */
final class HeaderCharacters {

    private HeaderCharacters() {
    }

    static StrictHttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters::isAllowedName);
        firewall.setAllowedHeaderValues(HeaderCharacters::isAllowedValue);
        firewall.setAllowedParameterNames(HeaderCharacters::isAllowedName);
        return firewall;
    }

    /** Assigned code points that are not control characters. */
    static boolean isAllowedName(String text) {
        return allAllowed(text, false);
    }

    /** As names, and a tab too (it may separate words in a header value). */
    static boolean isAllowedValue(String text) {
        return allAllowed(text, true);
    }

    private static boolean allAllowed(String text, boolean tabAllowed) {
        for (int i = 0; i < text.length();) {
            int codePoint = text.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tabAllowed && codePoint == '\t'))) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}

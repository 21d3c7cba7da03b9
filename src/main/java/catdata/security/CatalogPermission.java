package catdata.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The two API permissions of {@code AUTH0_REQUIRED_PERMISSIONS}, as Auth0 puts them in an access
 * token: the {@code permissions} claim (a list of strings, with RBAC on) or {@code scope} (one
 * space-separated string). A value of any other shape grants nothing.
 */
enum CatalogPermission {

    READ("read:catalog"),
    WRITE("write:catalog");

    private final String name;

    CatalogPermission(String name) {
        this.name = name;
    }

    /** The permission's name, as in the token and in the Auth0 dashboard. */
    String permissionName() {
        return name;
    }

    /** Reading ({@code GET}, {@code HEAD}) needs {@code read:catalog}; anything else changes something. */
    static CatalogPermission requiredFor(String method) {
        return HttpMethod.GET.matches(method) || HttpMethod.HEAD.matches(method) ? READ : WRITE;
    }

    /** Every permission the token grants, as authorities named like the permission. */
    static Collection<GrantedAuthority> grantedBy(Jwt jwt) {
        List<GrantedAuthority> granted = new ArrayList<>();
        if (jwt.getClaims().get("permissions") instanceof Collection<?> permissions) {
            for (Object permission : permissions) {
                if (permission instanceof String text && !text.isBlank()) {
                    granted.add(new SimpleGrantedAuthority(text));
                }
            }
        }
        if (jwt.getClaims().get("scope") instanceof String scope) {
            for (String value : scope.split(" ")) {
                if (!value.isBlank()) {
                    granted.add(new SimpleGrantedAuthority(value));
                }
            }
        }
        return granted;
    }

    boolean isGrantedTo(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().anyMatch(authority -> name.equals(authority.getAuthority()));
    }
}

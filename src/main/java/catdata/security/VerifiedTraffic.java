package catdata.security;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts the requests in flight whose token was verified: the service's real callers, whom a flood
 * of refused tokens must not crowd out ({@link FloodBrake}).
 */
final class VerifiedTraffic {

    private final AtomicInteger inFlight = new AtomicInteger();

    /** Whether any request with a verified token is being served now. */
    boolean any() {
        return inFlight.get() > 0;
    }

    /** The counting filter, for the security chain right after the bearer token filter, where the caller is known. */
    OncePerRequestFilter counter() {
        return new VerifiedTrafficCounter();
    }

    private final class VerifiedTrafficCounter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken)) {
                chain.doFilter(request, response);
                return;
            }
            inFlight.incrementAndGet();
            try {
                chain.doFilter(request, response);
            } finally {
                inFlight.decrementAndGet();
            }
        }
    }
}

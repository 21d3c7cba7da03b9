package catdata.web;

import java.io.IOException;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One line per request: method, path, status, duration and the caller's {@code sub}. Never the
 * query string, a token or any header value, so nothing secret reaches the log.
 */
class RequestLoggingFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger("catdata.requests");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            if (request.isAsyncStarted()) {
                // Answered later (a held-back refusal): logged once the answer is complete.
                request.getAsyncContext().addListener(new LogWhenDone(request, response, start));
            } else {
                logRequest(request, response, start);
            }
        }
    }

    private static void logRequest(HttpServletRequest request, HttpServletResponse response, long start) {
        long millis = (System.nanoTime() - start) / 1_000_000;
        log.info("{} {} {} {}ms sub={}", request.getMethod(), request.getRequestURI(), response.getStatus(),
                millis, callerOf(request));
    }

    private record LogWhenDone(HttpServletRequest request, HttpServletResponse response, long start)
            implements AsyncListener {

        @Override
        public void onComplete(AsyncEvent event) {
            logRequest(request, response, start);
        }

        @Override
        public void onTimeout(AsyncEvent event) {
        }

        @Override
        public void onError(AsyncEvent event) {
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }
    }

    /** The bearer filter leaves the verified identity in this request attribute (it keeps no session). */
    private static String callerOf(HttpServletRequest request) {
        Object context = request.getAttribute(RequestAttributeSecurityContextRepository.DEFAULT_REQUEST_ATTR_NAME);
        if (context instanceof SecurityContext securityContext) {
            Authentication authentication = securityContext.getAuthentication();
            if (authentication != null && authentication.isAuthenticated()) {
                return authentication.getName();
            }
        }
        return "-";
    }
}

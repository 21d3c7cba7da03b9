package catdata.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import catdata.error.ErrorWriter;

/**
 * A query string must decode to UTF-8 text ({@link RequestFirewall#isUtf8Query}), on every route.
 * Tomcat only decodes it when a parameter is first read, so a route that reads none would otherwise
 * take {@code ?x=%FF} (and a delete would go ahead); here the raw query is checked up front
 * instead, without reading any body.
 */
class QueryStringFilter extends OncePerRequestFilter {

    static final String MESSAGE = "Malformed query string.";

    private final ErrorWriter errors;

    QueryStringFilter(ErrorWriter errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query != null && !RequestFirewall.isUtf8Query(query)) {
            errors.write(response, HttpStatus.BAD_REQUEST, MESSAGE);
            return;
        }
        if (query != null && JsonBodyLimitFilter.hasNoBody(request)) {
            // The security firewall checks a parameter's name when it is read (a control character
            // is refused); reading them all here makes that so on every route, not only on those
            // that read parameters. Not with a body: that would parse a form or an upload.
            request.getParameterNames().asIterator().forEachRemaining(name -> { });
        }
        chain.doFilter(request, response);
    }
}

package catdata.web;

import java.io.IOException;
import java.util.Collections;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring's firewall checks a header only when something reads it; a request with a control
 * character in a header nothing reads would pass on one route and be refused on another. This
 * filter, the security chain's first, reads every header once, so the firewall refuses such a
 * request on every route, before anything else runs. (Parameter names: {@code QueryStringFilter}.)
 */
final class ReadAllHeadersFirst extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // The firewall's request checks each name and value as it is handed out.
        for (String name : Collections.list(request.getHeaderNames())) {
            Collections.list(request.getHeaders(name));
        }
        chain.doFilter(request, response);
    }
}

package catdata.web;

import java.util.List;

import jakarta.servlet.Filter;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.session.DisableEncodeUrlFilter;
import org.springframework.web.filter.CorsFilter;

import catdata.error.ErrorWriter;

/**
 * The order in which a request meets every filter, declared here and nowhere else (a test checks
 * it against what the server really runs). Boot's own filters keep the orders Boot gives them;
 * ours are registered here around them.
 *
 * <ol>
 * <li>{@code requestLoggingFilter}: first, so that every request is logged, refused ones too.</li>
 * <li>{@code characterEncodingFilter} (Boot, same order; registration beans come first on a tie),
 * {@code webMvcObservationFilter} (Boot).</li>
 * <li>{@code smallBodyLengthFilter}: before anything writes a response.</li>
 * <li>{@code requestContextFilter} (Boot).</li>
 * <li>{@code springSecurityFilterChain} (Boot's order): the firewall, then {@link #SECURITY_FILTERS};
 * an unauthenticated request ends here, before any body is read.</li>
 * <li>{@code jsonBodyLimitFilter}, {@code queryStringFilter}, {@code utf8JsonBodyFilter}: checks
 * that cost a little, so they run only for an authenticated caller.</li>
 * </ol>
 */
@Configuration(proxyBeanMethods = false)
public class RequestPipeline {

    /** The servlet filters, first to last, by the names the server knows them by. */
    static final List<String> SERVLET_FILTERS = List.of("requestLoggingFilter", "characterEncodingFilter",
            "webMvcObservationFilter", "smallBodyLengthFilter", "requestContextFilter", "springSecurityFilterChain",
            "jsonBodyLimitFilter", "queryStringFilter", "utf8JsonBodyFilter");

    /** The security chain's filters, first to last: Spring's, with ours placed by {@link #placeInSecurityChain}. */
    static final List<String> SECURITY_FILTERS = List.of("ReadAllHeadersFirst", "DisableEncodeUrlFilter",
            "WebAsyncManagerIntegrationFilter", "SecurityContextHolderFilter", "HeaderWriterFilter", "CorsFilter",
            "OAuth2ProtectedResourceMetadataFilter", "BearerTokenAuthenticationFilter", "VerifiedTrafficCounter",
            "AuthenticationFilter",
            "AnonymousAuthenticationFilter", "SessionManagementFilter", "ExceptionTranslationFilter",
            "AuthorizationFilter");

    /** Boot's {@code SecurityFilterProperties.DEFAULT_FILTER_ORDER}, where the security chain runs. */
    private static final int SECURITY_CHAIN = -100;

    /**
     * Our filters in the security chain: every header read once before anything else (so the
     * firewall sees them all), CORS (answering a foreign origin with our JSON error) where Spring
     * puts its own, and one that must know the verified caller right after the bearer token filter.
     */
    public static void placeInSecurityChain(HttpSecurity http, CorsFilter cors, Filter afterBearerToken) {
        http.addFilterBefore(new ReadAllHeadersFirst(), DisableEncodeUrlFilter.class).addFilter(cors)
                .addFilterAfter(afterBearerToken, BearerTokenAuthenticationFilter.class);
    }

    @Bean
    FilterRegistrationBean<RequestLoggingFilter> requestLoggingFilter() {
        return register("requestLoggingFilter", new RequestLoggingFilter(), Ordered.HIGHEST_PRECEDENCE);
    }

    @Bean
    FilterRegistrationBean<SmallBodyLengthFilter> smallBodyLengthFilter() {
        return register("smallBodyLengthFilter", new SmallBodyLengthFilter(), Ordered.HIGHEST_PRECEDENCE + 2);
    }

    @Bean
    FilterRegistrationBean<JsonBodyLimitFilter> jsonBodyLimitFilter(ErrorWriter errors) {
        return register("jsonBodyLimitFilter", new JsonBodyLimitFilter(errors), SECURITY_CHAIN + 1);
    }

    @Bean
    FilterRegistrationBean<QueryStringFilter> queryStringFilter(ErrorWriter errors) {
        return register("queryStringFilter", new QueryStringFilter(errors), SECURITY_CHAIN + 2);
    }

    @Bean
    FilterRegistrationBean<Utf8JsonBodyFilter> utf8JsonBodyFilter(ErrorWriter errors) {
        return register("utf8JsonBodyFilter", new Utf8JsonBodyFilter(errors), SECURITY_CHAIN + 3);
    }

    private static <F extends Filter> FilterRegistrationBean<F> register(String name, F filter, int order) {
        FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
        registration.setName(name);
        registration.setOrder(order);
        return registration;
    }
}

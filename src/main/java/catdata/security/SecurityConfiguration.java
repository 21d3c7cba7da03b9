package catdata.security;

import java.util.List;

import jakarta.servlet.DispatcherType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.OAuth2ProtectedResourceMetadata;
import org.springframework.security.oauth2.server.resource.OAuth2ProtectedResourceMetadataClaimNames;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

import catdata.error.ErrorWriter;
import catdata.owner.Owner;
import catdata.paging.Paged;
import catdata.web.RequestPipeline;

/**
 * Everything but the banner, the health probes and the API description needs a bearer token,
 * checked in the filter chain: no controller, multipart parser or body reader runs for an
 * unauthenticated request. With {@code AUTH0_REQUIRED_PERMISSIONS}, API requests also need the
 * permission their method calls for ({@link PermissionAuthorization}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, JwtDecoder jwtDecoder, ErrorWriter errors,
            AuthProperties auth, CorsConfigurationSource corsConfigurationSource, VerifiedTraffic verifiedTraffic,
            FloodBrake floodBrake) throws Exception {
        JsonBearerEntryPoint entryPoint = new JsonBearerEntryPoint(errors);
        AccessDeniedHandler accessDenied = new PermissionDeniedHandler(entryPoint, errors);
        AuthenticationFailureHandler authenticationFailure = new BearerFailureHandler(entryPoint, errors, floodBrake);
        // Spring's CORS filter, refusing a foreign origin with a JSON error (the configurer has no hook for it).
        CorsFilter cors = new CorsFilter(corsConfigurationSource);
        cors.setCorsProcessor(new JsonCorsProcessor(errors));
        RequestPipeline.placeInSecurityChain(http, cors, verifiedTraffic.counter());
        http
                // Bearer tokens, no cookies: there is no session for a forged request to ride on.
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(cache -> cache.disable())
                // Nothing asks the Servlet API who is calling (the Owner resolver reads the security context), so
                // its request wrapper would only add a layer to every later call on the request.
                .servletApi(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(HttpMethod.GET, "/").permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        // The API's description is public; every call it describes still needs a token.
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                                "/swagger-ui/**").permitAll()
                        .requestMatchers("/api/**").access(auth.requiredPermissions()
                                ? new PermissionAuthorization()
                                : AuthenticatedAuthorizationManager.authenticated())
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenResolver(new BearerHeaderResolver())
                        .jwt(jwt -> jwt.decoder(jwtDecoder).jwtAuthenticationConverter(SecurityConfiguration::caller))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied)
                        .protectedResourceMetadata(metadata -> metadata.protectedResourceMetadataCustomizer(
                                SecurityConfiguration::withoutCertificateBinding))
                        // Spring rethrows a failure to check a token at all (no signing keys) as a 500.
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationFailureHandler(authenticationFailure);
                                return filter;
                            }
                        }))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied));
        return http.build();
    }

    @Bean
    VerifiedTraffic verifiedTraffic() {
        return new VerifiedTraffic();
    }

    @Bean
    FloodBrake floodBrake(VerifiedTraffic verifiedTraffic) {
        return new FloodBrake(verifiedTraffic);
    }

    /**
     * No Micrometer observation of every security filter, authentication and authorization: for a
     * stateless bearer API they cost about 15% of an authenticated request (a JFR profile of
     * {@code GET /api/containers}) and tell nothing that the request log does not: it has every
     * request's status and duration, refusals included.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The caller is the token's subject; its authorities are the permissions it carries as strings
     * (Spring's default reads {@code scope}/{@code scp} and fails on a validly signed token whose
     * scopes are not strings).
     */
    private static JwtAuthenticationToken caller(Jwt jwt) {
        return new JwtAuthenticationToken(jwt, CatalogPermission.grantedBy(jwt), jwt.getSubject());
    }

    /**
     * Spring's RFC 9728 metadata ({@code /.well-known/oauth-protected-resource}) says by default that
     * tokens are bound to a client certificate (RFC 8705); here they are not, and an absent claim
     * means false.
     */
    private static void withoutCertificateBinding(OAuth2ProtectedResourceMetadata.Builder metadata) {
        metadata.claims(claims -> claims.remove(
                OAuth2ProtectedResourceMetadataClaimNames.TLS_CLIENT_CERTIFICATE_BOUND_ACCESS_TOKENS));
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(CorsProperties cors) {
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(cors.trimmedOrigins());
        config.setAllowCredentials(true);
        config.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        config.setAllowedHeaders(
                List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, Owner.HOUSEHOLD_HEADER));
        config.setExposedHeaders(List.of(HttpHeaders.LOCATION, Paged.TOTAL_COUNT));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", config);
        return source;
    }
}

package catdata.security;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who issues our tokens and how their keys are fetched. {@code auth0Domain} and
 * {@code oidcIssuer} are the raw environment values; {@link IssuerSettings} interprets them.
 */
@Validated
@ConfigurationProperties("catdata.auth")
public record AuthProperties(
        String auth0Domain,
        String oidcIssuer,
        String oidcJwksUri,
        String audience,
        @NotNull @DefaultValue("30s") Duration clockSkew,
        /** {@code AUTH0_REQUIRED_PERMISSIONS}: reads need {@code read:catalog}, changes {@code write:catalog}. */
        @DefaultValue("false") boolean requiredPermissions,
        @Valid @NotNull @DefaultValue Jwks jwks) {

    public record Jwks(
            @NotNull @DefaultValue("10m") Duration cacheTtl,
            @NotNull @DefaultValue("30s") Duration refreshAhead,
            @Min(1) @Max(600) @DefaultValue("5") int fetchesPerMinute,
            @NotNull @DefaultValue("2s") Duration connectTimeout,
            @NotNull @DefaultValue("3s") Duration readTimeout,
            @NotNull @DefaultValue("1h") Duration outageTolerance) {
    }
}

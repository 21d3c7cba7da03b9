package catdata.local;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import catdata.local.IssuerExchange.Parameters;

/**
 * {@code POST /oauth/token}, as Auth0's: the {@code authorization_code} grant (with the PKCE
 * verifier, for the client and {@code redirect_uri} the code was issued to, once), the
 * {@code refresh_token} grant with rotation, and {@code client_credentials} for a machine. Form
 * and JSON bodies alike. Errors are OAuth's: {@code {"error", "error_description"}}.
 */
final class TokenEndpoint {

    private final LocalTokens tokens;
    private final AuthorizationCodes codes;
    private final RefreshTokens refreshTokens;
    private final String audience;

    TokenEndpoint(LocalTokens tokens, AuthorizationCodes codes, RefreshTokens refreshTokens, String audience) {
        this.tokens = tokens;
        this.codes = codes;
        this.refreshTokens = refreshTokens;
        this.audience = audience;
    }

    record Answer(int status, Map<String, Object> body) {

        static Answer error(int status, String error, String description) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", error);
            body.put("error_description", description);
            return new Answer(status, body);
        }
    }

    Answer token(Optional<Parameters> body) {
        if (body.isEmpty()) {
            return Answer.error(400, "invalid_request", "Send a form or a JSON object of strings");
        }
        Parameters parameters = body.get();
        Optional<String> repeated = parameters.repeated();
        if (repeated.isPresent()) {
            return Answer.error(400, "invalid_request", "The parameter " + repeated.get() + " was given more than once");
        }
        return switch (parameters.get("grant_type").orElse("")) {
            case "authorization_code" -> authorizationCode(parameters);
            case "refresh_token" -> refreshToken(parameters);
            case "client_credentials" -> clientCredentials(parameters);
            default -> Answer.error(400, "unsupported_grant_type",
                    "grant_type must be authorization_code, refresh_token or client_credentials");
        };
    }

    private Answer authorizationCode(Parameters parameters) {
        Optional<String> code = parameters.get("code");
        Optional<String> verifier = parameters.get("code_verifier");
        Optional<String> clientId = parameters.get("client_id");
        Optional<String> redirectUri = parameters.get("redirect_uri");
        if (code.isEmpty() || verifier.isEmpty() || clientId.isEmpty() || redirectUri.isEmpty()) {
            return Answer.error(400, "invalid_request", "code, code_verifier, client_id and redirect_uri are required");
        }
        // Taken before it is checked: a code presented with a wrong verifier is spent all the same.
        Optional<AuthorizationCodes.Issued> issued = codes.take(code.get());
        if (issued.isEmpty()) {
            return Answer.error(403, "invalid_grant", "Invalid authorization code");
        }
        AuthorizationCodes.Issued grant = issued.get();
        if (!grant.grant().clientId().equals(clientId.get()) || !grant.redirectUri().equals(redirectUri.get())) {
            return Answer.error(403, "invalid_grant", "The code was issued to another client or redirect_uri");
        }
        if (!AuthorizationCodes.verifies(verifier.get(), grant.codeChallenge())) {
            return Answer.error(403, "invalid_grant", "Failed to verify code verifier");
        }
        return tokensFor(grant.grant(), grant.grant().offline() ? refreshTokens.issue(grant.grant()) : null);
    }

    private Answer refreshToken(Parameters parameters) {
        Optional<String> token = parameters.get("refresh_token");
        Optional<String> clientId = parameters.get("client_id");
        if (token.isEmpty() || clientId.isEmpty()) {
            return Answer.error(400, "invalid_request", "refresh_token and client_id are required");
        }
        return refreshTokens.rotate(token.get(), clientId.get())
                .map(rotated -> tokensFor(rotated.grant(), rotated.next()))
                .orElseGet(() -> Answer.error(403, "invalid_grant", "Unknown or invalid refresh token."));
    }

    private Answer clientCredentials(Parameters parameters) {
        String requested = parameters.get("audience").orElse(audience);
        if (!audience.equals(requested)) {
            return Answer.error(403, "access_denied", "Service not found: " + requested);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", tokens.forClient(parameters.get("client_id").orElse("local"), audience));
        body.put("token_type", "Bearer");
        body.put("expires_in", LocalTokens.ACCESS_TOKEN_LIFETIME.toSeconds());
        return new Answer(200, body);
    }

    private Answer tokensFor(Grant grant, String refreshToken) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", tokens.accessToken(grant));
        if (grant.openId()) {
            body.put("id_token", tokens.idToken(grant));
        }
        if (refreshToken != null) {
            body.put("refresh_token", refreshToken);
        }
        body.put("scope", grant.scope());
        body.put("expires_in", LocalTokens.ACCESS_TOKEN_LIFETIME.toSeconds());
        body.put("token_type", "Bearer");
        return new Answer(200, body);
    }
}

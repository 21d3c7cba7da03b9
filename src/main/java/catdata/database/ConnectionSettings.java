package catdata.database;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.util.StringUtils;

import catdata.config.InvalidConfigurationException;

/**
 * A JDBC URL with its credentials, from {@code DATABASE_URL} in either form people use
 * ({@code postgres://user:pass@host:5432/db} as Heroku and Node write it, or {@code jdbc:postgresql:...})
 * or from the {@code PG*} variables.
 */
record ConnectionSettings(String jdbcUrl, String user, String password) implements JdbcConnectionDetails {

    @Override
    public String getJdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public String getUsername() {
        return user;
    }

    @Override
    public String getPassword() {
        return password;
    }

    static ConnectionSettings from(DatabaseProperties properties) {
        if (StringUtils.hasText(properties.url())) {
            return fromUrl(properties.url().trim(), properties.user(), properties.password());
        }
        String database = StringUtils.hasText(properties.name()) ? properties.name() : "postgres";
        return new ConnectionSettings(
                "jdbc:postgresql://" + properties.host() + ":" + properties.port() + "/" + database,
                properties.user(), properties.password());
    }

    static ConnectionSettings fromUrl(String url, String user, String password) {
        if (url.startsWith("jdbc:postgresql:")) {
            return new ConnectionSettings(url, user, password);
        }
        try {
            URI uri = new URI(url);
            if (!"postgres".equals(uri.getScheme()) && !"postgresql".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new URISyntaxException(url, "not a PostgreSQL URL");
            }
            String urlUser = user;
            String urlPassword = password;
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                urlUser = decode(parts[0]);
                urlPassword = parts.length > 1 ? decode(parts[1]) : password;
            }
            int port = uri.getPort() == -1 ? 5432 : uri.getPort();
            String path = uri.getRawPath() == null || uri.getRawPath().length() <= 1 ? "/postgres" : uri.getRawPath();
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            return new ConnectionSettings("jdbc:postgresql://" + uri.getHost() + ":" + port + path + query,
                    urlUser, urlPassword);
        } catch (URISyntaxException e) {
            throw new InvalidConfigurationException(
                    "DATABASE_URL must look like postgres://user:password@host:5432/database");
        }
    }

    /** Where we are connected, for the start-up log: never the password. */
    String describe() {
        int queryStart = jdbcUrl.indexOf('?');
        return (queryStart < 0 ? jdbcUrl : jdbcUrl.substring(0, queryStart)).replace("jdbc:", "");
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}

package catdata.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import catdata.config.InvalidConfigurationException;

class DotenvEnvironmentPostProcessorTest {

    private final DotenvEnvironmentPostProcessor processor = new DotenvEnvironmentPostProcessor();

    @Test
    void aDotenvFileWrittenForTheOriginalServiceIsRead(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve(".env"), """
                # written for the Node service
                AUTH0_DOMAIN=dev-abc123.us.auth0.com
                CORS_ORIGINS="http://localhost:5173"
                AUTH0_AUDIENCE='https://api.example'  # the API identifier
                """);
        StandardEnvironment environment = environmentFor(directory);

        processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("AUTH0_DOMAIN")).isEqualTo("dev-abc123.us.auth0.com");
        assertThat(environment.getProperty("CORS_ORIGINS")).isEqualTo("http://localhost:5173");
        assertThat(environment.getProperty("AUTH0_AUDIENCE")).isEqualTo("https://api.example");
    }

    @Test
    void realEnvironmentVariablesWinOverTheFile(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve(".env"), "PORT=4000\n");
        StandardEnvironment environment = environmentFor(directory);
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new MapPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of("PORT", "5000")));

        processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("PORT")).isEqualTo("5000");
    }

    @Test
    void noFileIsFine(@TempDir Path directory) {
        StandardEnvironment environment = environmentFor(directory);

        processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getPropertySources().contains(DotenvEnvironmentPostProcessor.PROPERTY_SOURCE)).isFalse();
    }

    @Test
    void aMalformedFileStopsStartUpWithAClearMessage(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve(".env"), "AUTH0_DOMAIN=ok\nthis line is not an assignment\n");
        StandardEnvironment environment = environmentFor(directory);

        assertThatThrownBy(() -> processor.postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith(".env could not be read");
    }

    private static StandardEnvironment environmentFor(Path directory) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of(
                "catdata.dotenv.enabled", "true", "catdata.dotenv.directory", directory.toString())));
        return environment;
    }
}

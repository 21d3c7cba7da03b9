package catdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The build's own output carries no colour codes when it is not written to a terminal (a CI log,
 * a file). Debian's Maven prints a reset code before every line even with {@code style.color=never};
 * {@code .mvn/jvm.config} turns that off.
 */
class BuildOutputTest {

    @Test
    void mavenWritesNoColourCodesToAFile() throws IOException, InterruptedException {
        Process maven = new ProcessBuilder("mvn", "--version").directory(Path.of("").toAbsolutePath().toFile())
                .redirectErrorStream(true).start();
        String output = new String(maven.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(maven.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(output).contains("Apache Maven").doesNotContain("\u001b[");
    }
}

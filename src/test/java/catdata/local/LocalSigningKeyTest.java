package catdata.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.nimbusds.jose.jwk.RSAKey;

class LocalSigningKeyTest {

    @Test
    void theKeyIsMadeOnceAndKeptForTheNextStart(@TempDir Path dataDir) throws IOException {
        Path file = dataDir.resolve("local-issuer-key.json");

        RSAKey first = LocalSigningKey.loadOrCreate(file);
        RSAKey second = LocalSigningKey.loadOrCreate(file);

        assertThat(second.getKeyID()).isEqualTo(first.getKeyID());
        assertThat(second.isPrivate()).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}

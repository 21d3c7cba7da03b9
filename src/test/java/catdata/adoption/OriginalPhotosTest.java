package catdata.adoption;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The original's photo folder, read only where a row's name leads inside it, never through a path or a link. */
class OriginalPhotosTest {

    @TempDir
    private Path root;

    @Test
    void theUploadersNameIsTheStoredNameWithoutTheOriginalsUuidPrefix() {
        assertThat(OriginalPhotos.originalName("0b5e6a2e-9c1d-4c8e-a0b1-2f3e4d5c6b7a-holiday snap.jpg"))
                .isEqualTo("holiday snap.jpg");
        assertThat(OriginalPhotos.originalName("no-prefix.png")).isEqualTo("no-prefix.png");
        assertThat(OriginalPhotos.originalName("0b5e6a2e-9c1d-4c8e-a0b1-2f3e4d5c6b7a-")).isNull();
        assertThat(OriginalPhotos.originalName("a\u0007b.jpg")).isEqualTo("ab.jpg");
        assertThat(OriginalPhotos.originalName("n".repeat(300))).hasSize(255);
    }

    @Test
    void aNameThatLeadsOutOfTheFolderOrThroughALinkIsAMissingFile() throws Exception {
        Path folder = Files.createDirectory(root.resolve("images"));
        Files.write(root.resolve("secret.jpg"), new byte[] {1});
        Files.createSymbolicLink(folder.resolve("link.jpg"), root.resolve("secret.jpg"));
        Files.createDirectory(folder.resolve("sub"));
        OriginalPhotos photos = new OriginalPhotos(folder, null);

        for (String name : new String[] {"../secret.jpg", "link.jpg", "sub", "sub/../../secret.jpg", "..", ".", "",
            "/etc/passwd", "a\0b"}) {
            OriginalPhotos.Verdict verdict = photos.judge(new OriginalDatabase.Photo(1, name, Instant.now(), null));
            assertThat(verdict).as(name).isEqualTo(new OriginalPhotos.Refused("file missing"));
        }
    }
}

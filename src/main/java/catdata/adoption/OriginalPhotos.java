package catdata.adoption;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.core.io.InputStreamSource;
import org.springframework.http.HttpStatus;

import catdata.error.ApiException;
import catdata.photo.JudgedPhoto;
import catdata.photo.PhotoIntake;

/**
 * The original's photo folder ({@code LEGACY_IMAGES_DIR}), only ever read. Its files are named by
 * {@code images.name}, {@code <uuid>-<the uploader's file name>}, and were never checked: each is
 * judged by its bytes as an upload is.
 */
final class OriginalPhotos {

    /** The original's prefix: a UUID and a dash. */
    private static final Pattern UUID_PREFIX = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}-");
    private static final int MAX_ORIGINAL_NAME = 255;

    /** A photo row's file judged: the photo, or why it cannot be adopted. */
    sealed interface Verdict {
    }

    record Accepted(JudgedPhoto photo) implements Verdict {
    }

    record Refused(String reason) implements Verdict {
    }

    private final Path folder;
    private final PhotoIntake intake;

    OriginalPhotos(Path folder, PhotoIntake intake) {
        this.folder = folder.toAbsolutePath().normalize();
        this.intake = intake;
    }

    Path folder() {
        return folder;
    }

    /**
     * The row's file judged. A photo refused as an upload would be (not a photo, too large), or a
     * file missing or unreadable, is a refusal; a photo store that cannot write is not, and is thrown.
     */
    Verdict judge(OriginalDatabase.Photo photo) {
        Optional<Path> file = fileOf(photo.name());
        if (file.isEmpty()) {
            return new Refused("file missing");
        }
        InputStreamSource source = () -> Files.newInputStream(file.get(), LinkOption.NOFOLLOW_LINKS);
        try {
            return new Accepted(intake.judge(source));
        } catch (IOException e) {
            return new Refused("file unreadable (" + e.getMessage() + ")");
        } catch (ApiException e) {
            if (e.status() == HttpStatus.UNSUPPORTED_MEDIA_TYPE || e.status() == HttpStatus.CONTENT_TOO_LARGE) {
                return new Refused("not a photo this service keeps (" + e.getMessage() + ")");
            }
            throw e;
        }
    }

    /** What the uploader called it: the name without the original's UUID prefix. */
    static String originalName(String storedName) {
        String name = UUID_PREFIX.matcher(storedName).replaceFirst("").replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty()) {
            return null;
        }
        return name.length() > MAX_ORIGINAL_NAME ? name.substring(0, MAX_ORIGINAL_NAME) : name;
    }

    /**
     * The file a row names, if it is a regular file right inside the folder: the original took the
     * name from the client, so a name with a path in it ({@code ../}) or a link is not followed.
     */
    private Optional<Path> fileOf(String name) {
        if (name == null || name.isEmpty() || name.contains("/") || name.contains("\\") || name.contains("\0")
                || name.equals(".") || name.equals("..")) {
            return Optional.empty();
        }
        Path file = folder.resolve(name).normalize();
        if (!folder.equals(file.getParent()) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        return Optional.of(file);
    }
}

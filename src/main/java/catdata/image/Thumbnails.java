package catdata.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import catdata.codec.DecodeBudget;
import catdata.codec.DecodeLimits;
import catdata.codec.ImageFormat;
import catdata.codec.PhotoSanitizer;
import catdata.codec.ThumbnailRenderer;
import catdata.storage.ImageStore;
import catdata.storage.OpenedFile;
import catdata.storage.StagedImage;

/**
 * Thumbnails, made when first asked for and kept beside their photo, named after it. A thumbnail is
 * staged and then renamed into place, so it is never seen half-written; requests for the same one
 * at the same moment wait for a single making; and every making is a decode that passes the
 * {@link DecodeBudget}, after the stored photo's headers have been checked again, so memory stays
 * bounded (each needs the photo's bytes and a few megabytes of raster).
 */
@Component
class Thumbnails {

    static final ImageFormat FORMAT = ImageFormat.JPEG;
    /**
     * The version of how thumbnails are made (size, scaling, decoder, JPEG quality): part of their
     * ETag. 2: WebP decoded and scaled by libwebp.
     */
    private static final String RECIPE = "2";

    private static final Logger log = LoggerFactory.getLogger(Thumbnails.class);

    private final ImageStore store;
    private final PhotoSanitizer sanitizer;
    private final DecodeBudget budget;
    private final DecodeLimits limits;
    private final ConcurrentHashMap<String, CompletableFuture<Boolean>> inProgress = new ConcurrentHashMap<>();

    Thumbnails(ImageStore store, PhotoSanitizer sanitizer, DecodeBudget budget, DecodeLimits limits) {
        this.store = store;
        this.sanitizer = sanitizer;
        this.budget = budget;
        this.limits = limits;
    }

    static String nameOf(Image image) {
        return ImageStore.thumbnailName(image.name(), FORMAT.extension());
    }

    /**
     * A strong validator of its own: the photo's bytes and the recipe decide the thumbnail's (the
     * JPEG writer gives the same bytes for the same pixels). Change {@link #RECIPE} with the recipe,
     * so a thumbnail made again by a new one never shares an ETag with an old one (a client resuming
     * with If-Range would otherwise join parts of two different files).
     */
    static String etagOf(Image image) {
        return "\"" + image.sha256() + "-thumb-" + RECIPE + "\"";
    }

    /**
     * Makes the photo's thumbnail unless it is there already; false if the photo's file is
     * gone. Waits for a making of the same thumbnail that is under way instead of starting another.
     */
    boolean make(Image image) {
        String name = nameOf(image);
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        CompletableFuture<Boolean> running = inProgress.putIfAbsent(name, mine);
        if (running != null) {
            return awaitOther(running);
        }
        try {
            // Made by another request between our look for it and our claim of the making.
            boolean made = exists(name) || makeNow(image, name);
            mine.complete(made);
            return made;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inProgress.remove(name, mine);
        }
    }

    private boolean makeNow(Image image, String name) {
        try {
            long start = System.nanoTime();
            Optional<BufferedImage> thumbnail = render(image);
            if (thumbnail.isEmpty()) {
                return false;
            }
            try (StagedImage staged = store.stage(out -> ThumbnailRenderer.writeJpeg(thumbnail.get(), out))) {
                store.publish(staged, name);
            }
            log.info("Made the thumbnail of photo {} in {} ms", image.id(), (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            throw new IllegalStateException("Could not make the thumbnail of photo " + image.id(), e);
        }
        // A delete that removed the photo while the thumbnail was made may have looked for the
        // thumbnail before it was there; it is removed here instead (the delete removes the photo's
        // file before the thumbnail, so one of the two always sees it).
        if (!exists(image.name())) {
            deleteQuietly(name);
            return false;
        }
        return true;
    }

    /** Reads the photo once: its orientation and its pixels come from the same bytes. */
    private Optional<BufferedImage> render(Image image) throws IOException {
        ImageFormat format = ImageFormat.ofContentType(image.contentType());
        byte[] photo;
        try (OpenedFile file = store.open(image.name()).orElse(null)) {
            if (file == null) {
                return Optional.empty();
            }
            photo = file.bytes().readAllBytes();
        }
        int orientation = sanitizer.orientation(format, new ByteArrayInputStream(photo));
        return Optional.of(ThumbnailRenderer.render(format, photo, orientation, limits.maxPixels(), budget));
    }

    /** Removes the thumbnail of the photo stored as {@code photoName}, if it has one. */
    void deleteOf(String photoName) {
        deleteQuietly(ImageStore.thumbnailName(photoName, FORMAT.extension()));
    }

    private boolean exists(String name) {
        Optional<OpenedFile> file = store.open(name);
        file.ifPresent(Thumbnails::closeQuietly);
        return file.isPresent();
    }

    private void deleteQuietly(String name) {
        try {
            store.delete(name);
        } catch (IOException e) {
            // Nothing can reach a thumbnail whose photo is gone; it only wastes space.
            log.warn("Could not remove thumbnail {}", name, e);
        }
    }

    private static boolean awaitOther(CompletableFuture<Boolean> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    private static void closeQuietly(OpenedFile file) {
        try {
            file.close();
        } catch (IOException e) {
            log.debug("Closing {} failed", file, e);
        }
    }
}

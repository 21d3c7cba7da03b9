package catdata.image;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

import catdata.codec.ImageFormat;
import catdata.owner.Owner;
import catdata.paging.Paged;
import catdata.paging.Paging;
import catdata.photo.JudgedPhoto;
import catdata.photo.PhotoIntake;
import catdata.storage.ImageStore;
import catdata.storage.LocalFile;
import catdata.storage.OpenedFile;

/**
 * Photos: accepted by their bytes, stored under a name we make, recorded with their owner. An
 * upload either ends with both a row and a file or with neither.
 */
@Service
class ImageService {

    private static final Logger log = LoggerFactory.getLogger(ImageService.class);
    private static final int MAX_ORIGINAL_NAME = 255;

    private final ImageRepository images;
    private final ImageStore store;
    private final PhotoIntake intake;
    private final Thumbnails thumbnails;
    private final TransactionTemplate transaction;
    private final ImageProperties properties;
    private final MissingFiles missingFiles = new MissingFiles();

    ImageService(ImageRepository images, ImageStore store, PhotoIntake intake, Thumbnails thumbnails, TransactionTemplate transaction, ImageProperties properties) {
        this.images = images;
        this.store = store;
        this.intake = intake;
        this.thumbnails = thumbnails;
        this.transaction = transaction;
        this.properties = properties;
    }

    /** Judged by its bytes as every photo is ({@link PhotoIntake}); row and file both, or neither. */
    Image upload(Owner owner, List<MultipartFile> files) throws IOException {
        MultipartFile file = theOnlyFile(files);
        try (JudgedPhoto photo = intake.judge(file)) {
            return intake.storeThenWriteRow(photo, () -> transaction.execute(status -> images.insert(owner,
                    photo.name(), originalName(file), photo.contentType(), photo.size(), photo.width(),
                    photo.height(), photo.sha256())));
        }
    }

    @Transactional(readOnly = true)
    Paged<Image> list(Owner owner, Paging paging) {
        return paging.fetch(() -> images.findAll(owner, paging), () -> images.count(owner));
    }

    Image find(Owner owner, long id) {
        return images.find(owner, id).orElseThrow(ImageNotFound::new);
    }

    /** The owner's photo or its thumbnail, to be sent; its bytes are looked for only if they are needed. */
    Download download(Owner owner, long id, PhotoSize size) {
        Image image = find(owner, id);
        if (size == PhotoSize.THUMB) {
            return new Download(Thumbnails.etagOf(image), Thumbnails.FORMAT,
                    fileName(id, "-thumb", Thumbnails.FORMAT), thumbnailOf(owner, image));
        }
        ImageFormat format = ImageFormat.ofContentType(image.contentType());
        return new Download(image.etag(), format, fileName(id, "", format), originalOf(owner, image));
    }

    /** The name a download is offered under: never one the uploader chose. */
    private static String fileName(long id, String suffix, ImageFormat format) {
        return "photo-" + id + suffix + "." + format.extension();
    }

    private Download.Source originalOf(Owner owner, Image image) {
        return new Download.Source() {
            @Override
            public Optional<LocalFile> localFile() {
                return store.localFile(image.name());
            }

            @Override
            public OpenedFile open() {
                return store.open(image.name()).orElseThrow(() -> gone(owner, image));
            }
        };
    }

    /** Made when first asked for: a thumbnail that is not there yet is made, then looked for again. */
    private Download.Source thumbnailOf(Owner owner, Image image) {
        String name = Thumbnails.nameOf(image);
        return new Download.Source() {
            @Override
            public Optional<LocalFile> localFile() {
                // Empty also means "this store keeps no local files": open() makes a missing thumbnail,
                // so a store without local files does not make it again on every request.
                return store.localFile(name);
            }

            @Override
            public OpenedFile open() {
                Optional<OpenedFile> file = store.open(name);
                if (file.isEmpty() && thumbnails.make(image)) {
                    file = store.open(name);
                }
                return file.orElseThrow(() -> gone(owner, image));
            }
        };
    }

    /** A delete between the two reads removes row and file: then the photo is simply gone. */
    private ImageNotFound gone(Owner owner, Image image) {
        if (images.find(owner, image.id()).isPresent() && missingFiles.firstReport(image.id())) {
            log.error("Photo {} has a row but its file {} is missing", image.id(), image.name());
        }
        return new ImageNotFound();
    }

    /**
     * The row goes now, its file (and thumbnail) once {@link ImageProperties#fileRemovalDelay()} has
     * passed: a download that found the row just before may still be about to open the file.
     */
    void delete(Owner owner, long id) {
        images.delete(owner, id, store.location(), properties.fileRemovalDelay()).orElseThrow(ImageNotFound::new);
    }

    private static MultipartFile theOnlyFile(List<MultipartFile> files) {
        if (files == null || files.isEmpty()) {
            throw new MissingUpload();
        }
        if (files.size() > 1) {
            throw new TooManyFiles();
        }
        MultipartFile file = files.get(0);
        if (file.isEmpty()) {
            // What a browser form sends when no file was chosen: a part with no name and no bytes.
            throw new MissingUpload();
        }
        return file;
    }

    /** Kept as metadata only: it never becomes part of a path. */
    private static String originalName(MultipartFile file) {
        String name = file.getOriginalFilename();
        if (name == null) {
            return null;
        }
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", "").strip();
        if (base.isEmpty()) {
            return null;
        }
        return base.length() > MAX_ORIGINAL_NAME ? base.substring(0, MAX_ORIGINAL_NAME) : base;
    }
}

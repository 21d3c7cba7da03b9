package catdata.image;

import java.util.Optional;

import catdata.codec.ImageFormat;
import catdata.storage.LocalFile;
import catdata.storage.OpenedFile;

/**
 * A photo or its thumbnail, about to be sent: its validator, its type, the name a browser saves it
 * under, and where its bytes are. The bytes are looked for only when a response needs them (a
 * {@code 304} never touches the file, a thumbnail is made only when first sent).
 */
record Download(String etag, ImageFormat format, String fileName, Source source) {

    /** Where the bytes are. A file that is gone (the photo was deleted meanwhile) is {@link ImageNotFound}. */
    interface Source {

        /**
         * The file on this machine's disk, for the web server to send by itself; empty if there is
         * none ({@link #open} then tells whether it is gone).
         */
        Optional<LocalFile> localFile();

        /** The bytes, opened now. */
        OpenedFile open();
    }
}

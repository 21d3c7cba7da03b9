package catdata.image;

import jakarta.servlet.MultipartConfigElement;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.unit.DataSize;

import catdata.storage.ImageStore;

/** Scheduling is for {@link PhotoFileRemovals}, the service's only timed work. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ImageConfiguration {

    /** Room for the multipart framing around the one file; the file limit is the one that speaks. */
    private static final long FRAMING_ALLOWANCE = DataSize.ofKilobytes(64).toBytes();

    /**
     * Uploads are parsed after authentication (the dispatcher parses, the security filters run
     * first) and go straight to disk, so a large photo never sits in memory. They are buffered in
     * the store's staging directory rather than the web server's temporary one, so an upload cut off
     * by a crash is cleaned up at the next start like any other staged file.
     */
    @Bean
    MultipartConfigElement multipartConfigElement(ImageProperties properties, ImageStore store) {
        long maxFile = properties.maxUploadSize().toBytes();
        return new MultipartConfigElement(store.uploadBuffer().toString(), maxFile, maxFile + FRAMING_ALLOWANCE, 0);
    }
}

package catdata.storage;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The photo store {@code PHOTO_STORE} names, made once at start; closed at shutdown. */
@Configuration(proxyBeanMethods = false)
class ImageStoreConfiguration {

    @Bean
    ImageStore imageStore(StorageProperties storage, S3Properties s3) {
        return switch (storage.kind()) {
            case FILESYSTEM -> new FileSystemImageStore(storage);
            case S3 -> S3ImageStore.start(s3.location(), storage.uploadBuffers());
        };
    }
}

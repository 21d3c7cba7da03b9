package catdata.image;

import org.springframework.test.context.ContextConfiguration;

import catdata.support.S3PhotoStore;
import catdata.support.StoredPhotos;

/** Every case of {@link ThumbnailApiTest}, with the photos in a bucket. */
@ContextConfiguration(initializers = S3PhotoStore.class)
class ThumbnailApiS3Test extends ThumbnailApiTest {

    @Override
    protected StoredPhotos stored() {
        return S3PhotoStore.photos(IMAGES_DIR);
    }
}

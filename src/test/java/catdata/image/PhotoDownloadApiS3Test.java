package catdata.image;

import org.springframework.test.context.ContextConfiguration;

import catdata.support.S3PhotoStore;
import catdata.support.StoredPhotos;

/** Every case of {@link PhotoDownloadApiTest}, with the photos in a bucket. */
@ContextConfiguration(initializers = S3PhotoStore.class)
class PhotoDownloadApiS3Test extends PhotoDownloadApiTest {

    @Override
    protected StoredPhotos stored() {
        return S3PhotoStore.photos(IMAGES_DIR);
    }
}

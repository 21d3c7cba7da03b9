package catdata.image;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

import catdata.support.S3PhotoStore;
import catdata.support.StoredPhotos;

/** Every case of {@link ImageApiTest}, with the photos in a bucket. */
@ContextConfiguration(initializers = S3PhotoStore.class)
class ImageApiS3Test extends ImageApiTest {

    @Autowired
    ImageApiS3Test(JdbcClient jdbc) {
        super(jdbc);
    }

    @Override
    protected StoredPhotos stored() {
        return S3PhotoStore.photos(IMAGES_DIR);
    }
}

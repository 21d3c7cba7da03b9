package catdata.apidocs;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The open root, as the original answered it: proof that the service is up. */
@RestController
class BannerController {

    @GetMapping(path = "/", produces = MediaType.TEXT_PLAIN_VALUE)
    String banner() {
        return "Hello from CAT API";
    }
}

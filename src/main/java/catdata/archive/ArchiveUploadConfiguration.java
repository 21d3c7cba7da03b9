package catdata.archive;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Spring's multipart handling (the web server's parser, with the photo upload's limits) for every
 * route but {@code POST /api/import}, whose body {@link ArchiveUploads} reads itself with limits of its
 * own. Left to Spring, the import's body would be parsed before the controller runs, within a photo's
 * 10 MB; raising those limits for all would let a photo upload run to gigabytes before it is refused.
 */
@Configuration(proxyBeanMethods = false)
class ArchiveUploadConfiguration {

    static final String IMPORT_PATH = "/api/import";

    /** Named as the dispatcher looks it up; Boot then leaves out its own. */
    @Bean(name = DispatcherServlet.MULTIPART_RESOLVER_BEAN_NAME)
    MultipartResolver multipartResolver() {
        return new StandardServletMultipartResolver() {
            @Override
            public boolean isMultipart(HttpServletRequest request) {
                return !IMPORT_PATH.equals(request.getServletPath()) && super.isMultipart(request);
            }
        };
    }
}

package catdata.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API answers in JSON only. Boot adds an XML converter as soon as an XML mapper is on the class
 * path (the tests' S3 server brings one); a browser's {@code Accept}, which ranks XML above
 * {@code *}{@code /*}, would then get XML, and the tests would not test what runs in production.
 */
@Configuration(proxyBeanMethods = false)
class JsonOnlyConverters implements WebMvcConfigurer {

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.configureMessageConvertersList(converters -> converters.removeIf(converter -> converter
                .getSupportedMediaTypes().stream().anyMatch(type -> type.getSubtype().endsWith("xml"))));
    }
}

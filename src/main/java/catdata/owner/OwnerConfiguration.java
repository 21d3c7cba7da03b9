package catdata.owner;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class OwnerConfiguration implements WebMvcConfigurer {

    private final Memberships memberships;

    OwnerConfiguration(Memberships memberships) {
        this.memberships = memberships;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new OwnerArgumentResolver(memberships));
    }
}

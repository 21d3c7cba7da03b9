package catdata.support;

import java.util.ArrayList;
import java.util.List;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Every method and path the application serves under /api, as Spring MVC itself maps them. */
public final class ApiRoutes {

    private ApiRoutes() {
    }

    /** A method (upper case) and a path pattern such as {@code /api/item/{id}}. */
    public record Route(String method, String path) {

        /** The path with every variable ({@code {id}}, {@code {member}}, ...) replaced by {@code id}. */
        public String pathWithId(long id) {
            return path.replaceAll("\\{[^}]+}", Long.toString(id));
        }
    }

    public static List<Route> of(RequestMappingHandlerMapping handlerMapping) {
        List<Route> routes = new ArrayList<>();
        for (RequestMappingInfo info : handlerMapping.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/")) {
                    for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                        routes.add(new Route(method.name(), pattern));
                    }
                }
            }
        }
        return routes;
    }
}

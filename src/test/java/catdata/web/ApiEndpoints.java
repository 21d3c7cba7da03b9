package catdata.web;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.swagger.v3.oas.annotations.Parameter;

import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import catdata.owner.Owner;
import catdata.paging.Paging;

/**
 * Every /api route and what it takes (path ids, paging, whole numbers in the query, text parameters
 * of a few allowed values, a JSON body and its fields, a multipart file, a household), read from its
 * handler method, so that generated requests cover a new endpoint without anyone listing it.
 */
final class ApiEndpoints {

    enum FieldKind { NAME, TEXT, ID, IDS, ROLE, SECONDS, OTHER }

    /** A member of a JSON body, by its name on the wire. */
    record Field(String name, FieldKind kind) {
    }

    /**
     * One method on one path; {@code methodsOnPattern} is every method served on that path,
     * {@code pathVariables} are named as in the pattern, {@code body} is null when the route reads no
     * JSON, and {@code inHousehold} says the route works in the household a request chooses.
     */
    record Endpoint(String method, String pattern, Set<String> methodsOnPattern, List<String> pathVariables,
            List<Field> body, boolean multipart, boolean paged, List<String> numberParams,
            Map<String, List<String>> choiceParams, boolean inHousehold) {

        boolean hasId() {
            return !pathVariables.isEmpty();
        }

        boolean json() {
            return body != null;
        }

        boolean takesBody() {
            return json() || multipart;
        }
    }

    private ApiEndpoints() {
    }

    static List<Endpoint> of(RequestMappingHandlerMapping handlerMapping) {
        Map<String, Set<String>> methodsByPattern = new LinkedHashMap<>();
        handlerMapping.getHandlerMethods().forEach((info, handler) -> patterns(info).forEach(pattern ->
                methodsByPattern.computeIfAbsent(pattern, p -> new HashSet<>()).addAll(methods(info))));
        List<Endpoint> endpoints = new ArrayList<>();
        handlerMapping.getHandlerMethods().forEach((info, handler) -> {
            for (String pattern : patterns(info)) {
                for (String method : methods(info)) {
                    endpoints.add(endpoint(method, pattern, methodsByPattern.get(pattern), handler,
                            consumesMultipart(info)));
                }
            }
        });
        return endpoints;
    }

    private static List<String> patterns(RequestMappingInfo info) {
        return info.getPatternValues().stream().filter(pattern -> pattern.startsWith("/api/")).toList();
    }

    private static List<String> methods(RequestMappingInfo info) {
        return info.getMethodsCondition().getMethods().stream().map(RequestMethod::name).toList();
    }

    /** A route that reads its multipart body itself says so by what it consumes, not by a parameter. */
    private static boolean consumesMultipart(RequestMappingInfo info) {
        return info.getConsumesCondition().getConsumableMediaTypes().contains(MediaType.MULTIPART_FORM_DATA);
    }

    private static Endpoint endpoint(String method, String pattern, Set<String> methodsOnPattern,
            HandlerMethod handler, boolean consumesMultipart) {
        List<Field> body = null;
        boolean multipart = consumesMultipart;
        boolean paged = false;
        boolean inHousehold = false;
        List<String> numberParams = new ArrayList<>();
        Map<String, List<String>> choiceParams = new LinkedHashMap<>();
        List<String> pathVariables = new ArrayList<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
            Class<?> type = parameter.getParameterType();
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                body = fields(type);
            } else if (MultipartFile.class.isAssignableFrom(type)
                    || ResolvableType.forMethodParameter(parameter).getGeneric(0).toClass() == MultipartFile.class) {
                multipart = true;
            } else if (type == Paging.class) {
                paged = true;
            } else if (parameter.hasParameterAnnotation(RequestParam.class) && isNumber(type)) {
                RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                numberParams.add(param.name().isEmpty() ? parameter.getParameterName() : param.name());
            } else if (parameter.hasParameterAnnotation(RequestParam.class) && type == String.class
                    && !allowedValues(parameter).isEmpty()) {
                RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                choiceParams.put(param.name().isEmpty() ? parameter.getParameterName() : param.name(),
                        allowedValues(parameter));
            } else if (type == Owner.class) {
                inHousehold = true;
            } else if (parameter.hasParameterAnnotation(PathVariable.class)) {
                PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
                String name = variable.value().isEmpty() ? parameter.getParameterName() : variable.value();
                // The generator knows numeric ids and members' subjects; a new kind of path variable needs teaching.
                if (!isNumber(type) && !name.equals("member")) {
                    throw new IllegalStateException("A path variable the generator does not know: " + handler);
                }
                pathVariables.add(name);
            }
        }
        pathVariables.sort(Comparator.comparingInt(name -> pattern.indexOf("{" + name + "}")));
        return new Endpoint(method, pattern, methodsOnPattern, List.copyOf(pathVariables), body, multipart, paged,
                List.copyOf(numberParams), Map.copyOf(choiceParams), inHousehold);
    }

    /** The values a text parameter's OpenAPI description allows ({@code zip} or {@code csv}, say); empty if any. */
    private static List<String> allowedValues(MethodParameter parameter) {
        Parameter described = parameter.getParameterAnnotation(Parameter.class);
        return described == null ? List.of() : List.of(described.schema().allowableValues());
    }

    private static boolean isNumber(Class<?> type) {
        return type == long.class || type == Long.class || type == int.class || type == Integer.class;
    }

    private static List<Field> fields(Class<?> record) {
        if (!record.isRecord()) {
            throw new IllegalStateException("Bodies are records: " + record);
        }
        List<Field> fields = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
            String name = property != null ? property.value() : component.getName();
            fields.add(new Field(name, kind(name, ResolvableType.forMethodReturnType(component.getAccessor()))));
        }
        return List.copyOf(fields);
    }

    private static FieldKind kind(String name, ResolvableType type) {
        if (name.equals("role")) {
            return FieldKind.ROLE;
        }
        if (name.equals("expires_in")) {
            return FieldKind.SECONDS;
        }
        ResolvableType value = type.toClass() == Optional.class ? type.getGeneric(0) : type;
        Class<?> raw = value.toClass();
        if (raw == String.class) {
            return name.equals("name") ? FieldKind.NAME : FieldKind.TEXT;
        }
        if (isNumber(raw)) {
            return FieldKind.ID;
        }
        if (List.class.isAssignableFrom(raw) && isNumber(value.getGeneric(0).toClass())) {
            return FieldKind.IDS;
        }
        return FieldKind.OTHER;
    }
}

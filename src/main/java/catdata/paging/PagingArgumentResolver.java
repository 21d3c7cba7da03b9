package catdata.paging;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import catdata.error.InvalidInput;
import catdata.web.StrictNumberBinding;

/**
 * Reads {@link Paging} from {@code limit} and {@code offset}. Bound as a model attribute, with a
 * data binder and Bean Validation, it cost about a fifth of the CPU of a short list (a profile of
 * {@code GET /api/containers}: the binder reads the record's constructor annotations afresh on
 * every request); these two numbers need neither.
 *
 * <p>The rules are the binder's: a value is decimal digits with an optional minus
 * ({@link StrictNumberBinding}), an empty value is no value, a repeated one is refused. A value
 * that is not a number is reported before one out of range, {@code limit} before {@code offset}.
 */
final class PagingArgumentResolver implements HandlerMethodArgumentResolver {

    private static final String LIMIT = "limit";
    private static final String OFFSET = "offset";

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Paging.class;
    }

    @Override
    public Paging resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest request, WebDataBinderFactory binderFactory) {
        Integer limit = number(request, LIMIT);
        Integer offset = number(request, OFFSET);
        if (limit != null && (limit < 1 || limit > Paging.MAX_LIMIT)) {
            throw new InvalidInput("limit must be between 1 and " + Paging.MAX_LIMIT + ".");
        }
        if (offset != null && offset < 0) {
            throw new InvalidInput("offset must be 0 or more.");
        }
        return limit == null && offset == null ? Paging.ALL : new Paging(limit, offset);
    }

    private static Integer number(NativeWebRequest request, String name) {
        String[] values = request.getParameterValues(name);
        if (values == null || values.length == 1 && values[0].isEmpty()) {
            return null;
        }
        if (values.length == 1 && StrictNumberBinding.isDecimal(values[0])) {
            try {
                return Integer.valueOf(values[0]);
            } catch (NumberFormatException beyondInt) {
                // Reported below, as any other value that is not an int.
            }
        }
        throw new InvalidInput("Invalid value for '" + name + "'.");
    }
}

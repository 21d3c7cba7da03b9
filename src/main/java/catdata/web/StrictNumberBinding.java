package catdata.web;

import java.beans.PropertyEditorSupport;
import java.util.function.Function;

import org.springframework.beans.PropertyEditorRegistry;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.support.FormattingConversionService;
import org.springframework.validation.Validator;
import org.springframework.web.bind.support.ConfigurableWebBindingInitializer;

/**
 * Whole numbers in paths and query strings are decimal digits and nothing else. Spring's own
 * number editor also reads {@code 0x1F}, {@code #1F}, {@code +7} and {@code " 7"}, so that
 * {@code DELETE /api/tag/0x3} would delete tag 3. It is consulted even when the conversion
 * service refuses a value, so the stricter rule has to be an editor registered on every binder.
 * A leading minus is kept so that a negative {@code offset} gets its own, clearer message.
 *
 * <p>The editors are registered by the binding initializer every binder gets, rather than by an
 * {@code @InitBinder} advice: Spring MVC wraps such an advice into a new handler method on every
 * request, which cost about 5% of the CPU of a short list.
 */
@Configuration(proxyBeanMethods = false)
public class StrictNumberBinding {

    /** Spring Boot's own initializer (conversion service, validator) with the strict editors added. */
    @Bean
    ConfigurableWebBindingInitializer webBindingInitializer(
            @Qualifier("mvcConversionService") FormattingConversionService conversionService,
            @Qualifier("mvcValidator") Validator validator) {
        ConfigurableWebBindingInitializer initializer = new ConfigurableWebBindingInitializer();
        initializer.setConversionService(conversionService);
        initializer.setValidator(validator);
        initializer.setPropertyEditorRegistrar(StrictNumberBinding::decimalNumbersOnly);
        return initializer;
    }

    private static void decimalNumbersOnly(PropertyEditorRegistry binder) {
        binder.registerCustomEditor(long.class, new DecimalEditor(Long::valueOf, false));
        binder.registerCustomEditor(Long.class, new DecimalEditor(Long::valueOf, true));
        binder.registerCustomEditor(int.class, new DecimalEditor(Integer::valueOf, false));
        binder.registerCustomEditor(Integer.class, new DecimalEditor(Integer::valueOf, true));
    }

    /** {@code -?[0-9]+}: ASCII digits only, at least one, with an optional leading minus. */
    public static boolean isDecimal(String text) {
        int start = text.startsWith("-") ? 1 : 0;
        if (text.length() == start) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static final class DecimalEditor extends PropertyEditorSupport {

        private final Function<String, Number> parse;
        private final boolean allowEmpty;

        DecimalEditor(Function<String, Number> parse, boolean allowEmpty) {
            this.parse = parse;
            this.allowEmpty = allowEmpty;
        }

        @Override
        public void setAsText(String text) {
            if (allowEmpty && (text == null || text.isEmpty())) {
                setValue(null);
                return;
            }
            if (text == null || !isDecimal(text)) {
                throw new IllegalArgumentException("Not a decimal whole number");
            }
            // Throws NumberFormatException (an IllegalArgumentException) beyond the type's range.
            setValue(parse.apply(text));
        }
    }
}

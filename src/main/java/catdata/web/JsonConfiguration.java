package catdata.web;

import java.time.Instant;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.http.HttpStatus;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import catdata.error.ExplainedFailure;

@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    /** No request body of ours nests more than three levels; 50 leaves room and stops stack-deep documents. */
    static final int MAX_NESTING_DEPTH = 50;

    @Bean
    JacksonModule timestampsAsIsoMillis() {
        SimpleModule module = new SimpleModule("catdata-timestamps");
        module.addSerializer(Instant.class, new ValueSerializer<Instant>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializationContext context) {
                gen.writeString(IsoMillis.format(value));
            }
        });
        return module;
    }

    /**
     * Boot's own builder bean, but on a parser factory with our nesting limit: Jackson 3 takes the
     * factory when the builder is made, and Boot 4.0 offers no customizer for it
     * (spring-projects/spring-boot#48594), so the builder is declared here and every
     * {@link JsonMapperBuilderCustomizer} (Boot's and ours) is applied in order, as Boot does.
     */
    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    JsonMapper.Builder jsonMapperBuilder(ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
        JsonMapper.Builder builder = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(new ReadLimits())
                .build());
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder;
    }

    /**
     * JSON in is read strictly, so a wrong type is a 400 naming the field instead of a guess:
     * no numbers as strings or the reverse, no {@code 7.5} or {@code 1e3} as an id, no trailing
     * content, no key given twice. An absent {@code Optional} field stays {@code null}, so that
     * partial updates can tell "absent" (keep) from {@code null} (clear).
     */
    @Bean
    JsonMapperBuilderCustomizer strictJsonInput() {
        return builder -> builder
                .enable(DeserializationFeature.USE_NULL_FOR_MISSING_REFERENCE_VALUES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(LogicalType.Textual, strings -> strings
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    /**
     * Jackson's default read limits with nesting capped at {@link #MAX_NESTING_DEPTH}, refused with
     * an exception of its own so that the answer can say what was wrong.
     */
    static final class ReadLimits extends StreamReadConstraints {

        ReadLimits() {
            this(StreamReadConstraints.defaults());
        }

        private ReadLimits(StreamReadConstraints defaults) {
            super(MAX_NESTING_DEPTH, defaults.getMaxDocumentLength(), defaults.getMaxTokenCount(),
                    defaults.getMaxNumberLength(), defaults.getMaxStringLength(), defaults.getMaxNameLength());
        }

        @Override
        public void validateNestingDepth(int depth) throws StreamConstraintsException {
            if (depth > _maxNestingDepth) {
                throw new NestedTooDeep(depth);
            }
        }
    }

    static final class NestedTooDeep extends StreamConstraintsException implements ExplainedFailure {

        NestedTooDeep(int depth) {
            super("JSON nested " + depth + " levels deep (max " + MAX_NESTING_DEPTH + ")");
        }

        @Override
        public HttpStatus status() {
            return HttpStatus.BAD_REQUEST;
        }

        @Override
        public String reason() {
            return "JSON nested deeper than " + MAX_NESTING_DEPTH + " levels.";
        }
    }
}

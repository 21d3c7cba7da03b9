package catdata.apidocs;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.function.Predicate;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import catdata.owner.Caller;
import catdata.owner.Owner;
import catdata.error.ErrorWriter;
import catdata.paging.Paged;
import catdata.paging.Paging;

/**
 * The OpenAPI description at {@code /v3/api-docs} and Swagger UI at {@code /swagger-ui.html}.
 * Controllers give each operation its summary and its particular errors; the errors every
 * operation shares (bad input, no token, not found) are added here, so none is forgotten.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    private static final String BEARER = "bearer";
    private static final String ERROR_SCHEMA = "Error";

    static {
        // Resolved from the verified token, not from the request: not a parameter to document.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Owner.class, Caller.class);
    }

    @Bean
    OpenAPI catDataApi() {
        return new OpenAPI()
                .info(new Info().title("Cat Data API").version("1")
                        .description("Items kept in containers, labelled with tags, each with a photo. Every "
                                + "call needs an access token from the configured issuer. A catalogue belongs "
                                + "to a household; a call acts in the one X-Household (or ?household=) names, "
                                + "else in the caller's default, and sees only that household's rows."))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("An RS256 access token for this API's audience."))
                        .addSchemas(ERROR_SCHEMA, errorSchema()))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    OperationCustomizer sharedErrorResponses() {
        return (operation, handler) -> {
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            operation.setResponses(responses);
            if (takesInput(operation, handler)) {
                addError(responses, "400", "Invalid input; the error says what to fix.");
            }
            addError(responses, "401", "Missing, invalid or expired bearer token.");
            if (hasPathVariable(handler)) {
                addError(responses, "404", "No such row among yours (another household's rows are not found).");
            }
            if (anyParameter(handler, parameter -> parameter.getParameterType().equals(Owner.class))) {
                householdParameters(operation);
                addError(responses, "400", "Invalid input; the error says what to fix.");
                addError(responses, "404", "No such household among yours.");
                if (!handler.hasMethodAnnotation(GetMapping.class)) {
                    addError(responses, "403", "Viewers may only read.");
                }
            }
            if (hasParameter(handler, RequestBody.class)) {
                addError(responses, "413", "Request body too large.");
                addError(responses, "415", "The body is not sent as application/json.");
            }
            addError(responses, "500", "Unexpected failure; the details are in the service's log.");
            if (isPaged(handler) && responses.containsKey("200")) {
                responses.get("200").addHeaderObject(Paged.TOTAL_COUNT, new Header()
                        .description("The number of rows in the whole list; sent when limit or offset is given.")
                        .schema(new IntegerSchema()));
            }
            // Errors a controller declares itself (a 409) have the same body.
            responses.forEach((status, response) -> {
                if (!status.startsWith("2") && !status.startsWith("3") && response.getContent() == null) {
                    response.setContent(errorContent());
                }
            });
            return operation;
        };
    }

    /** The household a catalogue call acts in, by header or, for links and images, by query. */
    private static void householdParameters(Operation operation) {
        String description = "The household to act in (a positive id); the caller's default if absent.";
        operation.addParametersItem(new Parameter().in("header").name(Owner.HOUSEHOLD_HEADER).required(false)
                .description(description).schema(new IntegerSchema().minimum(BigDecimal.ONE)));
        operation.addParametersItem(new Parameter().in("query").name("household").required(false)
                .description(description).schema(new IntegerSchema().minimum(BigDecimal.ONE)));
    }

    private static boolean takesInput(Operation operation, HandlerMethod handler) {
        return operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty())
                || hasPathVariable(handler);
    }

    private static boolean isPaged(HandlerMethod handler) {
        return anyParameter(handler, parameter -> parameter.getParameterType().equals(Paging.class));
    }

    private static boolean hasPathVariable(HandlerMethod handler) {
        return hasParameter(handler, PathVariable.class);
    }

    private static boolean hasParameter(HandlerMethod handler, Class<? extends Annotation> type) {
        return anyParameter(handler, parameter -> parameter.hasParameterAnnotation(type));
    }

    private static boolean anyParameter(HandlerMethod handler, Predicate<MethodParameter> test) {
        return Arrays.stream(handler.getMethodParameters()).anyMatch(test);
    }

    private static void addError(ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description));
        }
    }

    private static Content errorContent() {
        return new Content().addMediaType(ErrorWriter.CONTENT_TYPE.toString(),
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ERROR_SCHEMA)));
    }

    /** The problem detail every error body is, with the {@code error} member the front end reads. */
    private static Schema<?> errorSchema() {
        ObjectSchema error = new ObjectSchema();
        error.setDescription("An RFC 9457 problem detail; `error` carries the message, as in the original service.");
        error.addProperty("error", new StringSchema().example("Container not found."));
        error.addProperty("detail", new StringSchema());
        error.addProperty("title", new StringSchema());
        error.addProperty("status", new IntegerSchema());
        error.addProperty("type", new StringSchema());
        error.addRequiredItem("error");
        return error;
    }
}

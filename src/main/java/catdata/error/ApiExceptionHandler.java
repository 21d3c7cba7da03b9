package catdata.error;

import java.sql.SQLException;
import java.util.Optional;

import jakarta.servlet.MultipartConfigElement;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.DatabindException;


/**
 * Turns every exception into a JSON problem detail with an {@code error} member. Messages are
 * written for the person calling the API; internals (SQL, stack traces) only go to the log.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    /** HikariCP's message for a connection it has already closed. */
    private static final String CLOSED_CONNECTION = "Connection is closed";

    private final ObjectProvider<MultipartConfigElement> multipartConfig;
    private final ErrorWriter errors;

    ApiExceptionHandler(ObjectProvider<MultipartConfigElement> multipartConfig, ErrorWriter errors) {
        this.multipartConfig = multipartConfig;
        this.errors = errors;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> apiException(ApiException ex) {
        return errors.entity(ex.status(), ex.getMessage(), ex.headers());
    }

    /**
     * No connection to the database (it is down, restarting or unreachable): the request is not
     * at fault and nothing was written, so the client is told to come back rather than shown a 500.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessResourceException.class,
            CannotCreateTransactionException.class})
    ResponseEntity<Object> databaseUnavailable(Exception ex) {
        log.warn("Database unavailable: {}", mostSpecificMessage(ex));
        return errors.entity(HttpStatus.SERVICE_UNAVAILABLE, ServiceUnavailable.MESSAGE);
    }

    /**
     * A commit or rollback that failed. After the request had already failed, the answer is the one
     * that first failure deserves (nothing was committed). A commit that failed because the
     * connection was lost (SQLState class 08) is the database being unavailable: a read-only
     * transaction wrote nothing, and for a write the outcome is as unknown to us as to the client,
     * who is told to try again. Anything else stays a 500.
     */
    @ExceptionHandler(TransactionSystemException.class)
    ResponseEntity<Object> transactionFailure(TransactionSystemException ex) {
        Throwable first = ex.getApplicationException();
        if (first instanceof ApiException api) {
            return apiException(api);
        }
        if (first instanceof DataAccessResourceFailureException || first instanceof TransientDataAccessResourceException
                || first instanceof CannotCreateTransactionException || lostConnection(ex)) {
            return databaseUnavailable(ex);
        }
        return unexpected(ex);
    }

    /**
     * SQLState class 08 (connection exception), or the pool's "Connection is closed": the pool
     * closes a connection that reported a connection error, so the rollback that follows a failed
     * commit fails on it with that message and no SQLState, and the commit's own error is lost.
     */
    private static boolean lostConnection(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && ((sql.getSQLState() != null && sql.getSQLState().startsWith("08"))
                    || CLOSED_CONNECTION.equals(sql.getMessage()))) {
                return true;
            }
        }
        return false;
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> malformedMultipart(MultipartException ex) {
        return errors.entity(HttpStatus.BAD_REQUEST, "Malformed multipart request.");
    }

    /** Tomcat parses the query string lazily, when the first parameter is read. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> malformedQueryString(InvalidParameterException ex) {
        return errors.entity(HttpStatus.BAD_REQUEST, "Malformed query string.");
    }

    /**
     * Spring Security's firewall checks parameter names and header values only when they are
     * read, which may be in a controller's argument binding: a request it rejects there (a NUL in a
     * parameter name) is the caller's fault, like one it rejects up front.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> rejectedRequest(RequestRejectedException ex) {
        return errors.entity(HttpStatus.BAD_REQUEST, JsonRequestRejectedHandler.MESSAGE);
    }

    /**
     * Two requests changed the same rows at once and the database gave up on one of them (a
     * deadlock or a lock timeout): the caller may simply try again.
     */
    @ExceptionHandler(ConcurrencyFailureException.class)
    ResponseEntity<Object> concurrentChange(ConcurrencyFailureException ex) {
        log.warn("Concurrent change refused: {}", ex.getMostSpecificCause().getMessage());
        return errors.entity(HttpStatus.CONFLICT, "Another change to the same data got in the way; please try again.");
    }

    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<Object> databaseFailure(DataAccessException ex) {
        log.error("Database failure", ex);
        return errors.entity(HttpStatus.INTERNAL_SERVER_ERROR, "Internal server error.");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        log.error("Unexpected failure", ex);
        return errors.entity(HttpStatus.INTERNAL_SERVER_ERROR, "Internal server error.");
    }

    /**
     * A body refused while it was read (cut off at the size cap, not UTF-8, nested too deep)
     * surfaces as unreadable; the refusal says what was wrong, and with which status.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Optional<ExplainedFailure> explained = explainedCause(ex);
        if (explained.isPresent()) {
            return errors.entity(explained.get().status(), explained.get().reason(), headers);
        }
        return super.handleHttpMessageNotReadable(ex, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (status.is5xxServerError()) {
            log.error("Request failed", ex);
        }
        return errors.entity(status, messageFor(ex, status), headers);
    }

    private static String mostSpecificMessage(Throwable ex) {
        Throwable cause = ex;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private String messageFor(Exception ex, HttpStatusCode status) {
        if (ex instanceof TypeMismatchException mismatch) {
            return isPathVariable(ex) ? "Invalid id." : "Invalid value for '" + mismatch.getPropertyName() + "'.";
        }
        if (ex instanceof HandlerMethodValidationException validation) {
            boolean onPath = validation.getParameterValidationResults().stream()
                    .anyMatch(result -> result.getMethodParameter().hasParameterAnnotation(PathVariable.class));
            return onPath ? "Invalid id." : firstMessage(validation);
        }
        if (ex instanceof MethodArgumentNotValidException invalid && invalid.getBindingResult().hasErrors()) {
            return firstMessage(invalid);
        }
        if (ex instanceof HttpMessageNotReadableException unreadable) {
            return unreadableBody(unreadable);
        }
        if (ex instanceof MaxUploadSizeExceededException) {
            return "File too large (max " + maxUploadSize() + ").";
        }
        if (ex instanceof MissingServletRequestParameterException missing) {
            return "Missing parameter '" + missing.getParameterName() + "'.";
        }
        if (ex instanceof HttpRequestMethodNotSupportedException) {
            return "Method not allowed.";
        }
        if (ex instanceof HttpMediaTypeNotSupportedException) {
            return "Unsupported content type.";
        }
        if (ex instanceof HttpMediaTypeNotAcceptableException) {
            return "Not acceptable.";
        }
        if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
            return "Not found.";
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        return known != null ? known.getReasonPhrase() + "." : "Request failed.";
    }

    private static boolean isPathVariable(Exception ex) {
        if (ex instanceof MethodArgumentTypeMismatchException mismatch) {
            MethodParameter parameter = mismatch.getParameter();
            return parameter.hasParameterAnnotation(PathVariable.class);
        }
        return false;
    }

    private static String firstMessage(HandlerMethodValidationException validation) {
        return validation.getAllErrors().stream()
                .map(error -> error.getDefaultMessage())
                .filter(message -> message != null && !message.isBlank())
                .findFirst().orElse("Invalid request.");
    }

    /** A query parameter of the wrong type names itself; a value out of range says its rule. */
    private static String firstMessage(MethodArgumentNotValidException invalid) {
        ObjectError error = invalid.getBindingResult().getAllErrors().get(0);
        if (error instanceof FieldError field && field.isBindingFailure()) {
            return "Invalid value for '" + field.getField() + "'.";
        }
        return error.getDefaultMessage();
    }

    private static Optional<ExplainedFailure> explainedCause(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof ExplainedFailure explained) {
                return Optional.of(explained);
            }
        }
        return Optional.empty();
    }

    /** Says what is wrong with the body, naming the field whose value had the wrong type. */
    private static String unreadableBody(HttpMessageNotReadableException ex) {
        // A number too large for its field fails in the parser rather than in databinding, but
        // names its field all the same.
        if (ex.getCause() instanceof JacksonException json
                && (json instanceof DatabindException || json instanceof InputCoercionException)) {
            Optional<String> field = json.getPath().stream()
                    .map(JacksonException.Reference::getPropertyName)
                    .filter(name -> name != null)
                    .reduce((first, second) -> second);
            if (field.isPresent()) {
                return "Invalid value for '" + field.get() + "'.";
            }
        }
        return "Malformed JSON request body.";
    }

    private String maxUploadSize() {
        MultipartConfigElement config = multipartConfig.getIfAvailable();
        return config == null ? "unknown" : DataSizes.format(DataSize.ofBytes(config.getMaxFileSize()));
    }
}

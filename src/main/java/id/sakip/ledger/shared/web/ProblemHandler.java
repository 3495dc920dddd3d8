package id.sakip.ledger.shared.web;

import java.net.URI;
import java.util.Map;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import id.sakip.ledger.shared.RuleViolation;

/**
 * Turns every refusal into an RFC 7807 problem+json answer naming the rule, with no stack trace:
 * 409 for a rule of the ledger, 422 for invalid values, 404 for unknown ids, 400 for malformed input.
 */
@RestControllerAdvice
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
public class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    public static ProblemDetail problem(HttpStatus status, String code, String detail, Map<String, Object> details) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create("urn:ledger:problem:" + code.toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
        p.setTitle(code);
        p.setProperty("code", code);
        if (details != null && !details.isEmpty()) {
            p.setProperty("details", details);
        }
        return p;
    }

    public static HttpStatus statusOf(RuleViolation v) {
        return switch (v.kind()) {
            case RULE -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.UNPROCESSABLE_ENTITY;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
        };
    }

    @ExceptionHandler(id.sakip.ledger.shared.AccessDenied.class)
    public ProblemDetail denied(id.sakip.ledger.shared.AccessDenied e) {
        return problem(HttpStatus.FORBIDDEN, "FORBIDDEN", e.getMessage(), e.details());
    }

    @ExceptionHandler(RuleViolation.class)
    public ProblemDetail rule(RuleViolation v) {
        return problem(statusOf(v), v.code(), v.getMessage(), v.details());
    }

    @ExceptionHandler(id.sakip.ledger.shared.ServiceUnavailable.class)
    public org.springframework.http.ResponseEntity<ProblemDetail> unavailable(id.sakip.ledger.shared.ServiceUnavailable e) {
        return org.springframework.http.ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "5").body(problem(HttpStatus.SERVICE_UNAVAILABLE, e.code(), e.getMessage(),
                        e.details()));
    }

    @ExceptionHandler(CommandExecutionException.class)
    public ProblemDetail commandFailed(CommandExecutionException e) {
        if (e.getCause() instanceof RuleViolation v) {
            return rule(v);
        }
        log.error("Command failed", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "COMMAND_FAILED", "The command could not be executed",
                null);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    public ProblemDetail notFound(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "No such budget or plan: " + e.getAggregateIdentifier(),
                Map.of("id", String.valueOf(e.getAggregateIdentifier())));
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    public ProblemDetail alreadyExists(AggregateStreamCreationException e) {
        if (e instanceof id.sakip.ledger.eventstore.AggregateAlreadyExists exists) {
            return problem(HttpStatus.CONFLICT, "ALREADY_EXISTS",
                    ExistingItems.describe(exists.aggregateType(), exists.aggregateIdentifier()) + " already exists",
                    Map.of("id", exists.aggregateIdentifier()));
        }
        return problem(HttpStatus.CONFLICT, "ALREADY_EXISTS", "It already exists and cannot be created again", null);
    }

    @ExceptionHandler(ConcurrencyException.class)
    public ProblemDetail concurrent(ConcurrencyException e) {
        return problem(HttpStatus.CONFLICT, "CONCURRENT_CHANGE",
                "Someone changed the same item at the same moment; nothing was recorded, please retry", null);
    }

    @ExceptionHandler(EventStoreException.class)
    public ProblemDetail store(EventStoreException e) {
        log.error("Event store failure", e);
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "STORE_UNAVAILABLE",
                "The ledger could not store the change; nothing was recorded", null);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ProblemDetail unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestTooLarge tooLarge) {
                return tooLarge(tooLarge);
            }
        }
        if (cause instanceof com.fasterxml.jackson.databind.JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String path = pathOf(mapping);
            String what = cause instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException
                    ? "is not a known field" : "has the wrong type or format (money is a whole number of rupiah, "
                    + "dates are YYYY-MM-DD)";
            return problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "Field '" + path + "' " + what,
                    Map.of("field", path));
        }
        if (cause instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException) {
            return problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST",
                    "The request body has the wrong shape: a JSON object with the documented fields is expected", null);
        }
        if (cause instanceof com.fasterxml.jackson.core.JsonProcessingException json) {
            var at = json.getLocation();
            return problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "The request body is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"), null);
        }
        return problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "The request body is missing or unreadable", null);
    }

    private static String pathOf(com.fasterxml.jackson.databind.JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", "Parameter '" + e.getName()
                + "' has an invalid value", Map.of("parameter", e.getName()));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    public ProblemDetail missingParameter(MissingServletRequestParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, "MISSING_PARAMETER", "Parameter '" + e.getParameterName()
                + "' is required", Map.of("parameter", e.getParameterName()));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    public ProblemDetail missingHeader(MissingRequestHeaderException e) {
        return problem(HttpStatus.BAD_REQUEST, "MISSING_HEADER", "Header '" + e.getHeaderName() + "' is required",
                null);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    public ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                "Content type " + e.getContentType() + " is not accepted here", null);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    public ProblemDetail method(HttpRequestMethodNotSupportedException e) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", e.getMessage(), null);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    public ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", "The request is too large", null);
    }

    @ExceptionHandler(RequestTooLarge.class)
    public ProblemDetail tooLarge(RequestTooLarge e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", e.getMessage(),
                Map.of("limitBytes", e.limit()));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    public ProblemDetail noResource(NoResourceFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "No such resource", null);
    }

    @ExceptionHandler(Exception.class)
    public ProblemDetail unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "The ledger could not answer; nothing was changed by this request", null);
    }
}

package id.sakip.ledger.shared.web;

import java.time.Clock;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import id.sakip.ledger.shared.AccessDenied;
import id.sakip.ledger.shared.IndonesianFormat;
import id.sakip.ledger.shared.RuleViolation;
import id.sakip.ledger.shared.ServiceUnavailable;

/**
 * A failure on a page, for a browser: an Indonesian error page with the same status the API would
 * answer. API calls ({@code /api/**}) and clients that do not ask for HTML keep problem+json.
 */
@Component
public class PageErrors implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    private final Clock clock;

    public PageErrors(Clock clock) {
        this.clock = clock;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    /** Whether the request comes from a person's browser on the pages rather than from an API client. */
    public static boolean fromBrowser(HttpServletRequest request) {
        String path = request.getRequestURI();
        String accept = request.getHeader("Accept");
        return !path.startsWith("/api/") && !path.startsWith("/actuator") && !path.startsWith("/v3/")
                && accept != null && accept.contains("text/html");
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception failure) {
        if (!fromBrowser(request)) {
            return null;
        }
        Exception e = failure instanceof CommandExecutionException c && c.getCause() instanceof RuleViolation v
                ? v : failure;
        HttpStatus status;
        String message;
        if (e instanceof RuleViolation v) {
            status = ProblemHandler.statusOf(v);
            message = IndonesianMessages.of(v);
        } else if (e instanceof AccessDenied) {
            status = HttpStatus.FORBIDDEN;
            message = null;
        } else if (e instanceof NoResourceFoundException || e instanceof AggregateNotFoundException) {
            status = HttpStatus.NOT_FOUND;
            message = null;
        } else if (e instanceof ServiceUnavailable) {
            status = HttpStatus.SERVICE_UNAVAILABLE;
            message = "Model baca sedang dibangun ulang dari log; coba lagi sebentar lagi.";
            response.setHeader("Retry-After", "5");
        } else if (e instanceof ConcurrencyException) {
            status = HttpStatus.CONFLICT;
            message = "Orang lain mengubah data yang sama pada saat yang sama; tidak ada yang dicatat. Muat ulang "
                    + "halaman lalu coba lagi.";
        } else if (e instanceof MethodArgumentTypeMismatchException || e instanceof MissingServletRequestParameterException) {
            status = HttpStatus.BAD_REQUEST;
            message = "Alamat halaman tidak lengkap atau berisi nilai yang tidak sah (misalnya tahun bukan angka).";
        } else if (e instanceof HttpRequestMethodNotSupportedException) {
            status = HttpStatus.METHOD_NOT_ALLOWED;
            message = "Halaman ini tidak menerima cara pengiriman tersebut; buka halaman melalui tautannya.";
        } else if (e instanceof MaxUploadSizeExceededException) {
            status = HttpStatus.PAYLOAD_TOO_LARGE;
            message = "Berkas terlalu besar untuk diunggah.";
        } else {
            log.error("Unexpected failure on a page", failure);
            status = HttpStatus.INTERNAL_SERVER_ERROR;
            message = null;
        }
        response.setStatus(status.value());
        ModelAndView page = new ModelAndView("error", Map.of("status", status.value(),
                "message", message == null ? "" : message, "at", IndonesianFormat.time(clock.instant())));
        page.setStatus(status);
        return page;
    }
}

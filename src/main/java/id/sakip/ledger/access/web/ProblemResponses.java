package id.sakip.ledger.access.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import com.fasterxml.jackson.databind.ObjectMapper;

import id.sakip.ledger.shared.web.ProblemHandler;

/** 401, 403, 429 and rejected requests as problem+json, before a controller is reached. */
final class ProblemResponses {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemResponses() {
    }

    static void write(HttpServletResponse response, HttpStatus status, String code, String detail) throws IOException {
        ProblemDetail problem = ProblemHandler.problem(status, code, detail, null);
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("code", code);
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), body);
    }

    static AuthenticationEntryPoint unauthenticated() {
        return (request, response, e) -> {
            if (e instanceof SignInThrottled throttled) {
                response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
                write(response, HttpStatus.TOO_MANY_REQUESTS, "SIGN_IN_THROTTLED", throttled.getMessage());
                return;
            }
            if (e instanceof SignInBusy busy) {
                response.setHeader("Retry-After", "1");
                write(response, HttpStatus.SERVICE_UNAVAILABLE, "SIGN_IN_BUSY", busy.getMessage());
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"ledger\"");
            write(response, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "Sign in first: "
                    + (e.getMessage() == null ? "credentials are required" : e.getMessage()));
        };
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(response, HttpStatus.FORBIDDEN, "FORBIDDEN",
                "Peran Anda tidak mengizinkan tindakan ini");
    }

    static RequestRejectedHandler rejected() {
        return (request, response, e) -> {
            if (id.sakip.ledger.shared.web.PlainErrorPage.wanted(request.getRequestURI(), request.getHeader("Accept"))) {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                response.setContentType("text/html");
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write(id.sakip.ledger.shared.web.PlainErrorPage.html(400,
                        "Alamat tidak diizinkan", "Alamat halaman ini berisi bagian yang tidak diizinkan (misalnya "
                                + "garis miring tersandi atau '..'). Tidak ada yang dicatat."));
                return;
            }
            write(response, HttpStatus.BAD_REQUEST, "REQUEST_REJECTED",
                    "The request was rejected: its address is not allowed (e.g. encoded slashes or '..')");
        };
    }
}

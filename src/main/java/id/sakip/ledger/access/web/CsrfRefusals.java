package id.sakip.ledger.access.web;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

import id.sakip.ledger.shared.IndonesianFormat;

/**
 * A form sent without a valid CSRF token: problem+json {@code CSRF} for API clients and callers that
 * do not ask for HTML, an Indonesian page for browsers; other refusals keep Spring's handling.
 */
final class CsrfRefusals implements AccessDeniedHandler {

    private final AccessDeniedHandler others = new AccessDeniedHandlerImpl();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException, ServletException {
        if (!(e instanceof CsrfException)) {
            others.handle(request, response, e);
            return;
        }
        String accept = request.getHeader("Accept");
        if (request.getRequestURI().startsWith("/api/") || accept == null || !accept.contains("text/html")) {
            ProblemResponses.write(response, HttpStatus.FORBIDDEN, "CSRF",
                    "The form's CSRF token is missing or no longer valid; reload the page and send it again");
            return;
        }
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"UTF-8\">"
                + "<title>Formulir kedaluwarsa · Buku Besar SAKIP</title><link rel=\"stylesheet\" href=\"/css/ledger.css\">"
                + "</head><body><main><h1>Formulir kedaluwarsa</h1><p id=\"csrf-refusal\">Formulir ini tidak dapat "
                + "diterima karena token keamanannya hilang atau sudah tidak berlaku (misalnya sesi telah berakhir). "
                + "Tidak ada yang dicatat. Muat ulang halaman, lalu kirim formulir sekali lagi.</p><p>Waktu: "
                + IndonesianFormat.time(java.time.Instant.now()) + "</p><p><a href=\"/\">Kembali ke beranda</a></p>"
                + "</main></body></html>");
    }
}

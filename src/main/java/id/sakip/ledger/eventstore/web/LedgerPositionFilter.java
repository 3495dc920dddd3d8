package id.sakip.ledger.eventstore.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import id.sakip.ledger.eventstore.CommitLog;
import id.sakip.ledger.eventstore.ReadConsistency;
import id.sakip.ledger.eventstore.WritePosition;
import id.sakip.ledger.shared.web.ProblemHandler;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Read-your-writes over HTTP. A write's answer carries {@code Ledger-Position}, the global sequence of
 * the last event it appended (the known head when it appended none). A read of read models (API under
 * {@code /api/v1} and the pages) first waits until they stand at the log's head as of its arrival and
 * carries that position; if they do not get there within {@code ledger.read.max-wait} it is answered
 * 503 {@code READ_MODELS_BEHIND} with {@code Retry-After}. Verification and admin lag read the log or
 * the processors themselves and do not wait.
 */
@Component
public class LedgerPositionFilter extends OncePerRequestFilter {

    public static final String HEADER = "Ledger-Position";
    public static final String BEHIND = "READ_MODELS_BEHIND";

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> UNWAITED = Set.of("/api/v1/audit/verify", "/api/v1/audit/digest");

    private final ReadConsistency consistency;
    private final CommitLog log;
    private final ObjectMapper json;

    public LedgerPositionFilter(ReadConsistency consistency, CommitLog log, ObjectMapper json) {
        this.consistency = consistency;
        this.log = log;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        if (WRITES.contains(method)) {
            write(request, response, chain);
        } else if (("GET".equals(method) || "HEAD".equals(method)) && readsModels(path(request))) {
            read(request, response, chain);
        } else {
            chain.doFilter(request, response);
        }
    }

    private void write(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        WritePosition.open();
        PositionStamping stamping = new PositionStamping(response);
        try {
            chain.doFilter(request, stamping);
        } finally {
            stamping.stamp();
            WritePosition.close();
        }
    }

    private void read(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ReadConsistency.Outcome outcome = consistency.awaitHead();
        if (outcome.reached()) {
            response.setHeader(HEADER, Long.toString(outcome.position()));
            chain.doFilter(request, response);
            return;
        }
        long retryAfter = Math.max(1, (consistency.maxWait().toMillis() + 999) / 1000);
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader("Retry-After", Long.toString(retryAfter));
        response.setHeader(HEADER, Long.toString(outcome.position()));
        if (path(request).startsWith("/api/")) {
            problem(response, outcome);
        } else {
            page(response, outcome, retryAfter);
        }
    }

    private void problem(HttpServletResponse response, ReadConsistency.Outcome outcome) throws IOException {
        ProblemDetail problem = ProblemHandler.problem(HttpStatus.SERVICE_UNAVAILABLE, BEHIND,
                "The read models " + outcome.behind() + " have not reached log position " + outcome.position()
                        + " within " + consistency.maxWait().toMillis() + " ms; ask again after Retry-After",
                null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("code", BEHIND);
        body.put("details", Map.of("position", outcome.position(), "behind", outcome.behind()));
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }

    private static void page(HttpServletResponse response, ReadConsistency.Outcome outcome, long retryAfter)
            throws IOException {
        response.setContentType("text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        PrintWriter out = response.getWriter();
        out.print("<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\">"
                + "<meta http-equiv=\"refresh\" content=\"" + retryAfter + "\">"
                + "<title>Data sedang diperbarui</title></head><body><h1>Data sedang diperbarui</h1>"
                + "<p>Perubahan terakhir (posisi log " + outcome.position() + ") belum selesai dimasukkan ke "
                + "tampilan ini, jadi halaman ini belum dapat ditampilkan dengan lengkap. Halaman dimuat ulang "
                + "otomatis dalam " + retryAfter + " detik.</p></body></html>");
        out.flush();
    }

    /** Requests that answer from read models: the API under /api/v1, the pages of organisations and of users. */
    static boolean readsModels(String path) {
        if (path.startsWith("/api/v1/")) {
            return !UNWAITED.contains(path) && !path.startsWith("/api/v1/admin/");
        }
        return path.equals("/") || path.equals("/pilih") || path.startsWith("/org/")
                || path.startsWith("/kabupaten/") || path.equals("/admin/pengguna");
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** Sets the write's position header just before the answer is committed. */
    private final class PositionStamping extends HttpServletResponseWrapper {

        private boolean stamped;

        PositionStamping(HttpServletResponse response) {
            super(response);
        }

        void stamp() {
            if (stamped || isCommitted()) {
                return;
            }
            stamped = true;
            long appended = WritePosition.current();
            setHeader(HEADER, Long.toString(appended >= 0 ? appended : Math.max(0, log.knownHeadSequence())));
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            stamp();
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            stamp();
            return super.getWriter();
        }

        @Override
        public void flushBuffer() throws IOException {
            stamp();
            super.flushBuffer();
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            stamp();
            super.sendRedirect(location);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            stamp();
            super.sendError(sc, msg);
        }

        @Override
        public void sendError(int sc) throws IOException {
            stamp();
            super.sendError(sc);
        }
    }
}

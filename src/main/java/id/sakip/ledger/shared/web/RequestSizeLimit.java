package id.sakip.ledger.shared.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over their limit early: 10 MB for imports, 64 KB for anything else. A
 * declared length over the limit is refused before reading; a body without one is cut off at it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestSizeLimit extends OncePerRequestFilter {

    public static final long COMMAND_LIMIT = 64 * 1024;
    public static final long IMPORT_LIMIT = 10 * 1024 * 1024;

    static long limitFor(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/api/v1/imports/") || request.getRequestURI().startsWith("/impor")
                ? IMPORT_LIMIT : COMMAND_LIMIT;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitFor(request);
        if (request.getContentLengthLong() > limit) {
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"urn:ledger:problem:payload-too-large\",\"title\":"
                    + "\"PAYLOAD_TOO_LARGE\",\"status\":413,\"code\":\"PAYLOAD_TOO_LARGE\",\"detail\":"
                    + "\"The request body is larger than " + limit + " bytes\"}");
            return;
        }
        chain.doFilter(new Bounded(request, limit), response);
    }

    /** A request whose body stream fails once more than the limit has been read. */
    static final class Bounded extends HttpServletRequestWrapper {
        private final long limit;

        Bounded(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                private void count(long n) {
                    read += n;
                    if (read > limit) {
                        throw new RequestTooLarge(limit);
                    }
                }

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0) {
                        count(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = in.read(b, off, len);
                    if (n > 0) {
                        count(n);
                    }
                    return n;
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}

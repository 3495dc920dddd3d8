package id.sakip.ledger.shared.web;

import java.io.IOException;
import java.util.Enumeration;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before security and the controllers, a request whose headers the ledger reads
 * ({@code Idempotency-Key}, {@code X-Correlation-Id}) hold anything but printable ASCII, or whose
 * other headers hold control characters, with 400 problem+json {@code INVALID_HEADER}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class HeaderSafety extends OncePerRequestFilter {

    static final Set<String> READ_BY_THE_LEDGER = Set.of("idempotency-key", "x-correlation-id");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements(); ) {
            String name = names.nextElement();
            boolean read = READ_BY_THE_LEDGER.contains(name.toLowerCase(java.util.Locale.ROOT));
            for (Enumeration<String> values = request.getHeaders(name); values.hasMoreElements(); ) {
                if (!acceptable(values.nextElement(), read)) {
                    refuse(response, name);
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    static boolean acceptable(String value, boolean printableAsciiOnly) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0x7f || (c < 0x20 && c != '\t') || (printableAsciiOnly && (c > 0x7e || c == '\t'))) {
                return false;
            }
        }
        return true;
    }

    private static void refuse(HttpServletResponse response, String header) throws IOException {
        response.setStatus(400);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        String safeName = header.replaceAll("[^A-Za-z0-9-]", "?");
        response.getWriter().write("{\"type\":\"urn:ledger:problem:invalid-header\",\"title\":\"INVALID_HEADER\","
                + "\"status\":400,\"code\":\"INVALID_HEADER\",\"detail\":\"Header '" + safeName + "' may hold only "
                + "printable ASCII characters\",\"details\":{\"header\":\"" + safeName + "\"}}");
    }
}

package id.sakip.ledger.shared.web;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Requests that Tomcat refuses before the application sees them (a NUL in a header, {@code %00} in
 * the path) are answered with problem+json {@code MALFORMED_REQUEST} instead of Tomcat's HTML page, or
 * with a short Indonesian page when a browser asked for HTML.
 */
@Component
public class ContainerErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            var pipeline = context.getParent().getPipeline();
            for (Valve valve : pipeline.getValves()) {
                if (valve instanceof ErrorReportValve) {
                    pipeline.removeValve(valve);
                }
            }
            pipeline.addValve(new ProblemReportValve());
            if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    /** Tomcat's error report as problem+json, with no server details. */
    public static final class ProblemReportValve extends ErrorReportValve {

        public ProblemReportValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            try {
                if (PlainErrorPage.wanted(request.getRequestURI(), request.getHeader("Accept"))) {
                    response.setContentType("text/html");
                    response.setCharacterEncoding("UTF-8");
                    Writer page = response.getReporter();
                    if (page != null) {
                        page.write(PlainErrorPage.html(status, "Permintaan tidak dapat dibaca", "Alamat atau kepala "
                                + "permintaan ini berisi karakter yang tidak diizinkan. Tidak ada yang dicatat."));
                        response.finishResponse();
                    }
                    return;
                }
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                String code = status == 400 ? "MALFORMED_REQUEST" : "HTTP_" + status;
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write("{\"type\":\"urn:ledger:problem:" + code.toLowerCase().replace('_', '-')
                            + "\",\"title\":\"" + code + "\",\"status\":" + status + ",\"code\":\"" + code
                            + "\",\"detail\":\"The request could not be read: its address or headers hold characters "
                            + "that are not allowed\"}");
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client is gone; nothing more can be answered
            }
        }
    }
}

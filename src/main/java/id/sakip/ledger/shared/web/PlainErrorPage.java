package id.sakip.ledger.shared.web;

import java.time.Instant;

import org.springframework.web.util.HtmlUtils;

import id.sakip.ledger.shared.IndonesianFormat;

/**
 * A minimal Indonesian error page for refusals answered before Spring MVC (Tomcat, the firewall),
 * where no template can be rendered.
 */
public final class PlainErrorPage {

    private PlainErrorPage() {
    }

    /** Whether a request that may not have reached the application asks for HTML and is not an API call. */
    public static boolean wanted(String path, String accept) {
        return accept != null && accept.contains("text/html") && (path == null || !path.startsWith("/api/"));
    }

    public static String html(int status, String title, String text) {
        return "<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"UTF-8\"><meta name=\"viewport\" "
                + "content=\"width=device-width, initial-scale=1\"><title>" + HtmlUtils.htmlEscape(title)
                + " · Buku Besar SAKIP</title><link rel=\"stylesheet\" href=\"/css/ledger.css\"></head><body><main>"
                + "<div class=\"card\" id=\"error-page\" data-status=\"" + status + "\"><h1>" + HtmlUtils.htmlEscape(title)
                + "</h1><p id=\"error-explanation\">" + HtmlUtils.htmlEscape(text) + "</p><p class=\"muted\">Kode status "
                + status + " · waktu " + IndonesianFormat.time(Instant.now()) + "</p><p><a class=\"button\" href=\"/\">"
                + "Kembali ke beranda</a></p></div></main></body></html>";
    }
}

package id.sakip.ledger.web;

import org.junit.jupiter.api.AfterAll;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

import id.sakip.ledger.LedgerApiTest;

/**
 * Base of the tests that drive the pages in Chromium: each class opens one browser in its {@code @BeforeAll}
 * ({@link #openBrowser}), which is closed after the class; the classes are skipped where Chromium is missing.
 */
public abstract class BrowserTest extends LedgerApiTest {

    protected static ChromeDriver browser;

    @LocalServerPort
    protected int port;

    /** Opens this class's browser, a window {@code width} px wide. */
    protected static void openBrowser(int width) {
        browser = Chromium.start(width);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }
}

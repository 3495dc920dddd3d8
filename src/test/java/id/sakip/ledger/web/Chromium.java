package id.sakip.ledger.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium for the browser tests: whether it is installed, a started browser, signing in,
 * submitting a form and waiting for the next page, screenshots.
 */
public final class Chromium {

    private static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** Debian's chromium-l10n: without it Chromium has only en-US and writes dates as mm/dd/yyyy. */
    static final Path INDONESIAN = Path.of("/usr/lib/chromium/locales/id.pak");

    private Chromium() {
    }

    /** Whether Chromium and its driver are installed; says so when the browser tests are skipped. */
    public static boolean installed() {
        boolean installed = Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
        if (!installed) {
            System.out.println("Browser tests skipped: install Debian's chromium and chromium-driver (.ci/run does)");
        }
        return installed;
    }

    /**
     * A headless browser with a window of {@code width} × 900 px that waits up to 5 s for elements, set up
     * as an Indonesian office's: it asks for pages in {@code id-ID} and its own locale, which writes a date
     * field as dd/mm/yyyy, is Indonesian. On Linux Chromium takes that locale from {@code LANGUAGE} (and needs
     * chromium-l10n's id.pak); {@code --lang} is passed for other systems, and the accepted languages decide
     * {@code navigator.language}.
     */
    public static ChromeDriver start(int width) {
        if (!Files.exists(INDONESIAN)) {
            System.out.println("Chromium has no Indonesian locale (" + INDONESIAN + "): install Debian's "
                    + "chromium-l10n (.ci/run does); date fields are then written mm/dd/yyyy");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=" + width + ",900", "--lang=id-ID");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "id-ID,id"));
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .withEnvironment(Map.of("LANGUAGE", "id", "LANG", "id_ID.UTF-8")).build();
        ChromeDriver browser = new ChromeDriver(driver, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return browser;
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
    public static void screenshot(WebDriver browser, String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    /** Signs in through the login page on {@code baseUrl} (e.g. {@code http://localhost:8080}), with no old session. */
    public static void signIn(WebDriver browser, String baseUrl, String username, String password) {
        browser.manage().deleteAllCookies();
        browser.get(baseUrl + "/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        submit(browser, By.cssSelector("button[type=submit]"));
    }

    /** Clicks the element and waits, up to 30 s, until the page it was on has been replaced by the next. */
    public static void submit(WebDriver browser, By element) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(element).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> isGone(page));
    }

    /**
     * Whether the page the element belongs to has been replaced. While the next page loads, Chrome may answer
     * "Node with given id does not belong to the document" instead of a stale element.
     */
    private static boolean isGone(WebElement page) {
        try {
            page.isEnabled();
            return false;
        } catch (WebDriverException gone) {
            return true;
        }
    }
}

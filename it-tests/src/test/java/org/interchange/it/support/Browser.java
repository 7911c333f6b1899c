package org.interchange.it.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Function;

import org.interchange.it.support.sip.AgentPorts;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless browser a test drives like a person: Debian's chromium through Debian's chromedriver, by Selenium
 * WebDriver. Both are named by path, so Selenium Manager is never asked to find, or download, a driver or a browser;
 * the browser gets a fresh profile, talks to nothing but the pages it is sent to (no updates, sync, QUIC or
 * background requests), and chromedriver and its debugging port listen on ports of the agents' range. Each wait
 * is bounded ({@link #WAIT}); {@link #close()} ends the browser and its driver.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** How long a wait for the page lasts before it fails. */
    public static final Duration WAIT = Duration.ofSeconds(15);

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path screenshots;

    private Browser(ChromeDriverService service, ChromeDriver driver, Path screenshots) {
        this.service = service;
        this.driver = driver;
        this.screenshots = screenshots;
    }

    /** Whether Debian's chromium and chromedriver are installed ({@code .ci/install-tools} installs both). */
    public static boolean isInstalled() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /**
     * Starts chromedriver and a headless chromium with a fresh profile in {@code profile}; its screenshots go to
     * {@code screenshots}, chromedriver's log beside them.
     */
    public static Browser open(Path profile, Path screenshots) throws IOException {
        Files.createDirectories(screenshots);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingPort(AgentPorts.freeTcpPort())
                .withLogFile(screenshots.resolve("chromedriver.log").toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-extensions", "--window-size=1360,960",
                "--remote-debugging-port=" + AgentPorts.freeTcpPort(), "--user-data-dir=" + profile);
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
        return new Browser(service, driver, screenshots);
    }

    public WebDriver driver() {
        return driver;
    }

    /**
     * Waits, at most {@link #WAIT}, until {@code condition} gives something other than null or false. A condition
     * that meets an element the page has since replaced (a page refreshing itself) is tried again.
     */
    public <T> T await(String what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).withMessage(what).ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    /** Saves what the page shows now as {@code <name>.png} in the screenshots directory; returns the file. */
    public Path screenshot(String name) throws IOException {
        File taken = driver.getScreenshotAs(OutputType.FILE);
        Path file = screenshots.resolve(name + ".png");
        Files.copy(taken.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }
}

package org.interchange.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.interchange.it.support.Browser;
import org.interchange.it.support.Router;
import org.interchange.it.support.RouterDeployment;
import org.interchange.it.support.WorkDirectory;
import org.interchange.it.support.sip.SipAgent;
import org.interchange.it.support.sip.SipRequest;
import org.interchange.it.support.sip.Subscriber;
import org.interchange.it.support.sip.Transport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * An operator opens the admin console in a browser (headless chromium) and signs in with the admin credentials (a
 * wrong password is refused on the form, with no dialog of the browser's own). They add a subscriber and change its
 * password, with which the phone then registers; its binding shows on the location page with its listener, source
 * and user agent until the operator removes it there. They add a dialplan rule and try a translation, add an
 * address group row and find a source in it, see the listeners and the socket policy, trace a request by its Call-ID
 * and see it as a ladder diagram, and change a log level. This is what opensips-cp and Kamailio's
 * siremis do for OpenSIPS and Kamailio. Every page is kept as a screenshot in {@code target/interchange-it/console/}.
 *
 * <p>Skipped when Debian's chromium or chromedriver is missing ({@code .ci/install-tools} installs both).
 */
@ExtendWith(ArquillianExtension.class)
@EnabledIf(value = "browserIsInstalled",
        disabledReason = "chromium or chromedriver is not installed: .ci/install-tools installs them (Debian packages "
                + "chromium, chromium-driver)")
class ConsoleIT {

    private static final AtomicInteger USERS = new AtomicInteger();
    private static Path screenshots;

    @Deployment(testable = false)
    @TargetsContainer("web-console")
    static WebArchive router() {
        return RouterDeployment.war();
    }

    @ArquillianResource
    Router router;

    @TempDir
    Path profile;

    private Browser browser;
    private WebDriver page;

    static boolean browserIsInstalled() {
        return Browser.isInstalled();
    }

    @BeforeAll
    static void emptyTheScreenshots() throws IOException {
        screenshots = WorkDirectory.named("console");
    }

    @BeforeEach
    void openTheBrowser() throws IOException {
        browser = Browser.open(profile, screenshots);
        page = browser.driver();
    }

    @AfterEach
    void closeTheBrowser() {
        browser.close();
    }

    @Test
    void aWrongPasswordIsRefusedOnTheFormAndTheRightOneOpensTheDashboard() throws IOException {
        page.get(consoleUrl());
        signInWith("wrong-" + router.setting("admin.password"));
        WebElement refused = browser.await("the refusal",
                ExpectedConditions.visibilityOfElementLocated(By.id("login-message")));
        assertThat(refused.getText()).isEqualTo("Wrong user or password.");
        assertThat(page.findElement(By.id("shell")).isDisplayed()).isFalse();
        browser.screenshot("login-refused");
        Object anonymous = ((JavascriptExecutor) page).executeAsyncScript("const done = arguments[0];"
                + "fetch('../api/domains', {headers: {'X-Requested-With': 'XMLHttpRequest'}})"
                + ".then(r => done(r.status + ' ' + r.headers.get('WWW-Authenticate')), e => done(String(e)));");
        assertThat(anonymous).as("a 401 to the console, without the challenge that opens the browser's dialog")
                .isEqualTo("401 null");

        page.findElement(By.id("login-password")).clear();
        signInWith(router.setting("admin.password"));

        WebElement dashboard = browser.await("the dashboard", ExpectedConditions.visibilityOfElementLocated(
                By.id("page-dashboard")));
        String listener = router.admin().get("sockets").get("listeners").get(0).get("socket").asText();
        browser.await("the listeners", ExpectedConditions.textToBePresentInElement(dashboard, listener));
        browser.await("the recent errors", ExpectedConditions.or(
                ExpectedConditions.textToBePresentInElement(dashboard, "No warnings or errors"),
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#page-dashboard .level"))));
        browser.await("the version", ExpectedConditions.textToBePresentInElement(dashboard,
                router.admin().get("status").get("version").asText()));
        browser.await("the request rate", driver -> !dashboard.getText().contains("measuring"));
        assertThat(dashboard.getText()).containsIgnoringCase("Registered users")
                .containsIgnoringCase("Requests per second").containsIgnoringCase("Active transactions")
                .doesNotContain("HTTP 500");
        browser.screenshot("dashboard");
    }

    @Test
    void aSubscriberAddedInTheConsoleRegistersWithThePasswordChangedThereUntilItsBindingIsRemoved()
            throws IOException {
        signIn();
        Subscriber carol = new Subscriber("carol-" + USERS.incrementAndGet(), router.domain(), "console-secret");
        show("subscribers");
        submit("add-subscriber", Map.of("user", carol.user(), "domain", carol.domain(), "password", carol.password()));
        browser.await("the new subscriber", ExpectedConditions.textToBePresentInElementLocated(
                By.id("page-subscribers"), carol.aor()));
        browser.await("the Change password button", driver -> {
            rowWith(driver, carol.aor()).findElement(By.xpath(".//button[text()='Change password']")).click();
            return true;
        });
        Subscriber changed = new Subscriber(carol.user(), carol.domain(), "changed-in-the-console");
        submit("change-password", Map.of("password", changed.password()));
        browser.await("the change", ExpectedConditions.textToBePresentInElementLocated(By.id("page-subscribers"),
                "The password of " + carol.aor() + " is changed."));
        browser.screenshot("subscribers");

        try (SipAgent phone = router.agent(Transport.UDP, changed)) {
            assertThat(phone.register().status()).as("REGISTER with the password set in the console").isEqualTo(200);
            show("location");
            String row = browser.await("the binding", driver -> textOf(rowWith(driver, phone.contactUri())));
            assertThat(row).contains(carol.aor(), "interchange-it", "udp:127.0.0.1:" + phone.address().getPort(),
                    "udp:127.0.0.1:" + router.sipAddress(Transport.UDP).getPort());
            browser.screenshot("location");

            // the page refreshes itself every 5 s: the row is looked up again until the click lands
            browser.await("the Remove button", driver -> {
                rowWith(driver, phone.contactUri()).findElement(By.xpath(".//button[text()='Remove']")).click();
                return true;
            });
            browser.await("the confirmation", ExpectedConditions.alertIsPresent()).accept();
            browser.await("the binding gone", driver -> rowWith(driver, phone.contactUri()) == null);
            assertThat(router.admin().bindings(carol.aor())).isEmpty();
        }
    }

    @Test
    void aDialplanRuleAddedAndEditedInTheConsoleTranslatesANumber() throws IOException {
        signIn();
        show("dialplan");
        submit("dialplan-form", Map.of("dpid", "71", "match_op", "regex", "match_exp", "^0[1-9][0-9]+$",
                "subst_exp", "^0(.*)$", "repl_exp", "+49\\1", "attrs", "national"));
        browser.await("the new rule", ExpectedConditions.textToBePresentInElementLocated(By.id("page-dialplan"),
                "^0[1-9][0-9]+$"));

        submit("dialplan-test", Map.of("dpid", "71", "input", "0301234567"));
        WebElement output = browser.await("the translation", ExpectedConditions.visibilityOfElementLocated(
                By.id("translation-output")));
        assertThat(output.getText()).startsWith("0301234567 → +49301234567");

        browser.await("the Edit button", driver -> {
            rowWith(driver, "^0[1-9][0-9]+$").findElement(By.xpath(".//button[text()='Edit']")).click();
            return true;
        });
        submit("dialplan-form", Map.of("attrs", "national, edited"));
        browser.await("the edited rule", ExpectedConditions.textToBePresentInElementLocated(By.id("page-dialplan"),
                "national, edited"));
        page.findElement(By.xpath("//button[text()='Reload from database']")).click();
        browser.await("the reload", ExpectedConditions.textToBePresentInElementLocated(By.id("page-dialplan"),
                "Reloaded from the database: 1 sets, 1 rules"));
        browser.screenshot("dialplan");
        assertThat(router.admin().get("dialplan?dpid=71").get("rules")).singleElement()
                .satisfies(rule -> {
                    assertThat(rule.get("repl_exp").asText()).isEqualTo("+49\\1");
                    assertThat(rule.get("attrs").asText()).isEqualTo("national, edited");
                });
    }

    @Test
    void anAddressGroupRowAddedInTheConsoleMatchesItsSource() throws IOException {
        signIn();
        show("address");
        submit("address-form", Map.of("grp", "5", "ip", "192.0.2.16", "mask", "30", "context_info", "media gateways"));
        browser.await("the new row", ExpectedConditions.textToBePresentInElementLocated(By.id("page-address"),
                "192.0.2.16/30"));

        submit("address-test", Map.of("ip", "192.0.2.18"));
        browser.await("the match", ExpectedConditions.textToBePresentInElementLocated(By.id("page-address"),
                "group 5 (media gateways)"));
        browser.screenshot("address");
    }

    @Test
    void theSocketPolicyTracesAndLogLevelsPagesShowWhatTheRouterHas() throws IOException {
        signIn();
        show("sockets");
        JsonNode listeners = router.admin().get("sockets").get("listeners");
        for (JsonNode listener : listeners) {
            browser.await("listener " + listener, ExpectedConditions.textToBePresentInElementLocated(
                    By.id("page-sockets"), listener.get("socket").asText()));
        }
        browser.screenshot("sockets");

        show("traces");
        browser.await("no trace yet", ExpectedConditions.textToBePresentInElementLocated(By.id("page-traces"),
                "Nothing is traced"));
        try (SipAgent agent = router.agent(Transport.UDP)) {
            InetSocketAddress sip = router.sipAddress(Transport.UDP);
            SipRequest ping = agent.request("OPTIONS", "sip:" + sip.getAddress().getHostAddress() + ":" + sip.getPort());
            submit("start-trace", Map.of("match", "callid", "value", ping.callId()));
            browser.await("the running trace", ExpectedConditions.textToBePresentInElementLocated(
                    By.id("page-traces"), ping.callId()));
            assertThat(agent.send(ping).awaitFinalResponse().status()).isEqualTo(200);
            browser.await("the traced call", driver -> {
                driver.findElements(By.xpath("//button[text()='Refresh']")).forEach(WebElement::click);
                return !driver.findElements(By.linkText(ping.callId())).isEmpty();
            });
            page.findElement(By.linkText(ping.callId())).click();
            WebElement ladder = browser.await("the ladder diagram",
                    ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#page-traces svg.ladder")));
            browser.await("both messages", driver -> ladder.getText().contains("OPTIONS")
                    && ladder.getText().contains("200 (OPTIONS)"));
            browser.screenshot("traces");
            page.findElement(By.xpath("//button[text()='Stop']")).click();
            browser.await("the trace stopped", ExpectedConditions.textToBePresentInElementLocated(
                    By.id("page-traces"), "Nothing is traced"));
        }

        show("log-levels");
        submit("set-log-level", Map.of("logger", "org.interchange.dialplan", "level", "DEBUG"));
        browser.await("the changed level", driver -> driver.findElements(
                By.cssSelector("select[data-logger='org.interchange.dialplan']")).stream()
                .anyMatch(level -> "DEBUG".equals(new Select(level).getFirstSelectedOption().getText())));
        assertThat(router.admin().get("log-levels").path("loggers").path("org.interchange.dialplan").asText())
                .isEqualTo("DEBUG");
        router.admin().put("log-levels/org.interchange.dialplan", "{\"level\": \"INFO\"}");
        browser.screenshot("log-levels");
    }

    /** Fills a form of the page, typing into its inputs and choosing in its selects, and submits it. */
    private void submit(String formId, Map<String, String> values) {
        WebElement form = browser.await("form " + formId, ExpectedConditions.visibilityOfElementLocated(
                By.id(formId)));
        values.forEach((name, value) -> {
            WebElement field = form.findElement(By.name(name));
            if (field.getTagName().equals("select")) {
                new Select(field).selectByValue(value);
            } else {
                field.clear();
                field.sendKeys(value);
            }
        });
        form.submit();
    }

    private void signIn() {
        page.get(consoleUrl());
        signInWith(router.setting("admin.password"));
        browser.await("the dashboard", ExpectedConditions.visibilityOfElementLocated(By.id("page-dashboard")));
    }

    private void signInWith(String password) {
        browser.await("the sign-in form", ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
        WebElement user = page.findElement(By.id("login-user"));
        user.clear();
        user.sendKeys("admin");
        page.findElement(By.id("login-password")).sendKeys(password);
        page.findElement(By.id("login-submit")).click();
    }

    private void show(String name) {
        page.findElement(By.cssSelector(".sidebar a[data-page='" + name + "']")).click();
        browser.await("the " + name + " page", ExpectedConditions.visibilityOfElementLocated(By.id("page-" + name)));
    }

    private static WebElement rowWith(WebDriver driver, String text) {
        List<WebElement> rows = driver.findElements(By.cssSelector(".page tbody tr"));
        return rows.stream().filter(row -> row.getText().contains(text)).findFirst().orElse(null);
    }

    private static String textOf(WebElement element) {
        return element == null ? null : element.getText();
    }

    private String consoleUrl() {
        return "http://" + router.setting("admin.http") + "/interchange/console/";
    }
}

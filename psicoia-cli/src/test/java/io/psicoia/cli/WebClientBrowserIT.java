package io.psicoia.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web client in a real browser: headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, never a
 * download) driven by Selenium against {@code psicoia serve} from the built jar, in the offline mode.
 *
 * <p>Skipped when the browser is not installed, unless {@code -Dpsicoia.browser.required=true} (as {@code .ci/run}
 * sets): then it fails. Saves screenshots to {@code target/}; the one of a safety notice ({@code web-client.png}) also
 * to {@code docs/web-client.png} with {@code -Dpsicoia.screenshot.update=true}.
 */
class WebClientBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static final String FIRST = "Hola. Esta semana estuve muy ansiosa con el trabajo y casi no duermo.";
    private static final String SECOND =
            "Me cuesta cortar con el celular a la noche y después me quedo dando vueltas con todo lo pendiente.";
    private static final String HTML = "<img src=x onerror=\"document.title='roto'\"> <b>esto es texto</b>";
    private static final String WHILE_DOWN = "Escribo esto mientras se cortó la conexión. ¿Te llega?";
    private static final String HIGH_RISK = "ya no aguanto más, esta noche me quiero matar";
    private static final String AFTER = "Gracias. Ahora estoy con mi hermana.";

    private final List<Process> servers = new ArrayList<>();
    private WebDriver driver;
    private int serveRuns;

    @TempDir
    Path profile;

    /** Per test, not per class, so a skip is reported as a skipped test with its reason. */
    @BeforeEach
    void browserInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String missing = "faltan " + CHROMIUM + " o " + CHROMEDRIVER
                + " (instalalos con: apt-get install chromium chromium-driver)";
        if (!installed && Boolean.parseBoolean(System.getProperty("psicoia.browser.required", "false"))) {
            fail("La prueba del navegador es obligatoria (psicoia.browser.required=true) y " + missing);
        }
        assumeTrue(installed, "Prueba del navegador omitida: " + missing);
    }

    @AfterEach
    void stopEverything() {
        if (driver != null) {
            driver.quit();
        }
        servers.forEach(Process::destroyForcibly);
    }

    @Test
    void givenServe_whenAPersonChatsHitsTheLimitAndTheServerRestarts_thenThePageRecoversWithoutLosingAMessage()
            throws Exception {
        int appPort = JarProcess.freePort();
        int wsPort = JarProcess.freePort();
        Process server = startServe(appPort, wsPort);
        driver = startBrowser();
        WebDriverWait wait = new WebDriverWait(driver, PATIENCE, Duration.ofMillis(50));

        // The page loads under the gateway's CSP with no violation or error, and connects by itself.
        driver.get("http://127.0.0.1:" + wsPort + "/");
        wait.until(d -> "online".equals(status().getDomAttribute("data-state")));
        assertThat(text("estado-texto")).isEqualTo("Conectado");
        assertThat(js("return getComputedStyle(document.getElementById('ayuda-abrir')).backgroundColor"))
                .as("styles.css applied")
                .isEqualTo("rgb(179, 38, 30)");
        assertThat(severeBrowserLogs()).as("console errors and CSP violations").isEmpty();

        // A message gets a reply streamed into one bubble.
        js("window.pieces = [];"
                + "new MutationObserver(ms => ms.forEach(m => window.pieces.push(m.target.data.length)))"
                + ".observe(document.getElementById('mensajes'), {subtree: true, characterData: true});");
        type(FIRST + Keys.ENTER);
        awaitReplies(wait, 1);
        @SuppressWarnings("unchecked")
        List<Long> pieces = (List<Long>) js("return window.pieces");
        assertThat(pieces)
                .as("reply lengths as deltas arrived")
                .hasSizeGreaterThan(3)
                .isSorted();
        assertThat(driver.findElements(By.cssSelector(".msg-bot"))).hasSize(1);
        assertThat(driver.findElement(By.cssSelector(".msg-bot time")).getText())
                .matches("\\d{2}:\\d{2}");
        assertThat(driver.findElement(By.cssSelector(".msg-bot .text")).getText())
                .isNotBlank();

        // A second exchange, then a screenshot of a plain conversation (the README's shows a safety notice).
        type(SECOND);
        driver.findElement(By.id("enviar")).click();
        awaitReplies(wait, 2);
        screenshot("web-client-chat.png", false);

        // Text with HTML is shown as text, never interpreted.
        type(HTML + Keys.ENTER);
        awaitReplies(wait, 3);
        List<WebElement> userTexts = driver.findElements(By.cssSelector(".msg-user .text"));
        assertThat(userTexts.get(2).getText()).isEqualTo(HTML);
        assertThat(driver.findElements(By.cssSelector("#mensajes img, #mensajes b")))
                .isEmpty();
        assertThat(driver.getTitle()).startsWith("PsicoIA");

        // The fourth message in the minute is refused by the rate limit: a live countdown, and the message waits.
        driver.findElement(By.xpath("//button[contains(@class,'chip') and text()='Estrés']"))
                .click();
        wait.until(
                d -> status().isDisplayed() && d.findElement(By.id("aviso")).getDomAttribute("data-seconds") != null);
        int before = Integer.parseInt(driver.findElement(By.id("aviso")).getDomAttribute("data-seconds"));
        // The countdown may tick between the two reads: the text shows the same second or the next one.
        java.util.regex.Matcher shown =
                java.util.regex.Pattern.compile("(\\d+) s").matcher(text("aviso"));
        assertThat(text("aviso")).startsWith("Tranca");
        assertThat(shown.find()).isTrue();
        assertThat(Integer.parseInt(shown.group(1))).isBetween(before - 1, before);
        assertThat(before).isBetween(30, 60);
        wait.until(d -> {
            String now = d.findElement(By.id("aviso")).getDomAttribute("data-seconds");
            return now != null && Integer.parseInt(now) <= before - 2;
        });
        assertThat(lastUserBubble().getDomAttribute("data-state")).isEqualTo("pending");
        assertThat(lastUserBubble().findElement(By.className("note")).getText()).startsWith("En espera");
        assertThat(severeBrowserLogs()).as("console errors").isEmpty();

        // The server goes away: the page says so and keeps trying; a message typed meanwhile is kept.
        server.destroy();
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        wait.until(d -> "offline".equals(status().getDomAttribute("data-state")));
        assertThat(text("estado-texto")).matches("Sin conexión\\. Reintento en \\d+ s…");
        assertThat(driver.findElement(By.id("reintentar")).isDisplayed()).isTrue();
        type(WHILE_DOWN + Keys.ENTER);
        assertThat(lastUserBubble().findElement(By.className("note")).getText())
                .isEqualTo("Guardado: se envía cuando vuelva la conexión.");
        assertThat((String) js("return localStorage.getItem('psicoia.pendientes')"))
                .contains(WHILE_DOWN)
                .contains("Tengo mucho estrés");

        // The server is back on the same ports: the page reconnects by itself and delivers both kept messages once.
        startServe(appPort, wsPort);
        wait.withTimeout(Duration.ofSeconds(90)).until(d -> "online".equals(status().getDomAttribute("data-state")));
        awaitReplies(new WebDriverWait(driver, Duration.ofSeconds(60), Duration.ofMillis(100)), 5);
        List<WebElement> kept = driver.findElements(
                By.xpath("//li[contains(@class,'msg-user')][p[@class='text' and text()=\"" + WHILE_DOWN + "\"]]"));
        assertThat(kept).hasSize(1);
        String keptId = kept.get(0).getDomAttribute("data-id");
        assertThat(kept.get(0).getDomAttribute("data-state")).isEqualTo("delivered");
        assertThat(driver.findElements(By.cssSelector(".msg-bot[data-reply-to='" + keptId + "']")))
                .hasSize(1)
                .allSatisfy(
                        reply -> assertThat(reply.getDomAttribute("data-state")).isEqualTo("done"));
        Thread.sleep(1500); // nothing more may arrive for it
        assertThat(driver.findElements(By.cssSelector(".msg-bot"))).hasSize(5);
        assertThat(driver.findElements(By.cssSelector(".msg-user"))).hasSize(5);
        assertThat(js("return localStorage.getItem('psicoia.pendientes')")).isNull();
    }

    @Test
    void givenServe_whenAMessageShowsHighRisk_thenASafetyCardWithTheLinesComesBeforeTheReplyAndStaysReachable()
            throws Exception {
        int wsPort = JarProcess.freePort();
        startServe(JarProcess.freePort(), wsPort);
        driver = startBrowser();
        WebDriverWait wait = new WebDriverWait(driver, PATIENCE, Duration.ofMillis(50));
        driver.get("http://127.0.0.1:" + wsPort + "/");
        wait.until(d -> "online".equals(status().getDomAttribute("data-state")));
        assertThat(driver.findElement(By.id("lineas")).isDisplayed()).isFalse();

        // The notice: a card in the conversation, between the message and its reply, with tel: links.
        type(HIGH_RISK + Keys.ENTER);
        awaitReplies(wait, 1);
        WebElement card = driver.findElement(By.cssSelector("#mensajes .safety-card"));
        assertThat(card.getDomAttribute("data-level")).isIn("high", "imminent");
        @SuppressWarnings("unchecked")
        List<String> around = (List<String>) js("const c = document.querySelector('#mensajes .safety-card');"
                + "return [c.previousElementSibling.className, c.nextElementSibling.className];");
        assertThat(around)
                .as("the card sits between the message and its reply")
                .containsExactly("msg msg-user", "msg msg-bot");
        assertThat(card.getText())
                .contains("Lo que me contás me preocupa mucho")
                .contains("0800-999-0091");
        List<String> tels = card.findElements(By.cssSelector("a[href^='tel:']")).stream()
                .map(a -> a.getDomAttribute("href"))
                .collect(Collectors.toList());
        assertThat(tels).contains("tel:08009990091", "tel:911").allMatch(href -> href.matches("tel:[0-9*+]+"));
        // High risk is announced at once (an alert), not only after the reply.
        wait.until(d -> ((String) js("return document.getElementById('anuncio-urgente').textContent"))
                .contains("0800-999-0091"));
        assertThat(driver.findElement(By.id("anuncio-urgente")).getDomAttribute("role"))
                .isEqualTo("alert");
        // The latest lines stay above the composer, never over it.
        WebElement strip = driver.findElement(By.id("lineas"));
        assertThat(strip.isDisplayed()).isTrue();
        assertThat(strip.getText()).contains("0800-999-0091").contains("911");
        assertThat(strip.getRect().getY() + strip.getRect().getHeight())
                .isLessThanOrEqualTo(
                        driver.findElement(By.id("composer")).getRect().getY());
        js("document.querySelector('#mensajes .safety-card').scrollIntoView({block: 'start'});");
        screenshot("web-client.png", true);

        // The card's /respirar button sends the tool: the breathing text is the next reply.
        card.findElement(By.cssSelector("button[data-comando='/respirar']")).click();
        awaitReplies(wait, 2);
        assertThat(lastBotBubble().getText()).contains("Vamos a respirar juntos");
        assertThat(driver.findElements(By.cssSelector(".msg-user .text")).get(1).getText())
                .isEqualTo("/respirar");

        // Later messages: the strip is still there.
        type(AFTER + Keys.ENTER);
        awaitReplies(wait, 3);
        assertThat(driver.findElement(By.id("lineas")).isDisplayed()).isTrue();
        assertThat(text("lineas")).contains("0800-999-0091");
        assertThat(severeBrowserLogs()).as("console errors and CSP violations").isEmpty();
    }

    // --- the server ------------------------------------------------------------------------------------------------

    private Process startServe(int appPort, int wsPort) throws Exception {
        Path log = Path.of("target", "web-client-it-serve-" + (++serveRuns) + ".log");
        for (int attempt = 1; ; attempt++) {
            ProcessBuilder builder = JarProcess.builder(
                            "serve",
                            "--host",
                            "127.0.0.1",
                            "--port",
                            String.valueOf(appPort),
                            "--ws-host",
                            "127.0.0.1",
                            "--ws-port",
                            String.valueOf(wsPort),
                            "--rate-max-messages",
                            "3",
                            "--rate-window-seconds",
                            "60")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Process process = builder.start();
            servers.add(process);
            if (awaitPage(process, wsPort)) {
                return process;
            }
            // Exit 3: a port of the previous run not yet free; try again shortly.
            if (attempt == 5 || process.exitValue() != 3) {
                throw new AssertionError(
                        "psicoia serve did not start (exit " + process.exitValue() + "):\n" + Files.readString(log));
            }
            Thread.sleep(1000);
        }
    }

    /** True once the page is served; false if the process ended first. */
    private static boolean awaitPage(Process process, int wsPort) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + wsPort + "/"))
                .timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return false;
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("psicoia serve did not serve the page within 60 s");
    }

    // --- the browser -----------------------------------------------------------------------------------------------

    private WebDriver startBrowser() {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile.toAbsolutePath(),
                "--window-size=1000,900",
                "--lang=es-AR",
                "--force-prefers-color-scheme=light");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "es-AR,es"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        return new ChromeDriver(service, options);
    }

    private List<String> severeBrowserLogs() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .collect(Collectors.toList());
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private WebElement status() {
        return driver.findElement(By.id("estado"));
    }

    private String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    private void type(CharSequence text) {
        WebElement input = driver.findElement(By.id("entrada"));
        input.sendKeys(text);
    }

    private WebElement lastUserBubble() {
        List<WebElement> bubbles = driver.findElements(By.cssSelector(".msg-user"));
        return bubbles.get(bubbles.size() - 1);
    }

    private WebElement lastBotBubble() {
        List<WebElement> bubbles = driver.findElements(By.cssSelector(".msg-bot"));
        return bubbles.get(bubbles.size() - 1);
    }

    private static void awaitReplies(WebDriverWait wait, int count) {
        wait.until(d ->
                d.findElements(By.cssSelector(".msg-bot[data-state='done']")).size() >= count);
    }

    /** Saves a screenshot to {@code target/name}, and to {@code docs/name} when asked to update the README's. */
    private void screenshot(String name, boolean forReadme) throws IOException {
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, Path.of("target", name), StandardCopyOption.REPLACE_EXISTING);
        if (forReadme && Boolean.parseBoolean(System.getProperty("psicoia.screenshot.update", "false"))) {
            Files.copy(shot, Path.of("..", "docs", name), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}

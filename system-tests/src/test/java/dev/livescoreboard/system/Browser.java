package dev.livescoreboard.system;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A headless Chromium driven through chromedriver: Debian's {@code chromium} and {@code
 * chromium-driver} packages (what {@code .ci/run} installs), never a downloaded browser. What the
 * page meets is set from outside, never through anything the page could be told: media features
 * through the Chrome DevTools Protocol, a hostile network through a {@link BlockingProxy}, a
 * foreign host name through the browser's resolver rules.
 */
final class Browser implements AutoCloseable {

  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static final List<Path> BROWSERS =
      List.of(Path.of("/usr/lib/chromium/chromium"), Path.of("/usr/bin/chromium"));
  private static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  final ChromeDriver driver;

  private Browser(ChromeDriver driver) {
    this.driver = driver;
  }

  /**
   * Starts a fresh browser (own profile, so no test sees another's storage), or skips the calling
   * test with a visible message when Chromium or its driver is not installed.
   */
  static Browser start() {
    return start(List.of());
  }

  /** A browser whose every request goes through {@code proxy}, loopback ones included. */
  static Browser startBehind(BlockingProxy proxy) {
    return start(List.of("--proxy-server=" + proxy.address(), "--proxy-bypass-list=<-loopback>"));
  }

  /**
   * A browser that finds {@code hostName} at 127.0.0.1, as if a DNS name pointed at this machine: a
   * page loaded through it has an origin of its own, one the stack's allow list does not name.
   */
  static Browser startResolving(String hostName) {
    return start(List.of("--host-resolver-rules=MAP " + hostName + " 127.0.0.1"));
  }

  private static Browser start(List<String> extraArguments) {
    Path binary = BROWSERS.stream().filter(Files::isExecutable).findFirst().orElse(null);
    if (binary == null || !Files.isExecutable(DRIVER)) {
      String message =
          "SKIPPED browser test: Chromium or chromedriver is missing"
              + " (install with: apt-get install -y chromium chromium-driver)";
      System.err.println("[system-tests] " + message);
      Assumptions.abort(message);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(binary.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox", // CI runs as root, where Chromium's sandbox cannot start
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1200,900",
        "--no-first-run",
        "--disable-extensions",
        "--disable-background-networking");
    options.addArguments(extraArguments);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    logs.enable(LogType.PERFORMANCE, Level.ALL); // the DevTools network events, see requests()
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    return new Browser(driver);
  }

  /** The system asks for reduced motion, as the operating system's accessibility setting would. */
  void preferReducedMotion() {
    emulateMedia("prefers-reduced-motion", "reduce");
  }

  /** The system's colour scheme, {@code light} or {@code dark}; pages follow it at once. */
  void preferColorScheme(String scheme) {
    emulateMedia("prefers-color-scheme", scheme);
  }

  private void emulateMedia(String feature, String value) {
    driver.executeCdpCommand(
        "Emulation.setEmulatedMedia",
        Map.of("features", List.of(Map.of("name", feature, "value", value))));
  }

  /**
   * Runs {@code script} in every page this browser loads from now on, before the page's own
   * scripts: a test's observer that must not miss what a page does first. Added through DevTools,
   * so the page's Content-Security-Policy (no inline script) does not apply to it.
   */
  void beforeEveryPage(String script) {
    driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", script));
  }

  void open(String url) {
    driver.get(url);
  }

  Object script(String script, Object... args) {
    return driver.executeScript(script, args);
  }

  /** Console errors so far (CSP violations and failed loads are reported there). */
  List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  /**
   * What the pages sent since the last call, as DevTools reported it: every request's and
   * WebSocket's URL, and each WebSocket handshake's {@code Sec-WebSocket-Protocol}.
   */
  record Requests(List<String> urls, List<String> webSocketProtocols) {}

  Requests requests() {
    List<String> urls = new ArrayList<>();
    List<String> protocols = new ArrayList<>();
    for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE).getAll()) {
      JsonNode event = JSON.readTree(entry.getMessage()).path("message");
      JsonNode params = event.path("params");
      switch (event.path("method").asString()) {
        case "Network.requestWillBeSent" -> urls.add(params.path("request").path("url").asString());
        case "Network.webSocketCreated" -> urls.add(params.path("url").asString());
        case "Network.webSocketWillSendHandshakeRequest" ->
            params.path("request").path("headers").properties().stream()
                .filter(h -> h.getKey().equalsIgnoreCase("Sec-WebSocket-Protocol"))
                .forEach(h -> protocols.add(h.getValue().asString()));
        default -> {
          // Other DevTools events say nothing about what was sent.
        }
      }
    }
    return new Requests(urls, protocols);
  }

  /** Saves what the browser shows as {@code target/browser-screenshots/<name>.png}. */
  Path screenshot(String name) {
    File shot = driver.getScreenshotAs(OutputType.FILE);
    try {
      Files.createDirectories(SCREENSHOTS);
      return Files.move(
          shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}

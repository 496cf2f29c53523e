package io.vodkit.emulator.internal.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.emulator.media.FfmpegTools;
import io.vodkit.emulator.media.TestMedia;
import io.vodkit.emulator.support.TestEmulator;
import io.vodkit.emulator.support.VodTestClient;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console as a person uses it, in headless Chromium: upload a generated clip through the file input, see its
 * card with a poster, play it, edit its title, restore it, compare before and after, delete it. Screenshots of each
 * page go to {@code target/console-screenshots/}. Skips without Chromium and its driver, or without ffmpeg.
 */
class ConsoleBrowserTest {
    private static final Path CHROMIUM =
            Path.of(System.getenv().getOrDefault("VODKIT_TEST_CHROMIUM", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER =
            Path.of(System.getenv().getOrDefault("VODKIT_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    @TempDir
    Path dataDir;

    @TempDir
    Path work;

    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM);
        assumeTrue(Files.isExecutable(CHROMEDRIVER), "no chromedriver at " + CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--disable-dev-shm-usage",
                        "--autoplay-policy=no-user-gesture-required",
                        "--window-size=1280,1000",
                        "--user-data-dir=" + Files.createDirectories(work.resolve("chromium-profile")));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void uploadPlayEditRestoreCompareDelete() throws Exception {
        FfmpegTools tools = TestMedia.toolsOrSkip();
        Path clip = TestMedia.clip(tools, work.resolve("beach-walk.mp4"), 320, 240, 2);
        try (TestEmulator env = TestEmulator.start(dataDir)) {
            String consoleUrl = env.emulator().consoleUrl().toString();
            driver.get(consoleUrl);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("file-input")));
            assertThat(driver.getCurrentUrl())
                    .as("the token leaves the address bar")
                    .doesNotContain("token=");
            screenshot("01-library-empty");

            // upload through the file input: the card appears with its poster
            driver.findElement(By.id("file-input"))
                    .sendKeys(clip.toAbsolutePath().toString());
            WebElement card =
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".card[data-vid]")));
            String vid = card.getAttribute("data-vid");
            wait.until(d -> (Boolean) js("const img = document.querySelector('.card[data-vid] .poster img');"
                    + "return !!img && img.complete && img.naturalWidth > 0;"));
            assertThat(card.getText())
                    .contains("beach-walk")
                    .contains("320×240")
                    .contains("0:02");
            screenshot("02-library-uploaded");

            // search and filter by keyboard
            WebElement search = driver.findElement(By.id("search"));
            search.sendKeys("no such title");
            wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".card"), 0));
            search.sendKeys(Keys.chord(Keys.CONTROL, "a"), "beach");
            wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".card"), 1));

            // the media page plays the clip on its signed URL
            driver.findElement(By.cssSelector(".card[data-vid='" + vid + "']")).sendKeys(Keys.ENTER); // by keyboard
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("player")));
            js("const v = document.getElementById('player'); v.muted = true; v.play();");
            wait.until(d -> ((Number) js("return document.getElementById('player').currentTime;")).doubleValue() > 0);
            screenshot("03-media-playing");
            driver.manage().window().setSize(new Dimension(390, 900));
            wait.until(d -> (Boolean) js("return document.documentElement.scrollWidth <= window.innerWidth;"));
            screenshot("03b-media-narrow");
            driver.manage().window().setSize(new Dimension(1280, 1000));

            // edit the title; the service has it
            WebElement title = driver.findElement(By.id("title"));
            title.clear();
            title.sendKeys("Beach walk at dusk");
            driver.findElement(By.id("tags")).sendKeys("beach, dusk");
            driver.findElement(By.id("save")).click();
            wait.until(ExpectedConditions.textToBe(By.id("save-state"), "Saved"));
            JsonNode basic = env.client()
                    .get("GetMediaInfos", "2023-01-01", Map.of("Vids", vid))
                    .result()
                    .path("MediaInfoList")
                    .get(0)
                    .path("BasicInfo");
            assertThat(basic.path("Title").asText())
                    .as("the OpenAPI sees the edit")
                    .isEqualTo("Beach walk at dusk");
            assertThat(basic.path("Tags").toString()).isEqualTo("[\"beach\",\"dusk\"]");

            // start a restoration and see it finish
            new Select(driver.findElement(By.id("template"))).selectByValue("common");
            new Select(driver.findElement(By.id("tier"))).selectByValue("standard");
            new Select(driver.findElement(By.id("res"))).selectByValue("480p");
            driver.findElement(By.id("restore")).click();
            new WebDriverWait(driver, Duration.ofSeconds(180))
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#restorations .compare-link")));
            assertThat(driver.findElement(By.id("restorations")).getText())
                    .contains("Success")
                    .contains("480p");
            screenshot("04-media-restored");

            // the jobs page shows it with its parameters
            driver.get(consoleUrl.substring(0, consoleUrl.indexOf('?')) + "#/jobs");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#jobs-restorations tr[data-run]")));
            assertThat(driver.findElement(By.id("jobs-restorations")).getText())
                    .contains("common", "standard", "Success", vid);
            screenshot("05-jobs");

            // before / after: both play together, the split follows a drag
            driver.findElement(By.cssSelector("#jobs-restorations .compare-link"))
                    .click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("split-view")));
            wait.until(d -> (Boolean)
                    js("return ['before','after'].every(id => document.getElementById(id)" + ".readyState >= 2);"));
            driver.findElement(By.id("play-both")).click();
            wait.until(d -> (Boolean) js("return document.getElementById('before').currentTime > 0"
                    + " && document.getElementById('after').currentTime > 0;"));
            driver.findElement(By.id("play-both")).click();
            WebElement stage = driver.findElement(By.id("split-view"));
            new Actions(driver)
                    .moveToElement(stage, -stage.getSize().getWidth() / 4, 0)
                    .clickAndHold()
                    .moveByOffset(stage.getSize().getWidth() / 2, 0)
                    .release()
                    .perform();
            int split = Integer.parseInt(driver.findElement(By.id("split")).getAttribute("value"));
            assertThat(split).as("dragged to the right of the middle").isGreaterThan(60);
            // the measures `vodkit compare` reports, taken by the emulator, and what the restoration did
            new WebDriverWait(driver, Duration.ofSeconds(120))
                    .until(ExpectedConditions.presenceOfElementLocated(
                            By.cssSelector("#measures tr[data-measure='noise']")));
            String measures = driver.findElement(By.id("measures")).getText();
            assertThat(measures).contains("blockiness", "noise", "blur", "banding", "flicker", "lower is better");
            assertThat(driver.findElement(By.id("fidelity")).getText())
                    .contains("PSNR", "SSIM", "dB", "higher is better", "AFTER 640x480 scaled to BEFORE's 320x240");
            assertThat(driver.findElement(By.id("report")).getText()).isNotBlank();
            js("document.getElementById('measures-heading').scrollIntoView();");
            screenshot("06-before-after");
            driver.manage().window().setSize(new Dimension(420, 900));
            assertThat((Boolean) js("return document.documentElement.scrollWidth <= window.innerWidth + 1;"))
                    .as("the measures fit a narrow window (their tables scroll inside it)")
                    .isTrue();
            screenshot("06b-before-after-narrow");
            driver.manage().window().setSize(new Dimension(1280, 1000));
            driver.findElement(By.id("split")).sendKeys(Keys.HOME);
            assertThat(driver.findElement(By.id("split")).getAttribute("value"))
                    .as("by keyboard")
                    .isEqualTo("0");
            assertThat((String) js("return document.querySelector('#split-view .after').style.clipPath;"))
                    .isEqualTo("inset(0px 0px 0px 0%)");
            driver.findElement(By.id("split")).sendKeys(Keys.END);

            // delete it from its page
            driver.get(consoleUrl.substring(0, consoleUrl.indexOf('?')) + "#/media/" + vid);
            wait.until(ExpectedConditions.elementToBeClickable(By.id("delete"))).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.id("delete-confirm")))
                    .click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("cards")));
            wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".card"), 0));
            screenshot("07-library-after-delete");
            assertThat(apiStatus(env, "/console/api/media/" + vid)).isEqualTo(404);
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aFileOf20MiBOrMoreGoesUpInPartsWithProgress() throws Exception {
        byte[] bytes = new byte[21 * 1024 * 1024 + 123];
        new Random(11).nextBytes(bytes);
        Path big = Files.write(work.resolve("big-take.mp4"), bytes);
        try (TestEmulator env = TestEmulator.start(dataDir)) {
            driver.get(env.emulator().consoleUrl().toString());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("file-input")))
                    .sendKeys(big.toAbsolutePath().toString());
            String vid = new WebDriverWait(driver, Duration.ofSeconds(90))
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".card[data-vid]")))
                    .getAttribute("data-vid");
            assertThat(driver.findElement(By.id("uploads")).getText()).contains("big-take.mp4", "done", vid);
            assertThat(((Number) js("return document.querySelector('#uploads progress').value;")).longValue())
                    .isEqualTo(bytes.length);
            screenshot("08-library-large-upload");
            String media = apiGet(env, "/console/api/media/" + vid);
            assertThat(media).contains("\"sizeBytes\":" + bytes.length);
            // the console's own API is not counted: init, three 8 MiB parts and the merge are
            assertThat(env.client()
                            .send("GET", "/_vodkit/stats", Map.of(), new byte[0])
                            .json()
                            .path("requests")
                            .asLong())
                    .as("sent as parts, then merged")
                    .isEqualTo(5);
        }
    }

    @Test
    void withoutTheTokenTheBrowserSeesOnlyARefusal() throws Exception {
        try (TestEmulator env = TestEmulator.start(dataDir)) {
            driver.get(env.emulator().endpoint() + "/console/");
            assertThat(driver.findElement(By.tagName("body")).getText())
                    .contains("vodkit console")
                    .doesNotContain("Media library");
            screenshot("00-no-token");
        }
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** The console's JSON, fetched outside the browser with the browser's cookie. */
    private String apiGet(TestEmulator env, String path) {
        VodTestClient.Reply reply = env.client().send("GET", path, Map.of("Cookie", cookie()), new byte[0]);
        assertThat(reply.status()).isEqualTo(200);
        return reply.text();
    }

    private int apiStatus(TestEmulator env, String path) {
        return env.client()
                .send("GET", path, Map.of("Cookie", cookie()), new byte[0])
                .status();
    }

    private String cookie() {
        return List.copyOf(driver.manage().getCookies()).stream()
                .filter(c -> c.getName().startsWith("vodkit_console_"))
                .map(c -> c.getName() + "=" + c.getValue())
                .findFirst()
                .orElseThrow();
    }
}

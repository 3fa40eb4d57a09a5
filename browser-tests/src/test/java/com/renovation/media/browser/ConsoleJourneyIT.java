package com.renovation.media.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a person does in the console, in a real browser against the whole platform: sign in, make a session and a
 * room, upload photos through Uppy and watch them become ready without reloading, see a refused file's reason,
 * compare two photos, get an estimate's PDF, browse the catalog signed out, and erase the session.
 */
class ConsoleJourneyIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ChromeDriver browser;

    @BeforeAll
    static void platform() throws Exception {
        if (!Chromium.installed()) {
            String message = "Chromium and ChromeDriver are needed at " + Chromium.BROWSER + " and " + Chromium.DRIVER
                    + " (apt-get install chromium chromium-driver)";
            // a developer without them still gets every other test; CI must run these
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort(message);
        }
        Platform.start();
    }

    @AfterAll
    static void stop() {
        Platform.stop();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            // the refused file's confirm answers 422 on purpose; Chromium logs every 4xx response as an error
            List<String> errors = Chromium.errors(browser).stream()
                    .filter(e -> !(e.contains("/confirm") && e.contains("status of 422"))).toList();
            browser.quit();
            assertThat(errors).as("the browser console's errors").isEmpty();
        }
    }

    private WebElement el(String test) {
        return new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by(test)));
    }

    private static By by(String test) {
        return By.cssSelector("[data-test='" + test + "']");
    }

    private void waitFor(String what, java.util.function.Function<ChromeDriver, Boolean> condition) {
        new WebDriverWait(browser, WAIT).withMessage(what).until(driver -> condition.apply((ChromeDriver) driver));
    }

    private void signIn(String user) {
        browser.get(Platform.consoleUrl());
        el("sign-in-user").sendKeys(user);
        el("sign-in-submit").click();
        el("new-session-title");
    }

    @Test
    void aPersonRenovatingTheirKitchenUsesTheConsoleFromSignInToErasure() throws Exception {
        Path files = Files.createTempDirectory("console-files");
        Path before = TestFiles.photo(files, "kitchen-before.jpg", new Color(120, 90, 60), new Color(200, 180, 150));
        Path after = TestFiles.photo(files, "kitchen-after.jpg", new Color(30, 90, 140), new Color(230, 240, 250));
        Path fake = TestFiles.htmlNamedLikeAPhoto(files);
        browser = Chromium.start(1440, 1000);
        String user = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        signIn(user);

        // a session and a room
        String title = "Kitchen renovation " + user;
        el("new-session-title").sendKeys(title);
        el("create-session").click();
        waitFor("the new session in the list", d -> d.findElements(by("session-item")).stream()
                .anyMatch(e -> e.getText().contains(title)));
        browser.findElements(by("session-item")).stream().filter(e -> e.getText().contains(title)).findFirst()
                .orElseThrow().click();
        assertThat(el("session-title").getText()).contains(title);
        el("new-room-name").sendKeys("Kitchen");
        new Select(el("new-room-type")).selectByValue("kitchen");
        el("create-room").click();
        waitFor("the new room", d -> !d.findElements(by("room-item")).isEmpty());
        browser.findElements(by("room-item")).get(0).click();
        el("uploader");
        waitFor("the live channel", d -> "connected".equals(d.findElement(By.tagName("body")).getDomAttribute("data-live")));

        // two photos through Uppy's own file input; they turn ready without a reload
        ((JavascriptExecutor) browser).executeScript("window.notReloaded = true");
        upload(before, after);
        waitFor("two ready photos", d -> d.findElements(By.cssSelector("[data-test='asset-card'][data-status='ready']"))
                .size() == 2);
        assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded === true")).isEqualTo(true);
        waitFor("thumbnails drawn", d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return [...document.querySelectorAll(\"[data-test='asset-card'] picture img\")]"
                        + ".filter(i => i.complete && i.naturalWidth > 0).length === 2")));
        assertThat(browser.findElements(By.cssSelector("[data-test='asset-card'] picture source[type='image/webp']")))
                .hasSize(2);

        // a web page renamed .jpg is refused, and the person is told why
        upload(fake);
        waitFor("the refusal", d -> d.findElement(by("upload-errors")).getText().contains("holiday.jpg"));
        assertThat(el("upload-errors").getText()).contains("the file is HTML");
        assertThat(browser.findElements(by("asset-card"))).hasSize(2);

        // before/after
        List<String> ids = browser.findElements(by("asset-card")).stream().map(e -> e.getDomAttribute("data-asset-id"))
                .toList();
        new Select(el("comparison-before")).selectByValue(ids.get(0));
        new Select(el("comparison-after")).selectByValue(ids.get(1));
        el("create-comparison").click();
        WebElement slider = el("comparison-slider");
        String start = slider.getDomProperty("value");
        slider.sendKeys(Keys.ARROW_LEFT, Keys.ARROW_LEFT, Keys.ARROW_LEFT);
        assertThat(Integer.parseInt(slider.getDomProperty("value"))).isLessThan(Integer.parseInt(start));

        // an estimate, rendered to a PDF that downloads
        new Select(el("document-type")).selectByValue("estimate");
        requestEstimate();
        waitFor("the estimate ready", d -> d.findElements(By.cssSelector("[data-test='document-item'][data-status='ready']"))
                .size() == 1);
        String pdfUrl = el("document-download").getDomAttribute("href");
        HttpResponse<byte[]> pdf = HTTP.send(HttpRequest.newBuilder(URI.create(pdfUrl)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");

        // erasure, after a confirmation that names what goes
        browser.get(Platform.consoleUrl() + "#/sessions");
        browser.findElements(by("session-item")).stream().filter(e -> e.getText().contains(title)).findFirst()
                .orElseThrow().click();
        el("delete-session").click();
        assertThat(el("confirm-dialog").getText()).contains(title);
        el("confirm-accept").click();
        waitFor("the session gone", d -> d.findElements(by("session-item")).stream()
                .noneMatch(e -> e.getText().contains(title)));
    }

    @Test
    void theCatalogIsBrowsedWithoutSigningInAndFilteredByRoomType() throws Exception {
        browser = Chromium.start(375, 800);
        browser.get(Platform.consoleUrl() + "#/catalog");
        waitFor("styles", d -> !d.findElements(by("catalog-style")).isEmpty());
        waitFor("images", d -> !d.findElements(by("catalog-image")).isEmpty());
        Select roomType = new Select(el("catalog-room-type"));
        assertThat(roomType.getOptions()).hasSizeGreaterThan(1);
        roomType.selectByIndex(1);
        waitFor("filtered images", d -> !d.findElements(by("catalog-image")).isEmpty());
        // 375 px wide: nothing wider than the screen
        assertThat(((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
    }

    private void upload(Path... paths) {
        // the drop zone, or (while refused files wait for a retry) the list with its "Add more"
        waitFor("the uploader's file input", d -> {
            if (!d.findElements(By.cssSelector("[data-test='uploader'] input.uppy-Dashboard-input")).isEmpty()) {
                return true;
            }
            d.findElements(By.cssSelector("[data-test='uploader'] .uppy-DashboardContent-addMore")).forEach(WebElement::click);
            return false;
        });
        WebElement input = browser.findElement(By.cssSelector("[data-test='uploader'] input.uppy-Dashboard-input"));
        input.sendKeys(String.join("\n", java.util.Arrays.stream(paths).map(Path::toString).toList()));
        List<WebElement> start = browser.findElements(By.cssSelector("[data-test='uploader'] .uppy-StatusBar-actionBtn--upload"));
        if (!start.isEmpty()) {
            start.get(0).click();
        }
    }

    private void requestEstimate() {
        WebElement form = el("request-document").findElement(By.xpath("ancestor::form"));
        List<WebElement> descriptions = form.findElements(By.cssSelector("input[name='description']"));
        descriptions.get(0).sendKeys("Cabinets");
        form.findElements(By.cssSelector("input[name='quantity']")).get(0).sendKeys("2");
        form.findElements(By.cssSelector("input[name='unitPrice']")).get(0).sendKeys("1250.50");
        el("request-document").click();
    }
}

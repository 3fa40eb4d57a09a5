package com.renovation.media.browser;

import static com.renovation.media.browser.ConsolePage.by;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * What a person does in the console, in a real browser against the whole platform: sign in, make a session and a
 * room, upload photos through Uppy and watch them become ready without reloading, see a refused file's reason,
 * compare two photos, get an estimate's PDF, browse the catalog signed out, and erase the session.
 */
class ConsoleJourneyIT extends BrowserJourney {

    /** The refused file's confirm answers 422 on purpose; Chromium logs every 4xx response as an error. */
    @Override
    boolean expectedError(String error) {
        return error.contains("/confirm") && error.contains("status of 422");
    }

    @Test
    void aPersonRenovatingTheirKitchenUsesTheConsoleFromSignInToErasure() throws Exception {
        Path files = Files.createTempDirectory("console-files");
        Path before = TestFiles.photo(files, "kitchen-before.jpg", new Color(120, 90, 60), new Color(200, 180, 150));
        Path after = TestFiles.photo(files, "kitchen-after.jpg", new Color(30, 90, 140), new Color(230, 240, 250));
        Path fake = TestFiles.htmlNamedLikeAPhoto(files);
        page = new ConsolePage(Chromium.start(1440, 1000), Platform.consoleUrl());
        String user = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        page.signIn(user);

        // a session and a room
        String title = "Kitchen renovation " + user;
        page.createSession(title);
        page.openSession(title);
        assertThat(page.el("session-title").getText()).contains(title);
        page.createRoom("Kitchen", "kitchen");
        page.openRoom("Kitchen");

        // two photos through Uppy's own file input; they turn ready without a reload
        page.script("window.notReloaded = true");
        page.upload(before, after);
        page.waitFor("two ready photos", d -> page.cards("ready").size() == 2);
        assertThat(page.script("return window.notReloaded === true")).isEqualTo(true);
        page.waitFor("thumbnails drawn", d -> Boolean.TRUE.equals(page.script(
                "return [...document.querySelectorAll(\"[data-test='asset-card'] picture img\")]"
                        + ".filter(i => i.complete && i.naturalWidth > 0).length === 2")));
        assertThat(page.browser.findElements(By.cssSelector("[data-test='asset-card'] picture source[type='image/webp']")))
                .hasSize(2);
        assertThat(page.unlabelled()).as("controls without a name, images without alt text").isEmpty();

        // a web page renamed .jpg is refused, and the person is told why
        page.upload(fake);
        page.waitFor("the refusal", d -> d.findElement(by("upload-errors")).getText().contains("holiday.jpg"));
        assertThat(page.el("upload-errors").getText()).contains("the file is HTML");
        assertThat(page.browser.findElements(by("asset-card"))).hasSize(2);

        // before/after
        List<String> ids = page.browser.findElements(by("asset-card")).stream()
                .map(e -> e.getDomAttribute("data-asset-id")).toList();
        new Select(page.el("comparison-before")).selectByValue(ids.get(0));
        new Select(page.el("comparison-after")).selectByValue(ids.get(1));
        page.el("create-comparison").click();
        WebElement slider = page.el("comparison-slider");
        String start = slider.getDomProperty("value");
        slider.sendKeys(Keys.ARROW_LEFT, Keys.ARROW_LEFT, Keys.ARROW_LEFT);
        assertThat(Integer.parseInt(slider.getDomProperty("value"))).isLessThan(Integer.parseInt(start));

        // an estimate, rendered to a PDF that downloads
        page.requestEstimate("Cabinets", "2", "1250.50");
        page.waitFor("the estimate ready", d -> d.findElements(
                By.cssSelector("[data-test='document-item'][data-status='ready']")).size() == 1);
        String pdfUrl = page.el("document-download").getDomAttribute("href");
        HttpResponse<byte[]> pdf = HTTP.send(HttpRequest.newBuilder(URI.create(pdfUrl)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");

        // erasure, after a confirmation that names what goes
        page.open("#/sessions");
        page.openSession(title);
        page.el("delete-session").click();
        assertThat(page.el("confirm-dialog").getText()).contains(title);
        page.el("confirm-accept").click();
        page.waitFor("the session gone", d -> page.sessionItems(title).isEmpty());
    }

    @Test
    void theCatalogIsBrowsedWithoutSigningInAndFilteredByRoomType() throws Exception {
        page = new ConsolePage(Chromium.start(375, 800), Platform.consoleUrl());
        page.open("#/catalog");
        // a style with images (the platform's own tests leave empty ones behind in the same database)
        page.waitFor("a style with images", d -> d.findElements(by("catalog-style")).stream()
                .anyMatch(e -> e.getText().matches("(?s).*\\b[1-9]\\d* images?\\b.*")));
        page.browser.findElements(by("catalog-style")).stream()
                .filter(e -> e.getText().matches("(?s).*\\b[1-9]\\d* images?\\b.*")).findFirst().orElseThrow().click();
        page.waitFor("images", d -> !d.findElements(by("catalog-image")).isEmpty());
        Select roomType = new Select(page.el("catalog-room-type"));
        assertThat(roomType.getOptions()).hasSizeGreaterThan(1);
        roomType.selectByIndex(1);
        page.waitFor("filtered images", d -> !d.findElements(by("catalog-image")).isEmpty());
        assertThat(page.unlabelled()).as("controls without a name, images without alt text").isEmpty();
        // 375 px wide: nothing wider than the screen
        assertThat(page.script("return document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
    }
}

package com.renovation.media.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A room's floor plan from an SVG file: its thumbnail, a second version, an edit that lost to another editor
 * (refused, then made from the newest), a restored version, exports that download, and its deletion.
 */
class FloorPlanJourneyIT extends BrowserJourney {

    @Test
    void aFloorPlanKeepsItsVersionsRefusesALostUpdateAndExports() throws Exception {
        signInNewUser(1280);
        String session = "Plans " + user;
        page.createSession(session);
        page.openSession(session);
        page.createRoom("Living room", "living_room");
        page.openRoom("Living room");
        Path dir = Files.createTempDirectory("plans");

        page.el("artefact-add").click();
        page.el("artefact-title").sendKeys("Ground floor");
        page.el("artefact-file").sendKeys(TestFiles.floorPlan(dir, "v1.svg", "Living", "#f4efe6").toString());
        page.el("artefact-message").sendKeys("Measured on site");
        page.el("artefact-create").click();
        page.waitFor("the thumbnail", d -> thumbnailLoaded());
        assertThat(page.el("artefact-item").getText()).contains("Ground floor").contains("version 1")
                .contains("Measured on site").contains("saved by " + user);
        assertThat(page.unlabelled()).as("controls without a name, images without alt text").isEmpty();

        saveVersion(dir, "v2.svg", "#dff0e0", "Kitchen wall moved");
        page.waitFor("version 2", d -> "2".equals(item().getDomAttribute("data-version")));

        // another editor saves version 3 while this one prepares an edit of version 2
        page.el("artefact-new-version").click();
        ConsolePage other = new ConsolePage(Chromium.start(1280, 1000), Platform.consoleUrl());
        try {
            other.signIn(user);
            other.open("#/sessions");
            other.openSession(session);
            other.openRoom("Living room");
            other.el("artefact-new-version").click();
            other.el("artefact-new-file").sendKeys(TestFiles.floorPlan(dir, "other.svg", "Other", "#e0e6f5").toString());
            other.el("artefact-save").click();
            other.waitFor("version 3 saved", d -> "3".equals(d.findElement(ConsolePage.by("artefact-item"))
                    .getDomAttribute("data-version")));
        } finally {
            other.browser.quit();
        }
        page.el("artefact-new-file").sendKeys(TestFiles.floorPlan(dir, "mine.svg", "Mine", "#f5e0e0").toString());
        page.el("artefact-save").click();
        assertThat(page.el("artefact-save-error").getText()).contains("version 3");
        page.el("artefact-load-latest").click();
        page.waitFor("version 3 shown", d -> "3".equals(item().getDomAttribute("data-version")));
        saveVersion(dir, "mine-again.svg", "#f5e0e0", "Made from version 3");
        page.waitFor("version 4", d -> "4".equals(item().getDomAttribute("data-version")));

        // every version listed with its message; version 1 restored as version 5
        page.el("artefact-versions").click();
        page.waitFor("four versions", d -> page.texts("artefact-version").size() == 4);
        assertThat(page.texts("artefact-version")).anyMatch(t -> t.contains("Kitchen wall moved"))
                .anyMatch(t -> t.contains("Measured on site"));
        page.browser.findElements(By.cssSelector("[data-test='artefact-version'][data-version='1'] [data-test='artefact-restore']"))
                .get(0).click();
        page.confirm();
        page.waitFor("version 5", d -> "5".equals(item().getDomAttribute("data-version")));
        page.withText("artefact-version", "restored from version 1");
        page.waitFor("the thumbnail of version 5", d -> thumbnailLoaded());

        // a PNG 800 pixels wide and a PDF, made in the background, then downloaded
        page.el("artefact-export").click();
        new Select(page.el("export-format")).selectByValue("png");
        WebElement width = page.el("export-width");
        width.clear();
        width.sendKeys("800");
        page.el("export-submit").click();
        HttpResponse<byte[]> png = get(downloaded(".png"));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(600);
        new Select(page.el("export-format")).selectByValue("pdf");
        page.el("export-submit").click();
        assertThat(new String(get(downloaded(".pdf")).body(), 0, 5)).isEqualTo("%PDF-");

        page.el("artefact-delete").click();
        page.confirm();
        page.waitFor("the plan gone", d -> d.findElements(ConsolePage.by("artefact-item")).isEmpty());
    }

    /** The save that lost to the other editor is refused with 409, which the browser logs. */
    @Override
    boolean expectedError(String error) {
        return error.contains("/artefacts/") && error.contains("409");
    }

    private WebElement item() {
        return page.browser.findElement(ConsolePage.by("artefact-item"));
    }

    private boolean thumbnailLoaded() {
        return Boolean.TRUE.equals(page.script("const img = document.querySelector(\"[data-test='artefact-thumbnail']\");"
                + " return !!img && img.complete && img.naturalWidth === 400 && img.naturalHeight === 300;"));
    }

    /** Through the item's "New version" form (opened unless it is). */
    private void saveVersion(Path dir, String name, String fill, String message) throws Exception {
        if (page.browser.findElements(ConsolePage.by("artefact-save-form")).isEmpty()) {
            page.el("artefact-new-version").click();
        }
        page.el("artefact-new-file").sendKeys(TestFiles.floorPlan(dir, name, "Living", fill).toString());
        page.el("artefact-new-message").sendKeys(message);
        page.el("artefact-save").click();
    }

    /** The download link of the export once it is made (a new one replaces the last one's status). */
    private String downloaded(String extension) {
        page.waitFor("the " + extension + " export made", d -> d.findElements(ConsolePage.by("export-download"))
                .stream().anyMatch(link -> link.getDomAttribute("href").contains(extension)));
        return page.el("export-download").getDomAttribute("href");
    }
}

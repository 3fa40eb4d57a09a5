package com.renovation.media.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A site walk-through video through the console: it travels in parts (even below the size that sends other files
 * so), the card shows how far the web copy has come while it is made, then the poster, the playing time, and a
 * player whose MP4 the browser really plays (its metadata loads: duration and size, at most 720 lines).
 */
class VideoJourneyIT extends BrowserJourney {

    @Test
    void aWalkThroughVideoShowsItsProgressThenPlaysInTheLargeView() throws Exception {
        signInNewUser(1280);
        page.createSession("Walk " + user);
        page.openSession("Walk " + user);
        page.createRoom("Hall", "hallway");
        page.openRoom("Hall");
        Path video = TestFiles.walkThrough(Files.createTempDirectory("videos"), "walk-through.mp4", 12);

        // every percentage the card shows, from the start: the web copy may take only seconds to make
        page.script("""
                window.__progressSeen = [];
                new MutationObserver(() => document.querySelectorAll("[data-test='video-progress'] progress")
                    .forEach(bar => window.__progressSeen.push(Number(bar.value))))
                  .observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
                """);
        new Select(page.el("asset-type")).selectByValue("video");
        page.upload(video);

        page.waitFor("the video ready", d -> page.cards("ready").size() == 1);
        assertThat(page.browser.findElement(By.cssSelector("[data-test='upload-errors']")).getDomProperty(
                "textContent")).as("no file refused").isBlank();
        Object partPuts = page.script("return performance.getEntriesByType('resource')"
                + ".filter(e => e.name.includes('partNumber=') && e.name.includes('uploadId=')).length");
        assertThat(((Number) partPuts).intValue()).as("a video travels in parts, whatever its size").isEqualTo(1);
        @SuppressWarnings("unchecked")
        List<Number> seen = (List<Number>) page.script("return window.__progressSeen");
        assertThat(seen).as("the card showed the web copy's progress while it was made").isNotEmpty()
                .allSatisfy(percent -> assertThat(percent.intValue()).isBetween(0, 100));

        WebElement card = page.cards("ready").get(0);
        assertThat(card.getText()).as("its playing time").contains("0:12");
        WebElement open = card.findElement(By.cssSelector(".asset-card__open"));
        assertThat(open.getAttribute("aria-label")).startsWith("Play");
        assertThat(card.findElements(By.cssSelector(".asset-card__picture img"))).as("the poster frame").hasSize(1);
        page.press(open);

        page.waitFor("the player's metadata", d -> Boolean.TRUE.equals(page.script(
                "const v = document.querySelector(\"dialog[open] [data-test='video-player']\");"
                        + " return v != null && v.readyState >= 1 && v.duration > 0;")));
        @SuppressWarnings("unchecked")
        Map<String, Object> played = (Map<String, Object>) page.script(
                "const v = document.querySelector(\"dialog[open] [data-test='video-player']\");"
                        + " return {duration: v.duration, width: v.videoWidth, height: v.videoHeight,"
                        + " error: v.error && v.error.code};");
        assertThat(((Number) played.get("duration")).doubleValue()).isBetween(11.5, 12.5);
        assertThat(((Number) played.get("height")).intValue()).isBetween(1, 720);
        assertThat(played.get("error")).isNull();
    }
}

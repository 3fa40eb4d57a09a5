package com.renovation.media.browser;

import static com.renovation.media.browser.ConsolePage.by;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The workspace and the library: keeping images for good, favourites, titles and tags, and their filters. */
class LibraryJourneyIT extends BrowserJourney {

    @Test
    void aRoomPhotoSavedToTheLibraryIsFavouritedTaggedAndFoundByItsFilters() throws Exception {
        signInNewUser(1280);
        roomWithPhotos("oak-kitchen.jpg");
        page.saveToLibrary("oak-kitchen.jpg");
        page.saveToLibrary("oak-kitchen.jpg"); // saving again answers the same item

        page.browser.manage().window().setSize(new Dimension(375, 900));
        page.open("#/library");
        page.withText("library-item", "oak-kitchen.jpg");
        assertThat(page.browser.findElements(by("library-item"))).hasSize(1);
        page.waitFor("its thumbnail drawn", d -> Boolean.TRUE.equals(page.script(
                "const img = document.querySelector(\"[data-test='library-item'] picture img\");"
                        + "return !!img && img.complete && img.naturalWidth > 0;")));

        page.el("library-favourite").click();
        page.waitFor("a favourite", d -> "true".equals(page.el("library-favourite").getDomAttribute("aria-pressed")));
        page.el("library-edit").click();
        page.el("library-title-input").sendKeys("Oak kitchen");
        page.el("library-tags-input").sendKeys("Oak, Kitchen , oak");
        page.el("library-save").click();
        page.waitFor("the new title", d -> page.texts("library-title").equals(List.of("Oak kitchen")));
        assertThat(page.el("library-tags").findElements(By.className("chip")).stream().map(WebElement::getText))
                .containsExactly("oak", "kitchen");
        assertThat(page.unlabelled()).as("controls without a name, images without alt text").isEmpty();
        assertThat(page.fitsWidth()).as("nothing wider than 375 px").isTrue();

        // the filters are the API's: a tag nothing has, then the one it has, then favourites only
        filterByTag("tile");
        page.waitFor("no match", d -> d.findElements(by("library-item")).isEmpty()
                && d.findElement(By.cssSelector("library-view .empty")).getText().contains("matches"));
        filterByTag("oak");
        page.waitFor("the oak item", d -> page.texts("library-title").equals(List.of("Oak kitchen")));
        page.el("library-favourites").click();
        page.el("library-favourite").click(); // no longer a favourite
        page.waitFor("not a favourite", d -> "false".equals(page.el("library-favourite").getDomAttribute("aria-pressed")));
        page.browser.navigate().refresh();
        page.el("library-favourites").click();
        page.waitFor("no favourites", d -> d.findElements(by("library-item")).isEmpty()
                && !d.findElements(By.cssSelector("library-view .empty")).isEmpty());
    }

    @Test
    void aWorkspaceImageShowsWhenItExpiresAndIsKeptInTheLibrary() throws Exception {
        signInNewUser(1280);
        Path render = TestFiles.photo(Files.createTempDirectory("workspace"), "render-01.jpg",
                new Color(200, 120, 60), new Color(40, 60, 120));
        page.open("#/workspace");
        page.waitFor("the live channel", d -> "connected".equals(d.findElement(By.tagName("body")).getDomAttribute("data-live")));
        page.upload(render);
        page.waitFor("the image ready", d -> !d.findElements(
                By.cssSelector("[data-test='workspace-item'][data-status='ready']")).isEmpty());
        assertThat(page.el("workspace-expiry").getText()).matches("Expires in [67] days");
        assertThat(page.unlabelled()).as("controls without a name, images without alt text").isEmpty();

        page.el("workspace-keep").click();
        page.waitFor("kept", d -> page.el("workspace-expiry").getText().contains("Kept in your library"));
        // it no longer expires: the workspace lists it no more, the library has it
        page.browser.navigate().refresh();
        page.waitFor("the workspace empty", d -> d.findElements(by("workspace-item")).isEmpty()
                && !d.findElements(By.cssSelector("workspace-view .empty")).isEmpty());
        page.open("#/library");
        page.withText("library-item", "render-01.jpg");
    }

    private void filterByTag(String tag) {
        var field = page.el("library-tag");
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        field.sendKeys(tag, Keys.ENTER);
    }
}

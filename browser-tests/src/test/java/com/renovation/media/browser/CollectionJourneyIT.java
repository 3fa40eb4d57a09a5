package com.renovation.media.browser;

import static com.renovation.media.browser.ConsolePage.by;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;

/** Collections: filling one from the library, its order, its cover, and what people signed out see of it. */
class CollectionJourneyIT extends BrowserJourney {

    @Test
    void aCollectionIsFilledReorderedAndSeenSignedOutAtItsUnlistedAddressAndThroughAShareLink() throws Exception {
        signInNewUser(1280);
        roomWithPhotos("first.jpg", "second.jpg", "third.jpg");
        for (String file : List.of("first.jpg", "second.jpg", "third.jpg")) {
            page.saveToLibrary(file);
        }
        // public pages never show file names, only titles their owner gave
        page.open("#/library");
        page.retitle("first.jpg", "Oak floor");
        page.retitle("second.jpg", "Brass tap");
        page.retitle("third.jpg", "Green tiles");
        String name = "Warm kitchens " + user;
        page.open("#/collections");
        page.el("new-collection-name").sendKeys(name);
        page.el("new-collection-tags").sendKeys("kitchen, warm");
        page.el("create-collection").click();
        page.withText("collection-item", name).click();
        page.waitFor("the collection", d -> page.el("collection-title").getText().equals(name));

        for (String item : List.of("Oak floor", "Brass tap", "Green tiles")) {
            page.withText("library-candidate", item).findElement(by("add-to-collection")).click();
            page.waitFor(item + " in it", d -> page.texts("collection-entry-title").contains(item));
        }
        assertThat(page.texts("collection-entry-title")).containsExactly("Oak floor", "Brass tap", "Green tiles");
        assertThat(page.el("collection-count").getText()).isEqualTo("3 items");

        page.withText("collection-entry", "Green tiles").findElement(by("move-up")).click();
        page.announced("Green tiles moved to position 2 of 3.");
        page.withText("collection-entry", "Brass tap").findElement(by("set-cover")).click();
        page.announced("Brass tap is the cover now.");
        page.withText("collection-entry", "Oak floor").findElement(by("remove-from-collection")).click();
        page.waitFor("two left", d -> page.el("collection-count").getText().equals("2 items"));
        page.browser.navigate().refresh(); // what the page shows is what was saved
        page.waitFor("the saved order", d -> page.texts("collection-entry-title").equals(List.of("Green tiles", "Brass tap")));
        assertThat(page.withText("collection-entry", "Brass tap").findElement(by("set-cover")).getDomAttribute("aria-pressed"))
                .isEqualTo("true");
        assertThat(page.unlabelled()).as("controls without a name, images without alt text").isEmpty();

        new Select(page.el("collection-visibility")).selectByValue("unlisted");
        page.announced("The collection is unlisted now.");
        String address = page.value("collection-public-url");
        assertThat(address).startsWith(Platform.consoleOrigin() + "/#/c/");
        page.el("create-link").click(); // a share link of the collection (what it offers first)
        String shared = page.value("link-url");
        assertThat(shared).startsWith(Platform.consoleOrigin() + "/#/s/");

        page.signOut();
        page.browser.manage().window().setSize(new Dimension(375, 900));
        page.browser.get(address);
        page.waitFor("the public page", d -> page.el("public-collection-title").getText().equals(name));
        page.waitFor("its images in order", d -> page.texts("public-item").equals(List.of("Green tiles", "Brass tap")));
        page.waitFor("pictures drawn", d -> Boolean.TRUE.equals(page.script(
                "return [...document.querySelectorAll(\"[data-test='public-item'] img\")]"
                        + ".filter(i => i.complete && i.naturalWidth > 0).length === 2")));
        assertThat(page.unlabelled()).as("controls without a name, images without alt text").isEmpty();
        assertThat(page.fitsWidth()).as("nothing wider than 375 px").isTrue();

        page.browser.get(shared);
        page.waitFor("the shared collection in order", d -> page.texts("shared-item").equals(List.of("Green tiles", "Brass tap")));
    }

    @Test
    void aPublicCollectionIsListedInDiscoverByItsTag() throws Exception {
        signInNewUser(1280);
        String tag = "t" + UUID.randomUUID().toString().substring(0, 8);
        String name = "Open plan ideas " + user;
        page.open("#/collections");
        page.el("new-collection-name").sendKeys(name);
        new Select(page.el("new-collection-visibility")).selectByValue("public");
        page.el("new-collection-tags").sendKeys(tag);
        page.el("create-collection").click();
        page.withText("collection-item", name);

        page.signOut();
        page.open("#/discover");
        page.el("discover-tag").sendKeys(tag);
        page.el("discover-filter").click();
        page.waitFor("only the tagged collection", d -> page.texts("discover-item").size() == 1
                && page.texts("discover-item").get(0).contains(name));
        page.el("discover-item").click();
        page.waitFor("its page", d -> page.el("public-collection-title").getText().equals(name));
    }
}

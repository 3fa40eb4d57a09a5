package com.renovation.media.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A document's history: two versions with their authors' notes, the content of the first one read back, and
 * that first version restored as the third, rendered again.
 */
class DocumentHistoryJourneyIT extends BrowserJourney {

    @Test
    void anOldVersionIsReadAndRestoredAsTheNewest() throws Exception {
        signInNewUser(1280);
        String session = "History " + user;
        page.createSession(session);
        page.openSession(session);
        page.createRoom("Bathroom", "bathroom");
        page.openRoom("Bathroom");

        page.el("document-message").sendKeys("First quote");
        page.requestEstimate("Tiles", "12", "45.00");
        page.waitFor("version 1 ready", d -> readyDocuments() == 1);
        WebElement quantity = page.el("request-document").findElement(By.xpath("ancestor::form"))
                .findElements(By.cssSelector("input[name='quantity']")).get(0);
        quantity.clear();
        quantity.sendKeys("14");
        WebElement message = page.el("document-message");
        message.clear();
        message.sendKeys("More tiles");
        page.el("request-document").click();
        page.waitFor("version 2 ready", d -> page.withText("document-item", "version 2").getDomAttribute("data-status")
                .equals("ready"));

        page.press(page.withText("document-item", "version 2").findElement(By.xpath(".//button[contains(., 'Versions')]")));
        page.waitFor("both versions", d -> page.texts("document-version").size() == 2);
        assertThat(version(1).getText()).contains("First quote").contains("by " + user);
        assertThat(version(2).getText()).contains("More tiles");

        page.press(version(1).findElement(ConsolePage.by("document-version-content")));
        page.waitFor("version 1's content", d -> version(1).findElement(ConsolePage.by("document-content")).getText()
                .contains("Tiles"));
        String firstContent = version(1).findElement(ConsolePage.by("document-content")).getText();
        assertThat(firstContent).contains("\"quantity\": \"12\"");

        page.press(version(1).findElement(ConsolePage.by("document-restore")));
        page.el("document-restore-message").sendKeys("Back to the first quote");
        page.el("document-restore-confirm").click();
        page.announced("Version 1 restored as version 3");
        page.waitFor("version 3 listed", d -> page.texts("document-version").size() == 3);
        assertThat(version(3).getText()).contains("restored from version 1").contains("Back to the first quote");
        page.press(version(3).findElement(ConsolePage.by("document-version-content")));
        page.waitFor("version 3's content", d -> version(3).findElement(ConsolePage.by("document-content")).getText()
                .contains("Tiles"));
        assertThat(version(3).findElement(ConsolePage.by("document-content")).getText()).isEqualTo(firstContent);
        page.waitFor("version 3 rendered again", d -> page.withText("document-item", "version 3")
                .getDomAttribute("data-status").equals("ready"));
        assertThat(page.unlabelled()).as("controls without a name, images without alt text").isEmpty();
    }

    private long readyDocuments() {
        return page.browser.findElements(By.cssSelector("[data-test='document-item'][data-status='ready']")).size();
    }

    private WebElement version(int number) {
        return page.browser.findElement(By.cssSelector("[data-test='document-version'][data-version='" + number + "']"));
    }
}

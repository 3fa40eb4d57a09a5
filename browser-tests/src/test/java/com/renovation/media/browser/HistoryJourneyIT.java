package com.renovation.media.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The audit log in the console: an entity's history, reached from its page. */
class HistoryJourneyIT extends BrowserJourney {

    @Test
    void renamingASessionShowsInItsHistoryWithTheOldAndNewTitle() throws Exception {
        signInNewUser(1280);
        String before = "Bathroom " + user;
        String after = "Main bathroom " + user;
        page.createSession(before);
        page.openSession(before);
        page.el("rename-session").click();
        WebElement title = page.browser.findElement(By.cssSelector("rename-form input"));
        title.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        title.sendKeys(after, Keys.ENTER);
        page.waitFor("the new title", d -> page.el("session-title").getText().equals(after));

        page.el("session-history").click();
        WebElement renamed = page.withText("audit-entry", "Changed");
        WebElement change = renamed.findElement(By.cssSelector("[data-test='audit-change'][data-field='title']"));
        assertThat(change.getText()).contains(before, after);
        assertThat(renamed.findElement(By.cssSelector("[data-test='audit-actor']")).getText()).isEqualTo(user);
        page.withText("audit-entry", "Created");
        assertThat(page.unlabelled()).as("controls without a name, images without alt text").isEmpty();
    }
}

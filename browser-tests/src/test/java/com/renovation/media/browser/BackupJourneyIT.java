package com.renovation.media.browser;

import static com.renovation.media.browser.ConsolePage.by;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A session backed up by hand and restored: a new session with the same room and photo, made ready again. */
class BackupJourneyIT extends BrowserJourney {

    @Test
    void aBackupRestoresAsANewSessionWhosePhotosBecomeReady() throws Exception {
        signInNewUser(1280);
        roomWithPhotos("terrace.jpg");
        String title = "Library session " + user;
        page.open("#/sessions");
        page.openSession(title);
        assertThat(page.el("session-activity").getText()).contains("Last changed").contains("erased");
        page.waitFor("no backup yet", d -> d.findElement(By.cssSelector("backup-panel .empty")).isDisplayed());
        page.el("create-backup").click();
        page.withText("backup-item", "1 room, 1 file, 0 documents");
        assertThat(page.el("backup-item").getText()).contains("Made by hand");
        assertThat(page.unlabelled()).as("controls without a name, images without alt text").isEmpty();

        page.el("restore-backup").click();
        page.confirm();
        page.waitFor("the restored session", d -> page.el("session-title").getText().equals(title + " (restored)"));
        page.openRoom("Kitchen");
        page.waitFor("the photo ready again", d -> page.cards("ready").size() == 1);
        assertThat(page.el("asset-card").getText()).contains("terrace.jpg");

        page.open("#/sessions");
        page.waitFor("both sessions", d -> page.sessionItems(title).size() == 2);
    }
}

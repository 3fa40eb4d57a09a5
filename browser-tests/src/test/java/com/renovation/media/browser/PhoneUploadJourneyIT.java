package com.renovation.media.browser;

import static com.renovation.media.browser.ConsolePage.by;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * What a phone sends, through the console: a HEIC photo becomes ready with thumbnails a browser draws (it cannot
 * draw HEIC itself), and the same photo sent again to the session is kept once, the person told it is there.
 */
class PhoneUploadJourneyIT extends BrowserJourney {

    /** The second copy's confirm answers 409 on purpose; Chromium logs every 4xx response as an error. */
    @Override
    boolean expectedError(String error) {
        return error.contains("/confirm") && error.contains("status of 409");
    }

    @Test
    void aHeicPhotoGetsThumbnailsAndTheSamePhotoSentTwiceIsKeptOnce() throws Exception {
        signInNewUser(1280);
        page.createSession("Bathroom " + user);
        page.openSession("Bathroom " + user);
        page.createRoom("Bathroom", "bathroom");
        page.openRoom("Bathroom");
        Path files = Files.createTempDirectory("phone-files");
        Path heic = TestFiles.heic(files, "IMG_0042.HEIC",
                TestFiles.photo(files, "source.jpg", new Color(40, 120, 160), new Color(240, 230, 210)));

        page.upload(heic);
        page.waitFor("the HEIC photo ready", d -> page.cards("ready").size() == 1);
        page.waitFor("its thumbnail drawn", d -> Boolean.TRUE.equals(page.script(
                "return [...document.querySelectorAll(\"[data-test='asset-card'] picture img\")]"
                        + ".some(i => i.complete && i.naturalWidth > 0)")));

        page.upload(heic);
        page.waitFor("the person told the photo is there", d -> d.findElement(by("upload-errors")).getText()
                .contains("IMG_0042.HEIC is already in this session"));
        assertThat(page.browser.findElements(by("asset-card"))).as("the photo kept once").hasSize(1);
    }
}

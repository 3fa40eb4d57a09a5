package com.renovation.media.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * A file above 16 MiB goes through the console in parts (Uppy's multipart mode over asset-service's upload in
 * parts): each part's SHA-256 is declared with the upload, each part is PUT to its own presigned URL (bound to that
 * checksum, so S3 checks the bytes), completing is the confirm with the parts' ETags, and the file joins the room.
 */
class LargeUploadJourneyIT extends BrowserJourney {

    @Test
    void aLargeSurveyPdfIsUploadedInPartsAndJoinsTheRoom() throws Exception {
        signInNewUser(1280);
        page.createSession("Survey " + user);
        page.openSession("Survey " + user);
        page.createRoom("Hall", "kitchen");
        page.openRoom("Hall");
        Path survey = TestFiles.largePdf(Files.createTempDirectory("large-files"), "survey.pdf", 20);

        // the upload requests the console sends, to see what it declares
        page.script("""
                window.__uploadRequests = [];
                const send = window.fetch;
                window.fetch = (url, options) => {
                  if (String(url).endsWith('/assets/uploads')) window.__uploadRequests.push(JSON.parse(options.body));
                  return send(url, options);
                };
                """);
        new Select(page.el("asset-type")).selectByValue("document");
        page.upload(survey);

        page.waitFor("the survey in the room", d -> page.browser.findElements(By.cssSelector(
                "[data-test='asset-card']:not([data-status='pending']):not([data-status='failed'])")).size() == 1);
        Object partPuts = page.script("return performance.getEntriesByType('resource')"
                + ".filter(e => e.name.includes('partNumber=') && e.name.includes('uploadId=')).length");
        assertThat(((Number) partPuts).intValue()).as("the parts' PUTs (16 MiB and the rest)").isEqualTo(2);
        assertThat(page.browser.findElement(By.cssSelector("[data-test='upload-errors']")).getDomProperty(
                "textContent")).as("no file refused").isBlank();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> requests = (List<Map<String, Object>>) page.script("return window.__uploadRequests");
        assertThat(requests).singleElement().satisfies(request -> assertThat((List<?>) request.get("partSha256s"))
                .as("each part's SHA-256, bound into its URL (the PUTs above passed S3's check)").hasSize(2)
                .allSatisfy(hex -> assertThat((String) hex).matches("[0-9a-f]{64}")));
    }
}

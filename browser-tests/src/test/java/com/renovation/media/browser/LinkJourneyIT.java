package com.renovation.media.browser;

import static com.renovation.media.browser.ConsolePage.by;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Share and download links made from a room's files: opened by someone signed out, counted, revoked. */
class LinkJourneyIT extends BrowserJourney {

    @Test
    void aShareLinkOfPickedPhotosShowsThemToSomeoneSignedOut() throws Exception {
        signInNewUser(1280);
        roomWithPhotos("hall.jpg", "stairs.jpg");
        page.el("link-kind-share").click();
        page.browser.findElements(by("link-asset")).forEach(WebElement::click);
        page.el("create-link").click();
        String address = page.value("link-url");
        assertThat(address).startsWith(Platform.consoleOrigin() + "/#/s/");
        assertThat(page.unlabelled()).as("controls without a name, images without alt text").isEmpty();

        page.signOut();
        page.browser.get(address);
        page.waitFor("the shared photos", d -> page.texts("shared-item").size() == 2);
        // never a file name in public: untitled pictures are described by their place
        assertThat(page.browser.findElements(By.cssSelector("[data-test='shared-item'] img")).stream()
                .map(img -> img.getDomAttribute("alt"))).containsExactly("Image 1 of 2", "Image 2 of 2");
        assertThat(page.browser.findElement(By.tagName("shared-view")).getText()).doesNotContain("hall", "stairs");
        page.waitFor("pictures drawn", d -> Boolean.TRUE.equals(page.script(
                "return [...document.querySelectorAll(\"[data-test='shared-item'] img\")]"
                        + ".filter(i => i.complete && i.naturalWidth > 0).length === 2")));
        assertThat(page.unlabelled()).isEmpty();
    }

    @Test
    void aZipLinkDownloadsTheOriginalsIsCountedAndStopsOnceRevoked() throws Exception {
        signInNewUser(1280);
        roomWithPhotos("before.jpg", "after.jpg");
        page.el("link-kind-zip").click();
        page.browser.findElements(by("link-asset")).forEach(WebElement::click);
        page.el("link-max-downloads").clear();
        page.el("link-max-downloads").sendKeys("5");
        page.el("create-link").click();
        String url = page.value("link-url");
        assertThat(url).startsWith(Platform.apiUrl() + "/d/");

        HttpResponse<byte[]> zip = get(url);
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/zip"));
        assertThat(entries(zip.body())).containsExactlyInAnyOrder("before.jpg", "after.jpg");

        page.open("#/links");
        WebElement link = page.el("link-item");
        page.waitFor("one download counted", d -> page.el("link-downloads").getText().equals("1 of 5"));
        assertThat(link.getDomAttribute("data-status")).isEqualTo("active");
        page.el("revoke-link").click();
        page.confirm();
        page.waitFor("revoked", d -> page.el("link-status").getText().equals("Revoked"));
        page.browser.navigate().refresh(); // the service says so too
        page.waitFor("revoked after a reload", d -> "revoked".equals(page.el("link-item").getDomAttribute("data-status")));
        assertThat(page.unlabelled()).as("controls without a name, images without alt text").isEmpty();

        assertThat(get(url).statusCode()).isEqualTo(410);
    }

    private static List<String> entries(byte[] zip) throws Exception {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }
}

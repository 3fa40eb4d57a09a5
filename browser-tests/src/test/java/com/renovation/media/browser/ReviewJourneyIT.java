package com.renovation.media.browser;

import static com.renovation.media.browser.ConsolePage.by;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Renders and documents: a render naming its catalog style is reviewed (submitted, approved,
 * another rejected with its reason), the session's files are filtered across rooms, and a contract draft written
 * by AI is requested and found by the document filters.
 */
class ReviewJourneyIT extends BrowserJourney {

    @Test
    void rendersAreReviewedAndFoundAcrossRooms() throws Exception {
        signInNewUser(1280);
        roomWithPhotos("before.jpg");
        Path dir = Files.createTempDirectory("renders");
        Path approved = TestFiles.photo(dir, "render-approved.jpg", new Color(30, 120, 90), new Color(220, 210, 190));
        Path rejected = TestFiles.photo(dir, "render-rejected.jpg", new Color(120, 40, 90), new Color(20, 210, 190));

        new Select(page.el("asset-type")).selectByValue("render");
        page.waitFor("the catalog's styles", d -> new Select(page.el("render-style")).getOptions().size() > 1);
        Select style = new Select(page.el("render-style"));
        String slug = style.getOptions().get(1).getDomAttribute("value");
        style.selectByIndex(1);
        page.upload(approved, rejected);
        page.waitFor("two ready renders", d -> page.cards("ready").size() == 3);
        assertThat(card("render-approved.jpg").getText()).contains(slug); // the style it applies

        // draft → pending review → approved
        WebElement first = card("render-approved.jpg");
        assertThat(first.findElement(by("review-status")).getText()).isEqualTo("Draft");
        first.findElement(by("review-submit")).click();
        page.waitFor("pending review", d -> status("render-approved.jpg").equals("Pending review"));
        card("render-approved.jpg").findElement(by("review-approve")).click();
        page.waitFor("approved", d -> status("render-approved.jpg").equals("Approved"));
        assertThat(card("render-approved.jpg").getText()).contains("Approved by " + user);
        assertThat(card("render-approved.jpg").findElements(By.cssSelector("render-review button")))
                .as("no decision is left after approval").isEmpty();

        // rejecting asks why, and keeps the reason
        card("render-rejected.jpg").findElement(by("review-submit")).click();
        page.waitFor("pending review", d -> status("render-rejected.jpg").equals("Pending review"));
        card("render-rejected.jpg").findElement(by("review-reject")).click();
        card("render-rejected.jpg").findElement(by("review-reject-confirm")).click();
        page.waitFor("the reason asked for", d -> card("render-rejected.jpg").getText().contains("Say why"));
        card("render-rejected.jpg").findElement(by("review-note")).sendKeys("The floor is the wrong oak.");
        card("render-rejected.jpg").findElement(by("review-reject-confirm")).click();
        page.waitFor("rejected", d -> status("render-rejected.jpg").equals("Rejected"));
        assertThat(card("render-rejected.jpg").getText()).contains("The floor is the wrong oak.");
        assertThat(page.unlabelled()).as("controls without a name, images without alt text").isEmpty();

        // the session's files across rooms, by type and status
        page.open("#/sessions");
        page.openSession("Library session " + user);
        page.waitFor("three files", d -> d.findElements(by("session-asset")).size() == 3);
        new Select(page.el("session-assets-type")).selectByValue("render");
        page.waitFor("the two renders", d -> names().equals(List.of("render-approved.jpg", "render-rejected.jpg"))
                || names().equals(List.of("render-rejected.jpg", "render-approved.jpg")));
        new Select(page.el("session-assets-status")).selectByValue("failed");
        page.waitFor("none failed", d -> d.findElements(by("session-asset")).isEmpty());
    }

    @Test
    void aContractDraftWrittenByAiIsMadeAndFoundByTheDocumentFilters() throws Exception {
        signInNewUser(1280);
        page.createSession("Contract " + user);
        page.openSession("Contract " + user);
        new Select(page.el("document-type")).selectByValue("contract");
        new Select(page.el("document-phase")).selectByValue("CONTRACT");
        WebElement form = page.el("request-document").findElement(By.xpath("ancestor::form"));
        List<WebElement> names = form.findElements(By.cssSelector("contract-editor input[name='name']"));
        names.get(0).sendKeys("Ada Client");
        names.get(1).sendKeys("Oak & Sons Builders");
        form.findElement(By.cssSelector("contract-editor textarea[name='description']")).sendKeys("Replace the kitchen floor");
        page.el("contract-amount").sendKeys("12500.50");
        page.el("document-by-ai").click();
        page.el("document-prompt").sendKeys("Draft a fair fixed-price contract for a kitchen floor.");
        assertThat(page.unlabelled()).as("controls without a name, images without alt text").isEmpty();
        page.el("request-document").click();
        page.waitFor("the contract ready", d -> d.findElements(
                By.cssSelector("[data-test='document-item'][data-status='ready']")).size() == 1);
        assertThat(page.el("document-item").getText()).contains("Contract draft").contains("phase Contract")
                .contains("written by AI");

        new Select(page.el("documents-type")).selectByValue("checklist_pdf");
        page.waitFor("no checklist", d -> d.findElements(by("document-item")).isEmpty());
        new Select(page.el("documents-type")).selectByValue("contract_draft");
        page.waitFor("the contract", d -> d.findElements(by("document-item")).size() == 1);
        new Select(page.el("documents-phase")).selectByValue("PAYMENT");
        page.waitFor("nothing in payment", d -> d.findElements(by("document-item")).isEmpty());
        new Select(page.el("documents-phase")).selectByValue("CONTRACT");
        page.waitFor("the contract again", d -> d.findElements(by("document-item")).size() == 1);
        var pdf = get(page.el("document-download").getDomAttribute("href"));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    private WebElement card(String name) {
        return page.withText("asset-card", name);
    }

    private String status(String name) {
        return card(name).findElement(by("review-status")).getText();
    }

    private List<String> names() {
        return page.browser.findElements(by("session-asset")).stream()
                .map(e -> e.findElement(By.className("list-row__title")).getText()).toList();
    }
}

package com.renovation.media.browser;

import static com.renovation.media.browser.ConsolePage.by;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;

/** Plans and usage: what a user's plan allows and what of it they use, its limits at work, and an admin's override. */
class UsageJourneyIT extends BrowserJourney {

    /** The third session, refused on purpose: the browser logs the 403 the console then explains. */
    @Override
    boolean expectedError(String error) {
        return error.contains("/sessions - ") && error.contains("status of 403");
    }

    @Test
    void aFreeUserSeesTheirUsageAndIsStoppedAtTheSessionLimitWithTheReason() throws Exception {
        signInNewUser(1280);
        setPlan(user, "free");

        page.open("#/usage");
        page.waitFor("the plan", d -> !d.findElements(by("usage-plan")).isEmpty());
        assertThat(page.el("usage-plan").getText()).isEqualTo("Free");
        assertThat(page.el("usage-storage").getText()).startsWith("0 bytes of 100 MB");
        assertThat(page.el("usage-sessions").getText()).isEqualTo("0 of 2");
        assertThat(page.el("usage-formats").getText()).isEqualTo("JPEG, WEBP");
        page.browser.manage().window().setSize(new Dimension(375, 900));
        assertThat(page.fitsWidth()).as("nothing wider than 375 px").isTrue();
        assertThat(page.unlabelled()).as("controls without a name, images without alt text").isEmpty();

        page.open("#/sessions");
        page.createSession("First " + user);
        page.createSession("Second " + user);
        page.el("new-session-title").sendKeys("Third " + user);
        page.el("create-session").click();
        page.waitFor("the refusal", d -> d.findElement(By.id("new-session-error")).getText()
                .matches("(?s).*plan free.*2.*"));
        assertThat(page.sessionItems("Third " + user)).isEmpty();

        page.open("#/usage");
        page.waitFor("two sessions", d -> "2 of 2".equals(page.el("usage-sessions").getText()));
    }

    @Test
    void anAdminSetsAUsersPlanAndHandsItBackToTheirSignIn() throws Exception {
        signInNewUser(1280);
        String customer = "customer-" + UUID.randomUUID().toString().substring(0, 8);
        signInAsAdmin();
        page.open("#/usage");
        page.el("plan-user").sendKeys(customer);
        new Select(page.el("plan-choice")).selectByValue("pro");
        page.el("set-plan").click();
        page.waitFor("the customer's plan", d -> !d.findElements(by("user-usage-plan")).isEmpty());
        assertThat(page.el("user-usage-plan").getText()).isEqualTo("Pro");
        assertThat(page.el("user-usage-formats").getText()).isEqualTo("JPEG, WEBP, AVIF");
        assertThat(usageOf(customer)).contains("\"plan\":\"pro\"").contains("\"planSource\":\"override\"");

        page.el("clear-plan").click();
        page.waitFor("the default plan again", d -> !"Pro".equals(page.el("user-usage-plan").getText()));
        assertThat(usageOf(customer)).doesNotContain("\"planSource\":\"override\"");
        assertThat(page.unlabelled()).as("controls without a name, images without alt text").isEmpty();
    }

    /** Signs this browser in with an admin's token (local sign-in makes users only), as the console keeps it. */
    private void signInAsAdmin() throws Exception {
        String token = Platform.tokens().token("admin-" + user, true, Duration.ofHours(1));
        page.script("sessionStorage.setItem('console.auth', JSON.stringify({token: arguments[0],"
                + " expiresAt: Date.now() + 3600000, user: 'admin'}));", token);
        page.browser.navigate().refresh();
        page.waitFor("signed in as admin", d -> d.findElement(By.className("account__user")).getText().contains("admin"));
    }

    private static void setPlan(String sub, String plan) throws Exception {
        HttpResponse<String> response = HTTP.send(admin(HttpRequest.newBuilder(planUri(sub, "/plan")))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"plan\":\"" + plan + "\"}"))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static String usageOf(String sub) throws Exception {
        return HTTP.send(admin(HttpRequest.newBuilder(planUri(sub, "/usage"))).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static URI planUri(String sub, String tail) {
        return URI.create(Platform.apiUrl() + "/admin/users/" + sub + tail);
    }

    private static HttpRequest.Builder admin(HttpRequest.Builder request) throws Exception {
        return request.header("Authorization", "Bearer " + Platform.tokens().token("ops-admin", true, Duration.ofHours(1)));
    }
}

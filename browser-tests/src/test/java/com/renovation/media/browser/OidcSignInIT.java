package com.renovation.media.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console as production runs it: OpenID Connect, authorization code with PKCE, against a stand-in provider
 * that issues a code only to the registered client and redirect URI and a token only for the matching verifier.
 */
class OidcSignInIT {

    private static StandInIdentityProvider provider;

    @BeforeAll
    static void consoleSigningInWithOpenIdConnect() throws Exception {
        Chromium.requireInstalled();
        Platform.start();
        provider = StandInIdentityProvider.start("media-console", Platform.consoleOrigin(), Platform.tokens());
        Platform.restartConsole(Map.of("CONSOLE_AUTH_MODE", "oidc", "CONSOLE_OIDC_ISSUER", provider.issuer(),
                "CONSOLE_OIDC_CLIENT_ID", "media-console"));
    }

    @AfterAll
    static void consoleAsThePlatformStartsIt() throws Exception {
        Platform.restartConsole(Map.of());
        provider.close();
    }

    @Test
    void aPersonSignsInAtTheIdentityProviderAndTheApisAcceptTheTokenTheConsoleGotWithPkce() throws Exception {
        ConsolePage page = new ConsolePage(Chromium.start(1440, 1000), Platform.consoleUrl());
        try {
            page.open("");
            page.el("sign-in-submit").click();
            // the provider's own page: the console sent the tab there with its client id and a S256 challenge
            WebDriverWait wait = new WebDriverWait(page.browser, ConsolePage.WAIT);
            wait.until(ExpectedConditions.urlContains(provider.issuer() + "/authorize"));
            assertThat(page.browser.getCurrentUrl()).contains("code_challenge_method=S256", "client_id=media-console");
            String user = "oidc-" + UUID.randomUUID().toString().substring(0, 8);
            page.browser.findElement(By.id("user")).sendKeys(user);
            page.browser.findElement(By.id("approve")).click();

            // back in the console, signed in: the code was exchanged with the right verifier, the API takes the token
            page.el("new-session-title");
            assertThat(provider.tokenRequests).containsExactly("issued");
            assertThat(page.browser.getCurrentUrl()).doesNotContain("code=");
            page.createSession("Bathroom " + user);
            assertThat(page.browser.findElement(By.tagName("body")).getText()).contains(user);
            List<String> errors = Chromium.errors(page.browser);
            assertThat(errors).as("the browser console's errors").isEmpty();
        } finally {
            page.browser.quit();
        }
    }

    /** The stand-in's own check is right, so its "issued" above means the console's verifier matched. */
    @Test
    void theStandInProviderChecksVerifiersAsRfc7636Computes() {
        assertThat(StandInIdentityProvider.s256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
                .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"); // RFC 7636, appendix B
    }
}

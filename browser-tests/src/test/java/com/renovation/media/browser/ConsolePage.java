package com.renovation.media.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The console as a person uses it, by its {@code data-test} hooks: what the journey test and the tour share. */
final class ConsolePage {

    static final Duration WAIT = Duration.ofSeconds(60);

    final ChromeDriver browser;
    private final String consoleUrl;

    ConsolePage(ChromeDriver browser, String consoleUrl) {
        this.browser = browser;
        this.consoleUrl = consoleUrl;
    }

    static By by(String test) {
        return By.cssSelector("[data-test='" + test + "']");
    }

    WebElement el(String test) {
        return new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by(test)));
    }

    /** Until the condition holds; an element re-rendered while it is read (stale) just means "not yet". */
    void waitFor(String what, Function<ChromeDriver, Boolean> condition) {
        new WebDriverWait(browser, WAIT).withMessage(what).ignoring(StaleElementReferenceException.class)
                .until(driver -> condition.apply((ChromeDriver) driver));
    }

    Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(javascript, arguments);
    }

    /** Clicks an element brought to the middle of the window, where the sticky header cannot cover it. */
    void press(WebElement element) {
        script("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    void open(String route) {
        browser.get(consoleUrl + route);
    }

    void signIn(String user) {
        open("");
        el("sign-in-user").sendKeys(user);
        el("sign-in-submit").click();
        el("new-session-title");
    }

    void createSession(String title) {
        el("new-session-title").sendKeys(title);
        el("create-session").click();
        waitFor("the new session in the list", d -> !sessionItems(title).isEmpty());
    }

    void openSession(String title) {
        waitFor("the session in the list", d -> !sessionItems(title).isEmpty());
        sessionItems(title).get(0).click();
        el("session-title");
    }

    List<WebElement> sessionItems(String title) {
        return browser.findElements(by("session-item")).stream().filter(e -> e.getText().contains(title)).toList();
    }

    void createRoom(String name, String type) {
        el("new-room-name").sendKeys(name);
        new Select(el("new-room-type")).selectByValue(type);
        el("create-room").click();
        waitFor("the new room", d -> d.findElements(by("room-item")).stream().anyMatch(e -> e.getText().contains(name)));
    }

    void openRoom(String name) {
        browser.findElements(by("room-item")).stream().filter(e -> e.getText().contains(name)).findFirst()
                .orElseThrow().click();
        el("uploader");
        waitFor("the live channel", d -> "connected".equals(d.findElement(By.tagName("body")).getDomAttribute("data-live")));
    }

    /** Through Uppy's own file input: the drop zone, or (while refused files wait for a retry) after "Add more". */
    void upload(Path... paths) {
        waitFor("the uploader's file input", d -> {
            if (!d.findElements(By.cssSelector("[data-test='uploader'] input.uppy-Dashboard-input")).isEmpty()) {
                return true;
            }
            d.findElements(By.cssSelector("[data-test='uploader'] .uppy-DashboardContent-addMore"))
                    .forEach(WebElement::click);
            return false;
        });
        browser.findElement(By.cssSelector("[data-test='uploader'] input.uppy-Dashboard-input"))
                .sendKeys(String.join("\n", Arrays.stream(paths).map(Path::toString).toList()));
    }

    /**
     * What assistive technology would miss on the page as it is now: form controls without an accessible name
     * (label, aria-label or aria-labelledby) and images without alt text. Uppy's hidden file inputs are named by
     * their visible "browse files" button instead, and are left out.
     */
    @SuppressWarnings("unchecked")
    List<String> unlabelled() {
        return (List<String>) script("""
                const named = (el) => (el.labels && el.labels.length > 0) || el.getAttribute('aria-label')
                  || el.getAttribute('aria-labelledby') || el.type === 'hidden' || el.type === 'submit'
                  || el.type === 'button' || el.classList.contains('uppy-Dashboard-input');
                const controls = [...document.querySelectorAll('input, select, textarea')].filter((el) => !named(el))
                  .map((el) => el.outerHTML.slice(0, 120));
                const images = [...document.querySelectorAll('img')].filter((img) => !img.hasAttribute('alt'))
                  .map((img) => img.outerHTML.slice(0, 120));
                return controls.concat(images);""");
    }

    List<WebElement> cards(String status) {
        return browser.findElements(By.cssSelector("[data-test='asset-card'][data-status='" + status + "']"));
    }

    void requestEstimate(String description, String quantity, String unitPrice) {
        new Select(el("document-type")).selectByValue("estimate");
        WebElement form = el("request-document").findElement(By.xpath("ancestor::form"));
        form.findElements(By.cssSelector("input[name='description']")).get(0).sendKeys(description);
        form.findElements(By.cssSelector("input[name='quantity']")).get(0).sendKeys(quantity);
        form.findElements(By.cssSelector("input[name='unitPrice']")).get(0).sendKeys(unitPrice);
        el("request-document").click();
    }

    void signOut() {
        el("sign-out").click();
        waitFor("signed out", d -> d.findElements(by("sign-out")).isEmpty());
    }

    /** The visible texts of every element with this hook, in page order. */
    List<String> texts(String test) {
        return browser.findElements(by(test)).stream().map(WebElement::getText).toList();
    }

    /** The first element with this hook whose text contains {@code text}, once there is one. */
    WebElement withText(String test, String text) {
        waitFor(test + " with " + text, d -> d.findElements(by(test)).stream().anyMatch(e -> e.getText().contains(text)));
        return browser.findElements(by(test)).stream().filter(e -> e.getText().contains(text)).findFirst().orElseThrow();
    }

    /** Waits for a status message (the toasts of the polite live region) that contains {@code text}. */
    void announced(String text) {
        waitFor("the message " + text, d -> d.findElement(By.id("status-messages")).getText().contains(text));
    }

    /** Confirms the confirmation dialog that is open. */
    void confirm() {
        el("confirm-accept").click();
        waitFor("the dialog closed", d -> !d.findElement(by("confirm-dialog")).isDisplayed());
    }

    /** The value of a form field, e.g. an address shown to copy. */
    String value(String test) {
        return el(test).getDomProperty("value");
    }

    void saveToLibrary(String fileName) {
        withText("asset-card", fileName).findElement(by("save-to-library")).click();
        announced(fileName + " is in your library.");
    }

    /** On the library page: gives the item now called {@code title} a title of its own. */
    void retitle(String title, String newTitle) {
        withText("library-item", title).findElement(by("library-edit")).click();
        WebElement field = el("library-title-input");
        field.clear();
        field.sendKeys(newTitle);
        el("library-save").click();
        waitFor("the title " + newTitle, d -> texts("library-title").contains(newTitle));
    }

    /** Whether the page fits the window's width (nothing to scroll sideways). */
    boolean fitsWidth() {
        return Boolean.TRUE.equals(script("return document.documentElement.scrollWidth <= window.innerWidth"));
    }
}

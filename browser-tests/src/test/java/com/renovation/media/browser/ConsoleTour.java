package com.renovation.media.browser;

import static com.renovation.media.browser.ConsolePage.by;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Not a test: run by {@code docs/screenshots/take.sh} and {@code bench/console/run.sh} against a platform that
 * {@code ./platform up} started (its name matches neither {@code *Test} nor {@code *IT}, so builds skip it).
 * {@code -Dconsole.url} names the console (default http://127.0.0.1:8090/).
 */
class ConsoleTour {

    private static final String CONSOLE = System.getProperty("console.url", "http://127.0.0.1:8090/");

    /** First page load in a fresh browser (empty cache), and again from its cache; medians and worst of the runs. */
    @Test
    void firstPageLoad() throws Exception {
        int runs = Integer.getInteger("runs", 10);
        List<Double> cold = new ArrayList<>();
        List<Double> warm = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            ChromeDriver browser = Chromium.start(1440, 1000);
            // noted by the page itself the moment the field appears: polling from here would add its own delay
            browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                    new MutationObserver((changes, observer) => {
                      if (document.querySelector("[data-test='sign-in-user']")) {
                        window.signInUsableAt = performance.now();
                        observer.disconnect();
                      }
                    }).observe(document, { subtree: true, childList: true });"""));
            try {
                ConsolePage page = new ConsolePage(browser, CONSOLE);
                // the floor: one small file from the same server, in the same fresh browser
                browser.get(CONSOLE + "config.json");
                baseline.add(((Number) page.script("return performance.getEntriesByType('navigation')[0].duration"))
                        .doubleValue());
                page.open("#/sign-in");
                cold.add(timeToSignIn(page));
                browser.navigate().refresh();
                warm.add(timeToSignIn(page));
            } finally {
                browser.quit();
            }
        }
        System.out.printf("console first load (navigation start to the sign-in form usable), %d fresh browsers:%n"
                + "  cold cache p50 %.0f ms, max %.0f ms; warm cache p50 %.0f ms, max %.0f ms;"
                + " one small file from the same server p50 %.0f ms%n", runs, median(cold), Collections.max(cold),
                median(warm), Collections.max(warm), median(baseline));
    }

    /** The milliseconds from the page's navigation start until its sign-in field can be typed in. */
    private static double timeToSignIn(ConsolePage page) {
        page.el("sign-in-user");
        return ((Number) page.script("return window.signInUsableAt")).doubleValue();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** The README's pictures: gallery, an upload under way, the comparison slider, documents, a floor plan, catalog. */
    @Test
    void screenshots() throws Exception {
        Path out = Path.of(System.getProperty("screenshots.dir", "docs/screenshots")).toAbsolutePath();
        Files.createDirectories(out);
        Path files = Files.createTempDirectory("tour-files");
        ChromeDriver browser = Chromium.start(1440, 1000);
        try {
            ConsolePage page = new ConsolePage(browser, CONSOLE);
            page.signIn("tour-" + UUID.randomUUID().toString().substring(0, 6));
            page.createSession("Loft renovation");
            page.openSession("Loft renovation");
            page.createRoom("Kitchen", "kitchen");
            page.createRoom("Living room", "living_room");
            page.openRoom("Kitchen");
            page.upload(TestFiles.photo(files, "kitchen-before.jpg", new Color(150, 110, 70), new Color(220, 200, 170)),
                    TestFiles.photo(files, "kitchen-after.jpg", new Color(40, 100, 150), new Color(235, 240, 250)),
                    TestFiles.photo(files, "island-detail.jpg", new Color(60, 120, 80), new Color(230, 230, 200)));
            page.waitFor("three ready photos", d -> page.cards("ready").size() == 3);
            scrollTo(page, page.el("asset-card"));
            shoot(browser, out, "gallery");

            // an upload under way: the network slowed, so its progress bar is caught mid-way
            ChromiumNetworkConditions slow = new ChromiumNetworkConditions();
            slow.setUploadThroughput(64 * 1024);
            slow.setDownloadThroughput(4 * 1024 * 1024);
            slow.setLatency(Duration.ofMillis(20));
            browser.setNetworkConditions(slow);
            page.upload(TestFiles.largePhoto(files, "wide-angle.jpg"));
            page.waitFor("a progress bar", d -> !d.findElements(By.cssSelector("[data-test='uploader'] .uppy-StatusBar.is-uploading")).isEmpty());
            scrollTo(page, page.el("uploader"));
            shoot(browser, out, "upload-in-progress");
            browser.deleteNetworkConditions();
            page.waitFor("four ready photos", d -> page.cards("ready").size() == 4);

            List<String> ids = browser.findElements(by("asset-card")).stream()
                    .map(e -> e.getDomAttribute("data-asset-id")).toList();
            new Select(page.el("comparison-before")).selectByValue(ids.get(0));
            new Select(page.el("comparison-after")).selectByValue(ids.get(1));
            page.el("create-comparison").click();
            WebElement slider = page.el("comparison-slider");
            for (int i = 0; i < 15; i++) {
                slider.sendKeys(Keys.ARROW_LEFT);
            }
            scrollTo(page, slider);
            shoot(browser, out, "comparison-slider");

            page.requestEstimate("Cabinets, oak veneer", "6", "420.00");
            page.waitFor("the estimate ready", d -> !d.findElements(
                    By.cssSelector("[data-test='document-item'][data-status='ready']")).isEmpty());
            scrollTo(page, page.el("document-item"));
            shoot(browser, out, "documents");

            page.press(page.el("artefact-add"));
            page.el("artefact-title").sendKeys("Kitchen, as measured");
            page.el("artefact-file").sendKeys(TestFiles.floorPlan(files, "kitchen-1.svg", "Kitchen", "#f4efe6").toString());
            page.el("artefact-message").sendKeys("Measured on site");
            page.press(page.el("artefact-create"));
            page.waitFor("the plan's thumbnail", d -> !d.findElements(
                    By.cssSelector("[data-test='artefact-item'][data-thumbnail='ready']")).isEmpty());
            page.press(page.el("artefact-new-version"));
            page.el("artefact-new-file").sendKeys(TestFiles.floorPlan(files, "kitchen-2.svg", "Island", "#dff0e0").toString());
            page.el("artefact-new-message").sendKeys("Island added");
            page.press(page.el("artefact-save"));
            page.waitFor("version 2's thumbnail", d -> !d.findElements(By.cssSelector(
                    "[data-test='artefact-item'][data-version='2'][data-thumbnail='ready']")).isEmpty());
            page.press(page.el("artefact-versions"));
            page.waitFor("both versions' thumbnails", d -> d.findElements(By.cssSelector(".artefact-version img")).size() == 2);
            scrollTo(page, page.el("artefact-item"));
            shoot(browser, out, "floorplans");

            // an order: two photos restored, paid on the provider's checkout page, followed to their results
            page.press(page.el("order-service-restoration"));
            List<WebElement> orderable = browser.findElements(by("order-asset"));
            page.press(orderable.get(0));
            page.press(orderable.get(1));
            page.press(page.el("place-order"));
            page.waitFor("the order's page", d -> !d.findElements(by("order-page")).isEmpty());
            String orderPage = browser.getCurrentUrl();
            browser.get(page.el("pay-order").getDomAttribute("href"));
            page.press(browser.findElement(By.cssSelector("form button")));
            // the provider's answer page, once the payment went out: leaving earlier could be undone by it
            page.waitFor("the payment sent", d -> "Payment sent".equals(d.getTitle()));
            browser.get(orderPage);
            page.waitFor("the order completed", d -> "completed".equals(
                    d.findElement(by("order-page")).getDomAttribute("data-status")));
            page.waitFor("the results' pictures", d -> d.findElements(By.cssSelector(".order-item img")).size() == 4);
            Thread.sleep(500);
            shoot(browser, out, "order");
            page.open("#/sessions");
            page.openSession("Loft renovation");
            page.openRoom("Kitchen");
            page.waitFor("the photos and their restorations", d -> page.cards("ready").size() == 6);

            page.open("#/catalog");
            page.waitFor("catalog images", d -> d.findElements(by("catalog-image")).size() > 2);
            Thread.sleep(1000);
            shoot(browser, out, "catalog");

            page.open("#/sessions");
            page.openSession("Loft renovation");
            page.el("create-backup").click();
            page.waitFor("a backup", d -> !d.findElements(by("backup-item")).isEmpty());
            scrollTo(page, page.el("backup-item"));
            shoot(browser, out, "backups");
            page.open("#/usage");
            page.waitFor("the usage", d -> !d.findElements(by("usage-plan")).isEmpty());
            shoot(browser, out, "usage");

            browser.manage().window().setSize(new org.openqa.selenium.Dimension(375, 812));
            page.open("#/sessions");
            page.openSession("Loft renovation");
            page.openRoom("Kitchen");
            page.waitFor("the gallery", d -> page.cards("ready").size() == 6);
            scrollTo(page, page.el("asset-card"));
            shoot(browser, out, "gallery-375px");
        } finally {
            browser.quit();
        }
        System.out.println("screenshots in " + out);
    }

    private static void scrollTo(ConsolePage page, WebElement element) {
        ((org.openqa.selenium.JavascriptExecutor) page.browser)
                .executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    }

    private static void shoot(ChromeDriver browser, Path dir, String name) throws Exception {
        // the status toasts fade after a few seconds: the picture shows the page, not the last news
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(10)).until(d ->
                d.findElements(By.cssSelector("#status-messages > *")).isEmpty());
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}

package com.renovation.media.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * What the journeys share: the platform started once, a fresh browser and user per test, a room with ready
 * photos, and no error in the browser's console at the end (but those a test provokes on purpose).
 */
abstract class BrowserJourney {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    ConsolePage page;
    String user;

    @BeforeAll
    static void platform() throws Exception {
        Chromium.requireInstalled();
        Platform.start();
    }

    @AfterEach
    void closeBrowser() {
        if (page != null) {
            var errors = Chromium.errors(page.browser).stream().filter(e -> !expectedError(e)).toList();
            page.browser.quit();
            assertThat(errors).as("the browser console's errors").isEmpty();
        }
    }

    /** Whether a browser console error is one the test caused on purpose. */
    boolean expectedError(String error) {
        return false;
    }

    /** A new user signed in, in a browser of this width. */
    void signInNewUser(int width) throws Exception {
        page = new ConsolePage(Chromium.start(width, 1000), Platform.consoleUrl());
        user = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        page.signIn(user);
    }

    /** A session with one room, opened, holding these photos once they are ready. */
    void roomWithPhotos(String... names) throws Exception {
        page.createSession("Library session " + user);
        page.openSession("Library session " + user);
        page.createRoom("Kitchen", "kitchen");
        page.openRoom("Kitchen");
        Path dir = Files.createTempDirectory("journey-files");
        Path[] photos = new Path[names.length];
        for (int i = 0; i < names.length; i++) {
            photos[i] = TestFiles.photo(dir, names[i], new Color((40 + 70 * i) % 256, 90, 140),
                    new Color(230, 200, (150 + 40 * i) % 256));
        }
        page.upload(photos);
        page.waitFor(names.length + " ready photos", d -> page.cards("ready").size() == names.length);
    }

    static HttpResponse<byte[]> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}

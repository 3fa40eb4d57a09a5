package com.renovation.media.browser;

import com.renovation.media.localstack.PlatformSettings;
import com.renovation.media.localstack.WarmUp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./platform up}'s warm-up over the whole platform: its photos and its estimate become ready through the
 * public API, and its user is left with nothing (the session it made is deleted, and with it what it held).
 */
class WarmUpIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void uploadsAndAnEstimateReachReadyAndNothingOfTheWarmUpUserIsLeft() throws Exception {
        PlatformSettings settings = Platform.start();

        WarmUp.Report report = WarmUp.run(settings, Platform.tokens());

        assertThat(report.uploadMillis()).isNotEmpty().hasSizeLessThanOrEqualTo(WarmUp.MAX_UPLOADS)
                .allSatisfy(millis -> assertThat(millis).isPositive());
        assertThat(report.documentMillis()).isNotNull().isPositive();
        assertThat(report.toString()).startsWith("warmed up in ").contains("photo uploads", "an estimate");
        String auth = "Bearer " + Platform.tokens().token(WarmUp.USER, false, Duration.ofMinutes(5));
        assertThat(get("/sessions/" + report.sessionId(), auth).statusCode()).isEqualTo(404);
        HttpResponse<String> sessions = get("/sessions", auth);
        assertThat(sessions.statusCode()).isEqualTo(200);
        assertThat(sessions.body()).contains("\"items\":[]");
    }

    private static HttpResponse<String> get(String path, String auth) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(Platform.apiUrl() + path)).header("Authorization", auth)
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}

package com.renovation.media.orders.jobs;

import com.renovation.media.standin.ProviderStandIn;
import com.renovation.media.standin.StandInSettings;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The stand-in provider as a real HTTP server in the test JVM, on a free port, with a fresh data directory; the
 * service under test is pointed at it ({@code platform.provider.base-url}). Tests reach it through {@link #standIn()}.
 */
public class ProviderStandInResource implements QuarkusTestResourceLifecycleManager {

    private static volatile ProviderStandIn standIn;

    public static ProviderStandIn standIn() {
        return standIn;
    }

    @Override
    public Map<String, String> start() {
        try {
            Path data = Files.createTempDirectory("standin-test-");
            standIn = ProviderStandIn.start(StandInSettings.forTests(data));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("platform.provider.base-url", standIn.url(),
                "platform.provider.token", standIn.token());
    }

    @Override
    public void stop() {
        if (standIn != null) {
            standIn.close();
        }
    }
}

package com.renovation.media.browser;

import com.renovation.media.localstack.PlatformSettings;
import com.renovation.media.localstack.ServiceFleet;
import java.util.HashMap;
import java.util.Map;

/**
 * Every service, started from its packaged build against the engines {@code ./platform test} runs (ports and
 * home from the environment it exports), once for all browser tests.
 */
final class Platform {

    private static PlatformSettings settings;
    private static ServiceFleet fleet;

    private Platform() {
    }

    static synchronized PlatformSettings start() throws Exception {
        if (fleet == null) {
            Map<String, String> env = new HashMap<>(System.getenv());
            env.put("PLATFORM_ROOT", PlatformSettings.findRoot().toString());
            env.remove("PLATFORM_SERVICES");
            settings = PlatformSettings.fromEnvironment(env);
            fleet = ServiceFleet.start(settings);
        }
        return settings;
    }

    static synchronized void stop() {
        if (fleet != null) {
            fleet.close();
            fleet = null;
        }
    }

    static String consoleUrl() {
        return settings.serviceUrl(PlatformSettings.CONSOLE) + "/";
    }

    static String apiUrl() {
        return settings.serviceUrl("asset-service");
    }
}

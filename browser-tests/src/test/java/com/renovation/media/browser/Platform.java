package com.renovation.media.browser;

import com.renovation.media.localstack.PlatformSettings;
import com.renovation.media.localstack.ServiceFleet;
import com.renovation.media.localtokens.LocalTokens;
import java.util.HashMap;
import java.util.Map;

/**
 * Every service, started from its packaged build against the engines {@code ./platform test} runs (ports and
 * home from the environment it exports), once for all browser tests; stopped when their JVM ends.
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
            Runtime.getRuntime().addShutdownHook(new Thread(fleet::close, "stop-services"));
        }
        return settings;
    }

    /** Restarts the console with these settings ({@code Map.of()}: as the platform starts it). */
    static void restartConsole(Map<String, String> environment) throws Exception {
        fleet.restart(PlatformSettings.CONSOLE, environment);
    }

    static String consoleUrl() {
        return consoleOrigin() + "/";
    }

    static String consoleOrigin() {
        return settings.serviceUrl(PlatformSettings.CONSOLE);
    }

    static String apiUrl() {
        return settings.serviceUrl("asset-service");
    }

    /** The SMTP server's JSON API and web page, where every mail the platform sent can be read. */
    static String mailUrl() {
        return settings.mailUrl();
    }

    static LocalTokens tokens() {
        return new LocalTokens(settings.home());
    }
}

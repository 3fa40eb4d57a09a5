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
    private static OtlpReceiver traces;

    private Platform() {
    }

    static synchronized PlatformSettings start() throws Exception {
        if (fleet == null) {
            Map<String, String> env = new HashMap<>(System.getenv());
            env.put("PLATFORM_ROOT", PlatformSettings.findRoot().toString());
            env.remove("PLATFORM_SERVICES");
            settings = PlatformSettings.fromEnvironment(env);
            traces = OtlpReceiver.start();
            fleet = ServiceFleet.start(settings, tracing(traces.endpoint()));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                fleet.close();
                traces.close();
            }, "stop-services"));
        }
        return settings;
    }

    /**
     * Traces on, as an operator turns them on, exported to this JVM's receiver: every journey runs with them (their
     * context travels through every hop), and TracingIT reads one upload's trace back. Only traces a caller asked to
     * record (a sampled traceparent, which TracingIT sends and browsers do not) are exported: the journeys' own
     * would cost CPU and prove nothing more. A short export delay, so a test waits for spans in milliseconds.
     */
    private static Map<String, String> tracing(String endpoint) {
        return Map.of("OTEL_SDK_DISABLED", "false", "OTEL_EXPORTER_OTLP_ENDPOINT", endpoint,
                "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf", "OTEL_BSP_SCHEDULE_DELAY", "100ms",
                "OTEL_TRACES_SAMPLER", "parentbased_always_off");
    }

    /** The spans every service exported. */
    static OtlpReceiver traces() {
        return traces;
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

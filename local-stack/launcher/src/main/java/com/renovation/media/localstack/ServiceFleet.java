package com.renovation.media.localstack;

import com.renovation.media.localtokens.LocalTokens;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The platform's services, started together against engines that already run and stopped together: the second
 * phase of {@code ./platform up}, and the whole platform under the browser tests.
 */
public final class ServiceFleet implements AutoCloseable {

    private final PlatformSettings settings;
    private final LocalTokens tokens;
    private final List<Engine> services;
    private final Map<String, String> environment;

    private ServiceFleet(PlatformSettings settings, LocalTokens tokens, List<Engine> services,
            Map<String, String> environment) {
        this.settings = settings;
        this.tokens = tokens;
        this.services = new CopyOnWriteArrayList<>(services);
        this.environment = Map.copyOf(environment);
    }

    static List<Engine> of(PlatformSettings settings, LocalTokens tokens) {
        return of(settings, tokens, Map.of());
    }

    private static List<Engine> of(PlatformSettings settings, LocalTokens tokens, Map<String, String> environment) {
        return settings.services().stream()
                .<Engine>map(spec -> new ServiceProcess(settings, spec, tokens, environment)).toList();
    }

    /** Starts every service of {@code settings} and waits until each is healthy; throws (having stopped them) if not. */
    public static ServiceFleet start(PlatformSettings settings) throws Exception {
        return start(settings, Map.of());
    }

    /** As {@link #start(PlatformSettings)}, every service with {@code environment} added to the platform's. */
    public static ServiceFleet start(PlatformSettings settings, Map<String, String> environment) throws Exception {
        Files.createDirectories(settings.runDir());
        Files.createDirectories(settings.logDir());
        LocalTokens tokens = new LocalTokens(settings.home());
        tokens.ensureKeys();
        List<Engine> services = of(settings, tokens, environment);
        if (!StartPhase.startTogether(services, settings.logDir().toString())) {
            StartPhase.stopTogether(services);
            throw new IllegalStateException("the services did not start; their logs are in " + settings.logDir());
        }
        return new ServiceFleet(settings, tokens, services, environment);
    }

    /**
     * Restarts one service with {@code environment} replacing or adding to the fleet's (empty: as the fleet
     * started it), on the same ports, and waits until it is healthy: a test's variant of one service.
     */
    public void restart(String name, Map<String, String> environment) throws Exception {
        Engine running = services.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name + " in this fleet"));
        running.stop();
        services.remove(running);
        PlatformSettings.ServiceSpec spec = settings.services().stream().filter(s -> s.name().equals(name))
                .findFirst().orElseThrow();
        Map<String, String> merged = new HashMap<>(this.environment);
        merged.putAll(environment);
        Engine replacement = new ServiceProcess(settings, spec, tokens, merged);
        services.add(replacement);
        if (!StartPhase.startTogether(List.of(replacement), settings.logDir().toString())) {
            throw new IllegalStateException(name + " did not start again; its log is in " + settings.logDir());
        }
    }

    @Override
    public void close() {
        StartPhase.stopTogether(services);
    }
}

package com.renovation.media.localstack;

import com.renovation.media.localtokens.LocalTokens;
import java.nio.file.Files;
import java.util.List;

/**
 * The platform's services, started together against engines that already run and stopped together: the second
 * phase of {@code ./platform up}, and the whole platform under the browser tests.
 */
public final class ServiceFleet implements AutoCloseable {

    private final List<Engine> services;

    private ServiceFleet(List<Engine> services) {
        this.services = services;
    }

    static List<Engine> of(PlatformSettings settings, LocalTokens tokens) {
        return settings.services().stream().<Engine>map(spec -> new ServiceProcess(settings, spec, tokens)).toList();
    }

    /** Starts every service of {@code settings} and waits until each is healthy; throws (having stopped them) if not. */
    public static ServiceFleet start(PlatformSettings settings) throws Exception {
        Files.createDirectories(settings.runDir());
        Files.createDirectories(settings.logDir());
        LocalTokens tokens = new LocalTokens(settings.home());
        tokens.ensureKeys();
        List<Engine> services = of(settings, tokens);
        if (!StartPhase.startTogether(services, settings.logDir().toString())) {
            StartPhase.stopTogether(services);
            throw new IllegalStateException("the services did not start; their logs are in " + settings.logDir());
        }
        return new ServiceFleet(services);
    }

    @Override
    public void close() {
        StartPhase.stopTogether(services);
    }
}

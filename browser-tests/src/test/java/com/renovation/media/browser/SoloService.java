package com.renovation.media.browser;

import com.renovation.media.localstack.PlatformSettings;
import com.renovation.media.localstack.ServiceFleet;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One service alone, on ports of its own and with settings of its own, for the tests that stop or kill it: the
 * browser journeys' platform is not disturbed. It shares the test engines.
 */
final class SoloService implements AutoCloseable {

    final String name;
    final PlatformSettings settings;
    private final ServiceFleet fleet;
    private final Map<String, String> environment;

    private SoloService(String name, PlatformSettings settings, ServiceFleet fleet, Map<String, String> environment) {
        this.name = name;
        this.settings = settings;
        this.fleet = fleet;
        this.environment = environment;
    }

    /** Starts {@code name} on {@code port} (operators: {@code managementPort}) with {@code environment} added. */
    static SoloService start(String name, int port, int managementPort, Map<String, String> environment)
            throws Exception {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PLATFORM_ROOT", PlatformSettings.findRoot().toString());
        env.put("PLATFORM_SERVICES", name);
        String variable = name.toUpperCase(Locale.ROOT).replace('-', '_');
        env.put(variable + "_PORT", Integer.toString(port));
        env.put(variable + "_MANAGEMENT_PORT", Integer.toString(managementPort));
        PlatformSettings settings = PlatformSettings.fromEnvironment(env);
        SoloService solo = new SoloService(name, settings, ServiceFleet.start(settings), environment);
        solo.restart();
        return solo;
    }

    /** Starts it again (after a kill or a stop) with the same settings, and waits until it is ready. */
    void restart() throws Exception {
        fleet.restart(name, environment);
    }

    String url() {
        return settings.serviceUrl(name);
    }

    int managementPort() {
        return settings.services().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow()
                .managementPort();
    }

    /** The running service's process, from the pid file the launcher writes. */
    ProcessHandle process() throws IOException {
        long pid = Long.parseLong(Files.readString(settings.runDir().resolve(name + ".pid")).strip()
                .split("\\s+")[0]);
        return ProcessHandle.of(pid).orElseThrow();
    }

    @Override
    public void close() {
        fleet.close();
    }
}

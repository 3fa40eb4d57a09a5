package com.renovation.media.localstack;

import com.renovation.media.contracts.payments.PaymentEventType;
import com.renovation.media.localtokens.LocalTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code ./platform up|down|status|token|pay}: runs the whole platform on this machine against real engines.
 * {@code up} stays in the foreground and restarts a process that crashes; Ctrl-C (or {@code down} from another
 * shell) stops everything in reverse order.
 */
public final class Launcher {

    private static final String USAGE = """
            usage: ./platform up [--engines-only] [--no-warm-up] [--observability]
                                                    start PostgreSQL, Kafka, S3, SMTP, the stand-in provider and the
                                                    services, then warm them up with a few uploads through the API;
                                                    Ctrl-C stops all; --observability: Prometheus too, scraping the
                                                    services and evaluating the alert rules
                   ./platform down                  stop a running platform
                   ./platform status                exit 0 only when every engine and service is healthy
                   ./platform token <user> [--admin] [--plan free|pro|enterprise] [--email <address>]
                                                    print a bearer token the local services accept
                   ./platform pay <orderId> [--fail|--refund]
                                                    send order-service the provider's signed payment webhook
                   ./platform test [maven args]     start engines on the test ports, run every test, stop them
            """;

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.print(USAGE);
            System.exit(2);
        }
        PlatformSettings settings;
        try {
            settings = PlatformSettings.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        int exit = switch (args[0]) {
            case "up" -> up(rest.contains("--engines-only") ? settings.withoutServices() : settings,
                    rest.contains("--no-warm-up"), rest.contains("--observability"));
            case "down" -> down(settings);
            case "status" -> status(settings);
            case "token" -> token(settings, rest);
            case "pay" -> pay(settings, rest);
            default -> {
                System.err.print(USAGE);
                yield 2;
            }
        };
        System.exit(exit);
    }

    private static List<Engine> engines(PlatformSettings settings, LocalTokens jwt, boolean observability) {
        return phases(settings, jwt, observability).stream().flatMap(List::stream).toList();
    }

    /**
     * What may start together: the engines (with Prometheus under {@code --observability}: it only needs to know
     * the services' ports), then the services (which all need every engine).
     */
    private static List<List<Engine>> phases(PlatformSettings settings, LocalTokens jwt, boolean observability) {
        List<Engine> engines = new ArrayList<>(engineProcesses(settings));
        if (observability) {
            engines.add(new PrometheusEngine(settings));
        }
        return List.of(List.copyOf(engines), ServiceFleet.of(settings, jwt));
    }

    /** Written by {@code up --observability}, so that {@code status} checks Prometheus too. */
    private static Path observabilityMarker(PlatformSettings settings) {
        return settings.runDir().resolve("observability");
    }

    /**
     * PostgreSQL, Kafka, S3, SMTP, and the stand-in provider when the build has it: what {@code --engines-only}
     * (so {@code ./platform test}) starts too, since the browser tests' order-service needs the last two as well.
     */
    static List<Engine> engineProcesses(PlatformSettings settings) {
        List<Engine> engines = new ArrayList<>(List.of(new PostgresEngine(settings), new KafkaEngine(settings),
                new S3Engine(settings), new SmtpEngine(settings)));
        if (settings.hasProviderStandIn()) {
            engines.add(new ProviderStandInEngine(settings));
        }
        return List.copyOf(engines);
    }

    private static int up(PlatformSettings settings, boolean skipWarmUp, boolean observability) throws Exception {
        try {
            // before anything starts: an unsupported host gets one line saying why, not a stack trace
            HostPlatform.current().requirePostgresBinaries(Launcher.class.getClassLoader());
        } catch (HostPlatform.UnsupportedHostException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        if (observability && PrometheusEngine.executable(System.getenv("PATH")).isEmpty()) {
            System.err.println(PrometheusEngine.NOT_INSTALLED);
            return 2;
        }
        Path launcherPid = settings.runDir().resolve("launcher.pid");
        if (ManagedProcess.fromPidFile(launcherPid).isPresent()) {
            System.err.println("a platform is already running from " + settings.home() + " (./platform down stops it)");
            return 1;
        }
        Files.createDirectories(settings.runDir());
        Files.createDirectories(settings.logDir());
        Files.writeString(launcherPid, Long.toString(ProcessHandle.current().pid()));
        Files.writeString(settings.runDir().resolve("services"),
                String.join("\n", settings.services().stream().map(PlatformSettings.ServiceSpec::name).toList()));
        if (observability) {
            Files.writeString(observabilityMarker(settings), "prometheus");
        } else {
            Files.deleteIfExists(observabilityMarker(settings));
        }
        LocalTokens jwt = new LocalTokens(settings.home());
        jwt.ensureKeys();

        // read by the shutdown hook and the restart loop while a phase is still starting
        List<List<Engine>> started = new CopyOnWriteArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            System.out.println("stopping the platform...");
            stopAll(started);
            deleteQuietly(launcherPid);
            System.out.println("stopped");
            stopped.countDown();
        }, "platform-shutdown"));

        long begin = System.nanoTime();
        for (List<Engine> phase : phases(settings, jwt, observability)) {
            started.add(phase); // before they start: a stop during start-up reaches them too
            if (!StartPhase.startTogether(phase, settings.logDir().toString())) {
                return 1; // the shutdown hook stops what did start
            }
        }
        if (WarmUp.applies(settings) && !skipWarmUp) {
            warmUp(settings, jwt);
        }
        System.out.printf("%nplatform ready in %.1f s; data in %s, logs in %s%n", (System.nanoTime() - begin) / 1e9,
                settings.home(), settings.logDir());
        if (settings.services().stream().anyMatch(s -> s.name().equals(PlatformSettings.CONSOLE))) {
            System.out.println("console " + settings.serviceUrl(PlatformSettings.CONSOLE) + "/  (sign in with any user name)");
        }
        System.out.println("mails:  " + settings.mailUrl() + "/  (every mail the platform sends; JSON: "
                + settings.mailUrl() + "/api/user/{email}/messages/)");
        if (observability) {
            System.out.println("metrics: " + settings.prometheusUrl() + "/  (Prometheus: the services' metrics;"
                    + " alerts at " + settings.prometheusUrl() + "/alerts)");
        }
        System.out.println("token:  ./platform token alice    status: ./platform status    stop: Ctrl-C or ./platform down");
        // until SIGINT/SIGTERM runs the hook; meanwhile restart whatever crashed, as an orchestrator would
        while (!stopped.await(1, TimeUnit.SECONDS)) {
            restartCrashed(started, stopping);
        }
        return 0;
    }

    /** The warm-up's line, or why it could not finish: the platform is up either way. */
    private static void warmUp(PlatformSettings settings, LocalTokens tokens) {
        try {
            System.out.printf("  %-17s %s%n", "warm-up", WarmUp.run(settings, tokens));
        } catch (Exception e) {
            System.out.printf("  %-17s did not finish (%s); the first requests will be slower%n", "warm-up",
                    e.getMessage());
        }
    }

    private static void restartCrashed(List<List<Engine>> started, AtomicBoolean stopping) {
        for (Engine engine : started.stream().flatMap(List::stream).toList()) {
            if (stopping.get() || !engine.crashed()) {
                continue;
            }
            System.out.printf("%s exited unexpectedly: restarting%n", engine.name());
            try {
                engine.stop();
                engine.start();
                System.out.printf("%s restarted%n", engine.name());
            } catch (Exception e) {
                System.err.printf("%s did not restart: %s (will retry)%n", engine.name(), e.getMessage());
            }
        }
    }

    /**
     * The phases in reverse; the engines of one phase stop together, as they started, except PostgreSQL, which
     * goes last: services and Kafka still working on events must never find the database gone.
     */
    private static void stopAll(List<List<Engine>> started) {
        for (int i = started.size() - 1; i >= 0; i--) {
            List<Engine> phase = started.get(i);
            StartPhase.stopTogether(phase.stream().filter(e -> !(e instanceof PostgresEngine)).toList());
            StartPhase.stopTogether(phase.stream().filter(PostgresEngine.class::isInstance).toList());
        }
    }

    /** Stops the launcher (its hook stops the rest), then anything a killed launcher left behind. */
    private static int down(PlatformSettings settings) throws Exception {
        Path runDir = settings.runDir();
        Optional<ProcessHandle> launcher = ManagedProcess.fromPidFile(runDir.resolve("launcher.pid"));
        launcher.ifPresent(handle -> ManagedProcess.terminate(handle, Duration.ofSeconds(90)));
        boolean leftovers = false;
        if (Files.isDirectory(runDir)) {
            try (var files = Files.list(runDir)) {
                for (Path pidFile : files.filter(f -> f.toString().endsWith(".pid")).toList()) {
                    Optional<ProcessHandle> orphan = ManagedProcess.fromPidFile(pidFile);
                    if (orphan.isPresent()) {
                        leftovers = true;
                        ManagedProcess.terminate(orphan.get(), Duration.ofSeconds(20));
                    }
                    deleteQuietly(pidFile);
                }
            }
        }
        Optional<ProcessHandle> postmaster = ManagedProcess.fromPidFile(
                new PostgresEngine(settings).postmasterPidFile());
        if (postmaster.isPresent()) {
            leftovers = true;
            // SIGINT is PostgreSQL's fast shutdown: it does not wait for clients to disconnect
            new ProcessBuilder("kill", "-INT", Long.toString(postmaster.get().pid())).inheritIO().start().waitFor();
            ManagedProcess.terminate(postmaster.get(), Duration.ofSeconds(30));
        }
        if (launcher.isEmpty() && !leftovers) {
            System.out.println("no platform was running from " + settings.home());
        } else {
            System.out.println("platform stopped");
        }
        return 0;
    }

    private static int status(PlatformSettings settings) throws Exception {
        Path servicesFile = settings.runDir().resolve("services");
        List<PlatformSettings.ServiceSpec> running = Files.exists(servicesFile)
                ? settings.services().stream().filter(s -> readLines(servicesFile).contains(s.name())).toList()
                : settings.services();
        PlatformSettings actual = settings.withServices(running);
        boolean allHealthy = true;
        for (Engine engine : engines(actual, new LocalTokens(settings.home()),
                Files.exists(observabilityMarker(settings)))) {
            boolean healthy = engine.healthy();
            allHealthy &= healthy;
            System.out.printf("%-17s %-5s %s%n", engine.name(), healthy ? "UP" : "DOWN", engine.address());
        }
        return allHealthy ? 0 : 1;
    }

    private static final List<String> PLANS = List.of("free", "pro", "enterprise");

    private static int token(PlatformSettings settings, List<String> args) throws Exception {
        int planAt = args.indexOf("--plan");
        String plan = planAt < 0 || planAt + 1 >= args.size() ? null : args.get(planAt + 1);
        int emailAt = args.indexOf("--email");
        String email = emailAt < 0 || emailAt + 1 >= args.size() ? null : args.get(emailAt + 1);
        List<String> users = new java.util.ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            boolean optionValue = (planAt >= 0 && i == planAt + 1) || (emailAt >= 0 && i == emailAt + 1);
            if (!args.get(i).startsWith("--") && !optionValue) {
                users.add(args.get(i));
            }
        }
        if (users.size() != 1 || users.get(0).isBlank() || (planAt >= 0 && !PLANS.contains(plan))
                || (emailAt >= 0 && (email == null || !LocalTokens.looksLikeEmail(email)))) {
            System.err.println("usage: ./platform token <user> [--admin] [--plan free|pro|enterprise]"
                    + " [--email <address>]");
            return 2;
        }
        String user = users.get(0);
        System.out.println(new LocalTokens(settings.home()).token(user, args.contains("--admin"), plan,
                email == null ? LocalTokens.emailOf(user) : email, Duration.ofHours(12)));
        return 0;
    }

    private static int pay(PlatformSettings settings, List<String> args) throws Exception {
        List<String> ids = args.stream().filter(a -> !a.startsWith("--")).toList();
        List<String> options = args.stream().filter(a -> a.startsWith("--")).toList();
        java.util.UUID orderId = null;
        try {
            orderId = ids.size() == 1 ? java.util.UUID.fromString(ids.get(0)) : null;
        } catch (IllegalArgumentException notAnId) {
            // usage below
        }
        if (orderId == null || options.size() > 1 || !List.of("--fail", "--refund").containsAll(options)) {
            System.err.println("usage: ./platform pay <orderId> [--fail|--refund]");
            return 2;
        }
        PaymentEventType type = options.contains("--fail") ? PaymentEventType.PAYMENT_FAILED
                : options.contains("--refund") ? PaymentEventType.REFUNDED : PaymentEventType.PAYMENT_SUCCEEDED;
        return LocalPayment.run(settings, orderId, type);
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (Exception e) {
            return List.of();
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (Exception ignored) {
            // best effort
        }
    }
}

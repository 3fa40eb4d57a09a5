package com.renovation.media.localstack;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Starts engines that do not depend on each other at the same time, each reporting when it is healthy: the
 * engines together, then the services together (every service needs all engines, none needs another service).
 */
final class StartPhase {

    private StartPhase() {
    }

    /** Starts them all and waits for each; answers false when any failed (its error is printed). */
    static boolean startTogether(List<Engine> engines, String logDir) throws InterruptedException {
        if (engines.isEmpty()) {
            return true;
        }
        System.out.printf("starting %s%n", String.join(", ", engines.stream().map(Engine::name).toList()));
        ExecutorService pool = Executors.newFixedThreadPool(engines.size());
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (Engine engine : engines) {
                results.add(pool.submit(() -> start(engine)));
            }
            boolean all = true;
            for (Future<Boolean> result : results) {
                try {
                    all &= result.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    all = false;
                }
            }
            if (!all) {
                System.err.println("logs: " + logDir);
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Stops them all at once and waits for each (a service writing its AOT cache takes seconds). */
    static void stopTogether(List<Engine> engines) {
        List<Thread> stopping = new ArrayList<>();
        for (Engine engine : engines) {
            stopping.add(Thread.ofPlatform().name("stop-" + engine.name()).start(() -> {
                try {
                    engine.stop();
                } catch (RuntimeException e) {
                    System.err.println(engine.name() + " did not stop cleanly: " + e.getMessage());
                }
            }));
        }
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean start(Engine engine) {
        long begin = System.nanoTime();
        try {
            engine.start();
        } catch (Exception e) {
            synchronized (System.out) {
                System.out.printf("  %-17s FAILED%n", engine.name());
                System.err.println(engine.name() + ": " + e.getMessage());
            }
            return false;
        }
        synchronized (System.out) {
            System.out.printf("  %-17s ready in %4.1f s  %s%n", engine.name(), (System.nanoTime() - begin) / 1e9,
                    engine.address());
        }
        return true;
    }
}

package com.renovation.media.standin;

import static org.assertj.core.api.Assertions.assertThat;

import com.renovation.media.contracts.predictions.PredictionStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdempotencyTest {

    @TempDir
    Path dir;

    private static StoredPrediction prediction(String id, String key) {
        return new StoredPrediction(id, "restoration", key, Map.of("image", "http://x/a.jpg"),
                PredictionStatus.STARTING, null, false, false, false, "2024-01-01T00:00:00Z", null, null);
    }

    @Test
    void theSameKeyFromManyThreadsMakesOnePrediction() throws Exception {
        PredictionStore store = new PredictionStore(dir);
        AtomicInteger made = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<PredictionStore.Created>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return store.createOnce("job-1-attempt-1", k -> prediction(
                            String.format("%032x", made.incrementAndGet()), k));
                }));
            }
            go.countDown();
            Set<String> ids = ConcurrentHashMap.newKeySet();
            int fresh = 0;
            for (Future<PredictionStore.Created> r : results) {
                ids.add(r.get().prediction().id());
                fresh += r.get().isNew() ? 1 : 0;
            }
            assertThat(ids).hasSize(1);
            assertThat(fresh).isEqualTo(1);
            assertThat(made).hasValue(1);
        }
    }

    @Test
    void keysSurviveARestart() {
        PredictionStore first = new PredictionStore(dir);
        first.createOnce("k", k -> prediction("0".repeat(31) + "1", k));
        PredictionStore second = new PredictionStore(dir);
        PredictionStore.Created again = second.createOnce("k", k -> prediction("0".repeat(31) + "2", k));
        assertThat(again.isNew()).isFalse();
        assertThat(again.prediction().id()).isEqualTo("0".repeat(31) + "1");
    }

    @Test
    void anEndedPredictionIsNeverMovedBack() {
        PredictionStore store = new PredictionStore(dir);
        String id = "0".repeat(31) + "3";
        store.createOnce("c", k -> prediction(id, k));
        store.update(id, p -> p.ended(PredictionStatus.CANCELED, null, false, "t"));
        StoredPrediction after = store.update(id, p -> p.status().terminal() ? p : p.started("t2"));
        assertThat(after.status()).isEqualTo(PredictionStatus.CANCELED);
    }

    @Test
    void ratesAreExactShares() {
        assertThat(countYes(1.0, 10)).isEqualTo(10);
        assertThat(countYes(0.0, 10)).isZero();
        assertThat(countYes(0.5, 10)).isEqualTo(5);
        assertThat(countYes(0.3, 10)).isEqualTo(3);
    }

    @Test
    void outputNamesAreOnlyOnesTheStoreWrites() {
        PredictionStore store = new PredictionStore(dir);
        assertThat(store.output("../predictions/x.json")).isEmpty();
        assertThat(store.output("%2e%2e")).isEmpty();
    }

    private static int countYes(double rate, int n) {
        int yes = 0;
        for (int i = 1; i <= n; i++) {
            yes += ProviderStandIn.decide(i, rate) ? 1 : 0;
        }
        return yes;
    }
}

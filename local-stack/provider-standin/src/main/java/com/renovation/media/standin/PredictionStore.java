package com.renovation.media.standin;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Predictions in memory and on disk ({@code <dataDir>/predictions/<id>.json}, outputs in {@code <dataDir>/outputs}).
 * Every change is written before it is answered, by an atomic rename, so a stand-in killed at any point finds on
 * restart each prediction as some answer described it. The idempotency index is rebuilt from the files.
 */
final class PredictionStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path predictionsDir;
    private final Path outputsDir;
    private final Map<String, StoredPrediction> byId = new ConcurrentHashMap<>();
    private final Map<String, String> idByKey = new ConcurrentHashMap<>();

    PredictionStore(Path dataDir) {
        this.predictionsDir = dataDir.resolve("predictions");
        this.outputsDir = dataDir.resolve("outputs");
        try {
            Files.createDirectories(predictionsDir);
            Files.createDirectories(outputsDir);
            try (Stream<Path> files = Files.list(predictionsDir)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
                    StoredPrediction p = JSON.readValue(file.toFile(), StoredPrediction.class);
                    byId.put(p.id(), p);
                    if (p.idempotencyKey() != null) {
                        idByKey.put(p.idempotencyKey(), p.id());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("stand-in data directory " + dataDir + " is not usable", e);
        }
    }

    /** Whether this call created the prediction, or found the one made earlier with the same key. */
    record Created(StoredPrediction prediction, boolean isNew) {
    }

    /**
     * The prediction of {@code key}: the one created before with it, or a new one made by {@code create} and written
     * to disk before anyone can see it. Requests with the same key wait for each other here, so two at once still
     * make one prediction. A request without a key always creates.
     */
    Created createOnce(String key, Function<String, StoredPrediction> create) {
        if (key == null) {
            StoredPrediction p = create.apply(null);
            save(p);
            return new Created(p, true);
        }
        boolean[] made = {false};
        String id = idByKey.computeIfAbsent(key, k -> {
            StoredPrediction p = create.apply(k);
            save(p);
            made[0] = true;
            return p.id();
        });
        return new Created(byId.get(id), made[0]);
    }

    Optional<StoredPrediction> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    Collection<StoredPrediction> all() {
        return List.copyOf(byId.values());
    }

    /** Applies {@code change} to the prediction and writes it; serialised per prediction. */
    StoredPrediction update(String id, UnaryOperator<StoredPrediction> change) {
        StoredPrediction[] result = new StoredPrediction[1];
        byId.computeIfPresent(id, (k, current) -> {
            StoredPrediction next = change.apply(current);
            if (next != current) {
                write(next);
            }
            result[0] = next;
            return next;
        });
        return result[0];
    }

    Path outputPath(StoredPrediction p) {
        return outputsDir.resolve(p.outputFile());
    }

    /** An output file by its name in URLs, only ever one this store wrote (no path of the caller's choosing). */
    Optional<Path> output(String file) {
        if (!file.matches("[0-9a-f]{32}\\.jpg")) {
            return Optional.empty();
        }
        Path path = outputsDir.resolve(file);
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    void writeOutput(StoredPrediction p, byte[] jpeg) {
        atomicWrite(outputPath(p), jpeg);
    }

    private void save(StoredPrediction p) {
        write(p);
        byId.put(p.id(), p);
    }

    private void write(StoredPrediction p) {
        try {
            atomicWrite(predictionsDir.resolve(p.id() + ".json"), JSON.writeValueAsBytes(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void atomicWrite(Path target, byte[] bytes) {
        try {
            Path tmp = Files.createTempFile(target.getParent(), ".write-", ".tmp");
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + target, e);
        }
    }
}

package com.renovation.media.assets.service.assets;

import com.renovation.media.assets.config.MetricsConfig;
import com.renovation.media.assets.repository.AssetStatus;
import io.micrometer.core.instrument.MeterRegistry;
import com.renovation.media.assets.service.uploads.UploadRules;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Prometheus gauges of what is stored: assets by type and status, pending uploads, stored bytes by asset type and
 * the largest session's bytes. Labels take only bounded values (types, statuses), never an id: a label per
 * session would name users' sessions to whoever reads the metrics and grow the series without bound.
 * Refreshed on a schedule by aggregate queries, not counted per request.
 */
@ApplicationScoped
public class AssetMetrics {

    private static final Logger LOG = Logger.getLogger(AssetMetrics.class);
    /** Assets whose bytes count as stored: confirmed and not failed. */
    private static final String IN_USE = AssetStatus.IN_USE.stream()
            .map(status -> "'" + status.value() + "'").collect(Collectors.joining(", ", "status IN (", ")"));

    private final MultiGauge assetsByTypeAndStatus;
    private final MultiGauge storedBytesByType;
    private final MultiGauge largestSessionBytes;
    private final MultiGauge pendingUploads;

    /** Injected so the mapping, the home of {@code platform.metrics.refresh}, is registered for the schedule. */
    public AssetMetrics(MeterRegistry registry, MetricsConfig config) {
        assetsByTypeAndStatus = MultiGauge.builder("assets").description("assets by type and status")
                .register(registry);
        storedBytesByType = MultiGauge.builder("assets.stored.bytes")
                .description("bytes of confirmed assets by asset type").baseUnit("bytes").register(registry);
        largestSessionBytes = MultiGauge.builder("assets.session.stored.bytes.max")
                .description("bytes of confirmed assets in the largest session").baseUnit("bytes").register(registry);
        pendingUploads = MultiGauge.builder("assets.pending.uploads").description("uploads requested, not confirmed")
                .register(registry);
    }

    /** Every asset type's bytes, 0 for a type nobody stores: a gauge without rows would vanish from the scrape. */
    private static List<MultiGauge.Row<?>> storedBytesRows(List<Object[]> rows) {
        java.util.Map<String, Double> bytes = new java.util.TreeMap<>();
        UploadRules.assetTypes().forEach(type -> bytes.put(type, 0.0));
        rows.forEach(r -> bytes.put((String) r[0], ((Number) r[1]).doubleValue()));
        return bytes.entrySet().stream().<MultiGauge.Row<?>>map(e -> MultiGauge.Row.of(Tags.of("type", e.getKey()),
                e.getValue())).toList();
    }

    @Scheduled(every = "${platform.metrics.refresh}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> refresh() {
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                        "SELECT asset_type, status, count(*) FROM room_assets GROUP BY asset_type, status", Object[].class)
                .getResultList()
                .invoke(rows -> {
                    assetsByTypeAndStatus.register(rows.stream().map(r -> MultiGauge.Row.of(
                            Tags.of("type", (String) r[0], "status", (String) r[1]), ((Number) r[2]).doubleValue()))
                            .toList(), true);
                    double pending = rows.stream().filter(r -> AssetStatus.PENDING.value().equals(r[1]))
                            .mapToDouble(r -> ((Number) r[2]).doubleValue()).sum();
                    pendingUploads.register(List.of(MultiGauge.Row.of(Tags.empty(), pending)), true);
                })
                .chain(() -> s.createNativeQuery("SELECT asset_type, sum(file_size) FROM room_assets"
                        + " WHERE " + IN_USE + " GROUP BY asset_type",
                        Object[].class).getResultList())
                .invoke(rows -> storedBytesByType.register(storedBytesRows(rows), true))
                .chain(() -> s.createNativeQuery("SELECT coalesce(max(bytes), 0) FROM (SELECT sum(file_size) AS bytes"
                        + " FROM room_assets WHERE " + IN_USE + " GROUP BY session_id) t",
                        Number.class).getSingleResult())
                .invoke(max -> largestSessionBytes.register(List.of(MultiGauge.Row.of(Tags.empty(),
                        max.doubleValue())), true))))
                .replaceWithVoid()
                .onFailure().invoke(e -> LOG.debugf("metrics refresh failed: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }
}

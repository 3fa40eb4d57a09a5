package com.renovation.media.orders.jobs;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import io.quarkus.vertx.VertxContextSupport;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Paid orders written straight into the database, as the payment webhook leaves them (processing, one queued job
 * per item), with their originals in the order_assets projection and real JPEGs in S3: the job worker's tests do
 * not depend on the orders API.
 */
final class JobTestData {

    static final String BUCKET = "user-uploads";
    private static final AtomicInteger NUMBERS = new AtomicInteger(ThreadLocalRandom.current().nextInt(100_000, 800_000));

    record PaidOrder(UUID orderId, UUID sessionId, UUID roomId, String ownerId, List<UUID> jobIds,
            List<UUID> assetIds, List<UUID> outputAssetIds, List<String> storagePaths) {
    }

    private final Pool pool;
    private final S3Client s3;

    JobTestData(Pool pool, S3Client s3) {
        this.pool = pool;
        this.s3 = s3;
    }

    static byte[] jpeg(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(120, 110, 90), width, height, new Color(160, 150, 130)));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.DARK_GRAY);
        g.fillRect(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A paid order of one job per service named, each on its own original, due now, ending at {@code deadline}. */
    PaidOrder paidOrder(java.time.Duration deadline, String... services) {
        UUID orderId = UUID.randomUUID();
        UUID sessionId = UUID.randomUUID();
        UUID roomId = UUID.randomUUID();
        String owner = "user-" + UUID.randomUUID();
        String number = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE) + "-"
                + String.format("%06d", NUMBERS.incrementAndGet());
        sql("INSERT INTO orders (id, number, owner_id, session_id, status, payment_status, payment_id, currency,"
                + " subtotal, tax, total, paid_at) VALUES ($1, $2, $3, $4, 'processing', 'succeeded', $5, 'EUR', 9.80,"
                + " 1.96, 11.76, now())", Tuple.of(orderId, number, owner, sessionId, "pay_" + orderId));
        List<UUID> jobs = new ArrayList<>();
        List<UUID> assets = new ArrayList<>();
        List<UUID> outputs = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < services.length; i++) {
            UUID assetId = UUID.randomUUID();
            String path = "session_" + sessionId + "/room_" + roomId + "/photos/" + System.currentTimeMillis()
                    + "_kitchen wall " + i + ".jpg";
            byte[] jpeg = jpeg(96, 64);
            s3.putObject(b -> b.bucket(BUCKET).key(path).contentType("image/jpeg"), RequestBody.fromBytes(jpeg));
            sql("INSERT INTO order_assets (asset_id, session_id, room_id, owner_id, asset_type, bucket, storage_path,"
                    + " content_type, file_size) VALUES ($1, $2, $3, $4, 'photo', $5, $6, 'image/jpeg', $7)",
                    Tuple.from(List.of(assetId, sessionId, roomId, owner, BUCKET, path, (long) jpeg.length)));
            UUID itemId = UUID.randomUUID();
            sql("INSERT INTO order_items (id, order_id, position, asset_id, service, price) VALUES ($1, $2, $3, $4,"
                    + " $5, 4.90)", Tuple.of(itemId, orderId, i, assetId, services[i]));
            UUID jobId = UUID.randomUUID();
            UUID outputId = UUID.randomUUID();
            sql("INSERT INTO jobs (id, order_id, item_id, service, status, max_attempts, next_attempt_at, deadline_at,"
                    + " output_asset_id, queued_at) VALUES ($1, $2, $3, $4, 'queued', 3, now(),"
                    + " now() + make_interval(secs => $5), $6, now())",
                    Tuple.from(List.of(jobId, orderId, itemId, services[i], (double) deadline.toMillis() / 1000,
                            outputId)));
            jobs.add(jobId);
            assets.add(assetId);
            outputs.add(outputId);
            paths.add(path);
        }
        return new PaidOrder(orderId, sessionId, roomId, owner, jobs, assets, outputs, paths);
    }

    RowSet<Row> sql(String sql, Tuple params) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> pool.preparedQuery(sql).execute(params));
        } catch (Throwable e) {
            throw new IllegalStateException(sql, e);
        }
    }

    Row job(UUID id) {
        return sql("SELECT * FROM jobs WHERE id = $1", Tuple.of(id)).iterator().next();
    }

    Row order(UUID id) {
        return sql("SELECT * FROM orders WHERE id = $1", Tuple.of(id)).iterator().next();
    }
}

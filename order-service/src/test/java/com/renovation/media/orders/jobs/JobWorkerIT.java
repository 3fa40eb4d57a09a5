package com.renovation.media.orders.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.renovation.media.contracts.events.Topics;
import com.renovation.media.contracts.predictions.PredictionStatus;
import com.renovation.media.messaging.testing.KafkaTestClient;
import com.renovation.media.orders.service.jobs.ClaimedJob;
import com.renovation.media.orders.service.jobs.JobWorker;
import com.renovation.media.standin.ProviderStandIn;
import com.renovation.media.standin.StandInMode;
import com.renovation.media.storage.layout.StoragePaths;
import com.renovation.media.storage.s3.PresignedUrls;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * The job worker against the real engines and the stand-in provider (a real HTTP server in this JVM): orders are
 * written as a payment leaves them, the worker is run here step by step (platform.jobs.worker-enabled is false in
 * tests), and the tests look at the jobs' rows, the stand-in's runs, S3 and Kafka.
 */
@QuarkusTest
@TestProfile(JobsTestProfile.class)
class JobWorkerIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LONG_DEADLINE = Duration.ofMinutes(10);

    @Inject
    JobWorker worker;

    @Inject
    Pool pool;

    @Inject
    S3Client s3;

    @Inject
    PresignedUrls presigned;

    private JobTestData data;

    @BeforeEach
    void setUp() {
        data = new JobTestData(pool, s3);
        standIn().mode(StandInMode.NORMAL);
        standIn().publicBaseUrl(null);
    }

    @AfterEach
    void calm() {
        standIn().mode(StandInMode.NORMAL);
        standIn().publicBaseUrl(null);
    }

    private static ProviderStandIn standIn() {
        return ProviderStandInResource.standIn();
    }

    private void runOnce() {
        try {
            VertxContextSupport.subscribeAndAwait(() -> worker.runOnce());
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the worker until every job named has ended; answers their rows. */
    private List<Row> runUntilEnded(Duration limit, List<UUID> jobs) throws InterruptedException {
        long until = System.currentTimeMillis() + limit.toMillis();
        while (System.currentTimeMillis() < until) {
            runOnce();
            List<Row> rows = jobs.stream().map(data::job).toList();
            if (rows.stream().allMatch(r -> List.of("completed", "failed", "cancelled")
                    .contains(r.getString("status")))) {
                return rows;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("jobs did not end within " + limit + ": "
                + jobs.stream().map(data::job).map(r -> r.getString("status") + "/" + r.getString("error_code")).toList());
    }

    private Map<String, Integer> runsOf(UUID jobId) {
        Map<String, Integer> runs = new java.util.TreeMap<>();
        standIn().runsPerKey().forEach((key, count) -> {
            if (key.startsWith("job-" + jobId + "-attempt-")) {
                runs.put(key, count);
            }
        });
        return runs;
    }

    @Test
    void aPaidOrdersJobsRunStoreTheirOutputsAndCompleteTheOrder() throws Exception {
        JobTestData.PaidOrder order = data.paidOrder(LONG_DEADLINE, "restoration", "render");

        List<Row> jobs = runUntilEnded(Duration.ofSeconds(20), order.jobIds());

        for (int i = 0; i < 2; i++) {
            Row job = jobs.get(i);
            assertThat(job.getString("status")).isEqualTo("completed");
            assertThat(job.getInteger("attempts")).isEqualTo(1);
            assertThat(job.getString("external_id")).isNotBlank();
            assertThat(job.getOffsetDateTime("started_at")).isNotNull();
            assertThat(job.getOffsetDateTime("completed_at")).isNotNull();
            assertThat(job.getString("error_code")).isNull();
            assertThat(job.getOffsetDateTime("lease_until")).isNull();
            JsonNode output = JSON.readTree(job.getValue("output").toString());
            String key = StoragePaths.incomingKey(order.sessionId(), order.roomId(), order.outputAssetIds().get(i));
            assertThat(output.get("predictionId").asText()).isEqualTo(job.getString("external_id"));
            assertThat(output.get("contentType").asText()).isEqualTo("image/jpeg");
            assertThat(output.get("url").asText()).startsWith(standIn().url() + "/outputs/");
            assertThat(output.get("storagePath").asText()).isEqualTo(key);
            ResponseBytes<GetObjectResponse> stored = s3.getObjectAsBytes(b -> b.bucket(JobTestData.BUCKET).key(key));
            assertThat(stored.asByteArray()).startsWith(0xFF, 0xD8, 0xFF);
            assertThat(output.get("bytes").asLong()).isEqualTo(stored.asByteArray().length);
            assertThat(runsOf(order.jobIds().get(i))).containsExactly(Map.entry(
                    "job-" + order.jobIds().get(i) + "-attempt-1", 1));
        }
        Row done = data.order(order.orderId());
        assertThat(done.getString("status")).isEqualTo("completed");
        assertThat(done.getOffsetDateTime("completed_at")).isNotNull();

        UUID restoredAsset = order.outputAssetIds().get(0);
        List<JsonNode> ready = await().atMost(Duration.ofSeconds(20)).until(
                () -> KafkaTestClient.eventData(Topics.ORDER_OUTPUT_READY, restoredAsset.toString()),
                events -> events.size() == 1);
        JsonNode event = ready.getFirst();
        assertThat(event.get("assetId").asText()).isEqualTo(restoredAsset.toString());
        assertThat(event.get("orderId").asText()).isEqualTo(order.orderId().toString());
        assertThat(event.get("jobId").asText()).isEqualTo(order.jobIds().get(0).toString());
        assertThat(event.get("sessionId").asText()).isEqualTo(order.sessionId().toString());
        assertThat(event.get("roomId").asText()).isEqualTo(order.roomId().toString());
        assertThat(event.get("ownerId").asText()).isEqualTo(order.ownerId());
        assertThat(event.get("parentAssetId").asText()).isEqualTo(order.assetIds().get(0).toString());
        assertThat(event.get("service").asText()).isEqualTo("restoration");
        assertThat(event.get("bucket").asText()).isEqualTo(JobTestData.BUCKET);
        assertThat(event.get("storagePath").asText()).isEqualTo(StoragePaths.incomingKey(order.sessionId(),
                order.roomId(), restoredAsset));
        assertThat(event.get("contentType").asText()).isEqualTo("image/jpeg");
        assertThat(event.get("fileSize").asLong()).isPositive();
        assertThat(event.get("sha256").asText()).hasSize(64);
        assertThat(event.get("originalFilename").asText()).isEqualTo("kitchen_wall_0-restored.jpg");
        assertThat(KafkaTestClient.eventData(Topics.ORDER_OUTPUT_READY, order.outputAssetIds().get(1).toString())
                .getFirst().get("originalFilename").asText()).isEqualTo("kitchen_wall_1-render.jpg");

        List<JsonNode> completed = await().atMost(Duration.ofSeconds(20)).until(
                () -> KafkaTestClient.eventData(Topics.ORDER_COMPLETED, order.orderId().toString()),
                events -> events.size() == 1);
        assertThat(completed.getFirst().get("status").asText()).isEqualTo("completed");
        assertThat(completed.getFirst().get("jobsCompleted").asInt()).isEqualTo(2);
        assertThat(completed.getFirst().get("jobsFailed").asInt()).isZero();
    }

    @Test
    void aProviderFailingTwiceIsRetriedWithBackoffThenSucceeds() throws Exception {
        JobTestData.PaidOrder order = data.paidOrder(LONG_DEADLINE, "render");
        standIn().mode(StandInMode.failingNext(2));
        Instant started = Instant.now();

        Row job = runUntilEnded(Duration.ofSeconds(25), order.jobIds()).getFirst();

        assertThat(job.getString("status")).isEqualTo("completed");
        assertThat(job.getInteger("attempts")).isEqualTo(3);
        // 2 s and 4 s of backoff, each at least 80% of itself
        assertThat(Duration.between(started, Instant.now())).isGreaterThan(Duration.ofMillis(4_800));
        UUID id = order.jobIds().getFirst();
        assertThat(runsOf(id)).containsExactly(Map.entry("job-" + id + "-attempt-1", 1),
                Map.entry("job-" + id + "-attempt-2", 1), Map.entry("job-" + id + "-attempt-3", 1));
        assertThat(data.order(order.orderId()).getString("status")).isEqualTo("completed");
    }

    @Test
    void aProviderThatAlwaysFailsFailsTheJobAfterThreeAttemptsAndTheOrder() throws Exception {
        JobTestData.PaidOrder order = data.paidOrder(LONG_DEADLINE, "restoration");
        standIn().mode(StandInMode.failing(1));

        Row job = runUntilEnded(Duration.ofSeconds(25), order.jobIds()).getFirst();

        assertThat(job.getString("status")).isEqualTo("failed");
        assertThat(job.getInteger("attempts")).isEqualTo(3);
        assertThat(job.getString("error_code")).isEqualTo("prediction_failed");
        assertThat(job.getString("error_message")).contains("failed");
        assertThat(job.getOffsetDateTime("failed_at")).isNotNull();
        Row failed = data.order(order.orderId());
        assertThat(failed.getString("status")).isEqualTo("failed");
        assertThat(failed.getOffsetDateTime("completed_at")).isNotNull();
        JsonNode event = await().atMost(Duration.ofSeconds(20)).until(
                () -> KafkaTestClient.eventData(Topics.ORDER_COMPLETED, order.orderId().toString()),
                events -> events.size() == 1).getFirst();
        assertThat(event.get("status").asText()).isEqualTo("failed");
        assertThat(event.get("jobsCompleted").asInt()).isZero();
        assertThat(event.get("jobsFailed").asInt()).isEqualTo(1);
    }

    @Test
    void aProviderThatNeverAnswersTimesOutAndTheJobFailsAtItsDeadline() throws Exception {
        JobTestData.PaidOrder order = data.paidOrder(Duration.ofSeconds(3), "render");
        standIn().mode(StandInMode.hanging());
        long hungBefore = standIn().stats().hungRequests();

        Row job = runUntilEnded(Duration.ofSeconds(20), order.jobIds()).getFirst();

        assertThat(job.getString("status")).isEqualTo("failed");
        assertThat(job.getString("error_code")).isEqualTo("deadline_exceeded");
        assertThat(job.getInteger("attempts")).isEqualTo(1);
        assertThat(standIn().stats().hungRequests()).isGreaterThan(hungBefore);
        assertThat(data.order(order.orderId()).getString("status")).isEqualTo("failed");
    }

    @Test
    void aCreateThatHangsIsRepeatedUnderTheSameKeyOnceTheProviderRecovers() throws Exception {
        JobTestData.PaidOrder order = data.paidOrder(LONG_DEADLINE, "render");
        UUID id = order.jobIds().getFirst();
        standIn().mode(StandInMode.hanging());
        runOnce();
        Row afterTimeout = data.job(id);
        // no answer: the create may have been made, so the attempt is not spent and its key is kept
        assertThat(afterTimeout.getString("status")).isEqualTo("processing");
        assertThat(afterTimeout.getString("error_code")).isEqualTo("provider_timeout");
        assertThat(afterTimeout.getInteger("attempts")).isEqualTo(1);
        assertThat(afterTimeout.getString("external_id")).isNull();
        assertThat(afterTimeout.getOffsetDateTime("lease_until")).isNull();
        standIn().mode(StandInMode.NORMAL);

        Row job = runUntilEnded(Duration.ofSeconds(20), order.jobIds()).getFirst();

        assertThat(job.getString("status")).isEqualTo("completed");
        assertThat(job.getInteger("attempts")).isEqualTo(1);
        assertThat(job.getString("error_code")).isNull();
        // one prediction, made by the repeated create under attempt 1's key (runs of other tests' jobs aside)
        assertThat(runsOf(id)).containsExactly(Map.entry("job-" + id + "-attempt-1", 1));
        assertThat(standIn().stats().runsPerKeyMax()).isEqualTo(1);
    }

    @Test
    void aCreateMadeButAnsweredTooLateIsFoundUnderTheSameKeyAndRunsOnce() throws Exception {
        JobTestData.PaidOrder order = data.paidOrder(LONG_DEADLINE, "restoration");
        UUID id = order.jobIds().getFirst();
        // the provider makes the prediction, and answers after the service's request timeout (3 s in tests)
        standIn().mode(StandInMode.answeringLate(4_000));
        runOnce();
        Row afterTimeout = data.job(id);
        assertThat(afterTimeout.getString("status")).isEqualTo("processing");
        assertThat(afterTimeout.getString("error_code")).isEqualTo("provider_timeout");
        assertThat(afterTimeout.getInteger("attempts")).isEqualTo(1);
        // the prediction exists although its answer was lost
        assertThat(runsOf(id)).containsExactly(Map.entry("job-" + id + "-attempt-1", 1));
        standIn().mode(StandInMode.NORMAL);

        Row job = runUntilEnded(Duration.ofSeconds(20), order.jobIds()).getFirst();

        assertThat(job.getString("status")).isEqualTo("completed");
        assertThat(job.getInteger("attempts")).isEqualTo(1);
        // the repeated create found it (no second run, no second key) and the job took its output
        assertThat(runsOf(id)).containsExactly(Map.entry("job-" + id + "-attempt-1", 1));
        assertThat(standIn().stats().runsPerKeyMax()).isEqualTo(1);
    }

    @Test
    void aProviderAnswering500FailsTheAttemptAndTheNextOneHasANewKey() throws Exception {
        JobTestData.PaidOrder order = data.paidOrder(LONG_DEADLINE, "render");
        UUID id = order.jobIds().getFirst();
        standIn().mode(StandInMode.erroring(1));
        runOnce();
        Row afterError = data.job(id);
        assertThat(afterError.getString("status")).isEqualTo("queued");
        assertThat(afterError.getString("error_code")).isEqualTo("provider_error");
        assertThat(afterError.getInteger("attempts")).isEqualTo(1);
        standIn().mode(StandInMode.NORMAL);

        Row job = runUntilEnded(Duration.ofSeconds(20), order.jobIds()).getFirst();

        assertThat(job.getString("status")).isEqualTo("completed");
        assertThat(job.getInteger("attempts")).isEqualTo(2);
        // the 500 created nothing: attempt 1's key has no prediction, attempt 2's one
        assertThat(runsOf(id)).containsExactly(Map.entry("job-" + id + "-attempt-2", 1));
    }

    /**
     * Runs {@code workers} workers at once, each on a thread of its own looping as the scheduler would, until every
     * job has ended or the limit has passed. Not on the ForkJoinPool common pool (CompletableFuture.runAsync): it
     * has one thread on a two-core machine, so the workers would run one after the other there.
     */
    private void runWorkersAtOnce(int workers, List<UUID> jobIds, Duration limit) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(workers);
        try {
            long until = System.currentTimeMillis() + limit.toMillis();
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                running.add(threads.submit(() -> {
                    start.await();
                    while (System.currentTimeMillis() < until && !jobIds.stream().map(data::job)
                            .allMatch(r -> List.of("completed", "failed", "cancelled")
                                    .contains(r.getString("status")))) {
                        runOnce();
                        // as a scheduled worker would: a pause between runs
                        Thread.sleep(50);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> worker : running) {
                worker.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private void assertEachRanOnceInItsFirstAttempt(List<UUID> jobIds) {
        for (UUID id : jobIds) {
            Row job = data.job(id);
            assertThat(job.getString("status")).as("%s: %s (attempts %s; stand-in %s)", job.getString("error_code"),
                    job.getString("error_message"), job.getInteger("attempts"), standIn().stats())
                    .isEqualTo("completed");
            assertThat(job.getInteger("attempts")).isEqualTo(1);
            assertThat(runsOf(id)).containsExactly(Map.entry("job-" + id + "-attempt-1", 1));
        }
        assertThat(standIn().stats().runsPerKeyMax()).isEqualTo(1);
    }

    @Test
    void twoWorkersAtOnceRunEachJobOnceAtTheProvider() throws Exception {
        JobTestData.PaidOrder order = data.paidOrder(LONG_DEADLINE, "render", "restoration", "render", "restoration",
                "render", "restoration");
        standIn().mode(StandInMode.delay(300));

        runWorkersAtOnce(2, order.jobIds(), Duration.ofSeconds(30));

        assertEachRanOnceInItsFirstAttempt(order.jobIds());
        assertThat(data.order(order.orderId()).getString("status")).isEqualTo("completed");
    }

    @Test
    void providerAnswersArriveWhileTheCommonPoolIsBusy() throws Exception {
        // every thread of the ForkJoinPool common pool blocked, as a test's runAsync or a library's blocking task
        // can leave it: the provider's answers must not wait for it (the JDK client's sendAsync completes there)
        int threads = ForkJoinPool.getCommonPoolParallelism();
        CountDownLatch blocked = new CountDownLatch(threads);
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < threads; i++) {
            ForkJoinPool.commonPool().execute(() -> {
                blocked.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        try {
            assertThat(blocked.await(5, TimeUnit.SECONDS)).isTrue();
            JobTestData.PaidOrder order = data.paidOrder(LONG_DEADLINE, "render");

            Row job = runUntilEnded(Duration.ofSeconds(20), order.jobIds()).getFirst();

            assertThat(job.getString("status")).isEqualTo("completed");
            assertThat(job.getInteger("attempts")).isEqualTo(1);
            assertThat(job.getString("error_code")).isNull();
        } finally {
            release.countDown();
        }
    }

    @Test
    void threeWorkersOnMoreJobsThanABatchRunEachJobOnce() throws Exception {
        // 12 jobs: more than one batch (platform.jobs.batch-size 8) of a worker, claimed by three at once
        String[] services = new String[12];
        for (int i = 0; i < services.length; i++) {
            services[i] = i % 2 == 0 ? "render" : "restoration";
        }
        JobTestData.PaidOrder order = data.paidOrder(LONG_DEADLINE, services);
        standIn().mode(StandInMode.delay(300));

        runWorkersAtOnce(3, order.jobIds(), Duration.ofSeconds(60));

        assertEachRanOnceInItsFirstAttempt(order.jobIds());
        assertThat(data.order(order.orderId()).getString("status")).isEqualTo("completed");
        JsonNode completed = await().atMost(Duration.ofSeconds(20)).until(
                () -> KafkaTestClient.eventData(Topics.ORDER_COMPLETED, order.orderId().toString()),
                events -> events.size() == 1).getFirst();
        assertThat(completed.get("jobsCompleted").asInt()).isEqualTo(12);
    }

    @Test
    void aWorkerDyingBetweenCreateAndRecordDoesNotStartASecondRun() throws Exception {
        JobTestData.PaidOrder order = data.paidOrder(LONG_DEADLINE, "restoration");
        UUID jobId = order.jobIds().getFirst();
        // what the dead worker did: claimed attempt 1, created the prediction, and never recorded it
        String key = "job-" + jobId + "-attempt-1";
        String image = presigned.download(JobTestData.BUCKET, order.storagePaths().getFirst(), null,
                Duration.ofMinutes(5)).url();
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(standIn().url() + "/v1/predictions"))
                .header("Authorization", "Bearer " + standIn().token()).header("Idempotency-Key", key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"version\":\"restoration\",\"input\":{\"image\":\""
                        + image + "\"}}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        String predictionId = JSON.readTree(created.body()).get("id").asText();
        data.sql("UPDATE jobs SET status = 'processing', attempts = 1, started_at = now(), external_id = NULL,"
                + " lease_until = now() - interval '1 second' WHERE id = $1", Tuple.of(jobId));

        Row job = runUntilEnded(Duration.ofSeconds(20), order.jobIds()).getFirst();

        assertThat(job.getString("status")).isEqualTo("completed");
        assertThat(job.getInteger("attempts")).isEqualTo(1);
        assertThat(job.getString("external_id")).isEqualTo(predictionId);
        assertThat(runsOf(jobId)).containsExactly(Map.entry(key, 1));
    }

    @Test
    void anOutputAtAnotherOriginIsNeverFetched() throws Exception {
        JobTestData.PaidOrder order = data.paidOrder(LONG_DEADLINE, "render");
        // the stand-in names its outputs at 127.0.0.1 while the service knows it as localhost: another origin
        standIn().publicBaseUrl("http://127.0.0.1:" + standIn().port());

        Row job = runUntilEnded(Duration.ofSeconds(20), order.jobIds()).getFirst();

        assertThat(job.getString("status")).isEqualTo("failed");
        assertThat(job.getString("error_code")).isEqualTo("output_invalid");
        assertThat(job.getString("error_message")).contains("not at the provider's origin");
        String key = StoragePaths.incomingKey(order.sessionId(), order.roomId(), order.outputAssetIds().getFirst());
        assertThat(s3.listObjectsV2(b -> b.bucket(JobTestData.BUCKET).prefix(key)).contents()).isEmpty();
    }

    @Test
    void aJobCancelledWhileItsStepRunsStaysCancelledAndItsPredictionIsCancelled() throws Throwable {
        JobTestData.PaidOrder order = data.paidOrder(LONG_DEADLINE, "render");
        UUID jobId = order.jobIds().getFirst();
        standIn().mode(StandInMode.delay(5_000));
        runOnce();
        String predictionId = data.job(jobId).getString("external_id");
        assertThat(predictionId).isNotNull();
        Thread.sleep(150);

        // a worker claims the job; a refund cancels it before the worker writes what it found
        List<ClaimedJob> claimed = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> worker.steps().claim(Instant.now(), 50)));
        assertThat(claimed).extracting(ClaimedJob::jobId).contains(jobId);
        data.sql("UPDATE jobs SET status = 'cancelled', cancelled_at = now() WHERE id = $1", Tuple.of(jobId));
        VertxContextSupport.subscribeAndAwait(() -> worker.steps().work(claimed));

        Row job = data.job(jobId);
        assertThat(job.getString("status")).isEqualTo("cancelled");
        assertThat(standIn().status(predictionId)).isEqualTo(PredictionStatus.CANCELED);
        runOnce();
        assertThat(data.job(jobId).getString("status")).isEqualTo("cancelled");
        OffsetDateTime cancelledAt = data.job(jobId).getOffsetDateTime("cancelled_at");
        assertThat(cancelledAt).isNotNull();
    }
}

package com.renovation.media.assets;

import static com.renovation.media.assets.PlanTestSupport.MB;
import static com.renovation.media.assets.PlanTestSupport.QUOTA_EXCEEDED;
import static com.renovation.media.assets.PlanTestSupport.asOn;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Reservations under the owner's lock: concurrent requests that together exceed a limit never overshoot it. */
@QuarkusTest
class QuotaRaceIT {

    private static final long FREE_STORAGE = 104857600;

    @Test
    void twentyConcurrentUploadsOverTheStorageQuotaLeaveTheUserAtOrUnderIt() throws Exception {
        String user = TestSupport.newUser();
        String session = PlanTestSupport.session(user, "free");
        String room = PlanTestSupport.room(user, "free", session);
        long size = 9 * MB; // 20 x 9 MB = 180 MB against 100 MB: 11 fit

        List<Response> answers = concurrently(20, () -> PlanTestSupport.requestUpload(user, "free", room, size));

        List<Response> accepted = answers.stream().filter(r -> r.statusCode() == 201).toList();
        List<Response> refused = answers.stream().filter(r -> r.statusCode() != 201).toList();
        assertThat(accepted).hasSize((int) (FREE_STORAGE / size));
        assertThat(refused).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.contentType()).contains("application/problem+json");
            assertThat(r.<String>path("type")).isEqualTo(QUOTA_EXCEEDED);
            assertThat(r.<String>path("detail")).startsWith("storage quota of plan free is 104857600 bytes; ")
                    .endsWith("this upload needs " + size);
        });
        long used = PlanTestSupport.storageBytes(user, "free");
        assertThat(used).isEqualTo(accepted.size() * size).isLessThanOrEqualTo(FREE_STORAGE);
    }

    @Test
    void twentyConcurrentSessionsOverTheSessionLimitCreateExactlyTheLimit() throws Exception {
        String user = TestSupport.newUser();

        List<Response> answers = concurrently(20, () -> asOn(user, "free").body(Map.of("title", "Race"))
                .post("/sessions"));

        assertThat(answers.stream().filter(r -> r.statusCode() == 201)).hasSize(2);
        assertThat(answers.stream().filter(r -> r.statusCode() != 201)).hasSize(18).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.<String>path("type")).isEqualTo(QUOTA_EXCEEDED);
            assertThat(r.<String>path("detail")).isEqualTo("session limit of plan free is 2; 2 sessions exist");
        });
        assertThat(asOn(user, "free").get("/sessions").then().statusCode(200).extract().<List<?>>path("items"))
                .hasSize(2);
        assertThat(asOn(user, "free").get("/me/usage").then().extract().<Integer>path("sessions")).isEqualTo(2);
    }

    @Test
    void anUploadAboveThePlansLargestFileIsRefusedNamingTheLimit() {
        String user = TestSupport.newUser();
        String room = PlanTestSupport.room(user, "free", PlanTestSupport.session(user, "free"));
        // a PDF may be 50 MB by type, but not on the free plan
        Response refused = asOn(user, "free").body(Map.of("roomId", room, "assetType", "document",
                "filename", "plan.pdf", "contentType", "application/pdf", "size", 20 * MB)).post("/assets/uploads");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.<String>path("type")).isEqualTo(QUOTA_EXCEEDED);
        assertThat(refused.<String>path("detail"))
                .isEqualTo("largest upload of plan free is 10485760 bytes; this upload needs " + 20 * MB);
        assertThat(PlanTestSupport.storageBytes(user, "free")).isZero();
    }

    private static List<Response> concurrently(int count, Callable<Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                calls.add(call);
            }
            List<Response> answers = new ArrayList<>();
            for (Future<Response> answer : pool.invokeAll(calls)) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}

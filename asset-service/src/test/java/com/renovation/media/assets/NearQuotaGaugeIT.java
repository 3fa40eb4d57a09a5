package com.renovation.media.assets;

import static org.assertj.core.api.Assertions.assertThat;

import com.renovation.media.assets.service.plans.NearQuotaGauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** platform.users.near.storage.quota{plan} counts users above 80 % of their plan's storage, per plan. */
@QuarkusTest
class NearQuotaGaugeIT {

    @Inject
    NearQuotaGauge gauge;

    @Inject
    MeterRegistry registry;

    @Test
    void aUserAbove80PercentCountsOnTheirPlanAndAnOverrideMovesThem() throws Throwable {
        refresh();
        double free = value("free");
        double pro = value("pro");

        String user = TestSupport.newUser();
        String room = PlanTestSupport.room(user, "free", PlanTestSupport.session(user, "free"));
        for (int i = 0; i < 8; i++) { // 80 MB: at, not above, 80 % of 100 MB
            PlanTestSupport.requestUpload(user, "free", room, 10 * PlanTestSupport.MB).then().statusCode(201);
        }
        refresh();
        assertThat(value("free")).isEqualTo(free);

        PlanTestSupport.requestUpload(user, "free", room, 1).then().statusCode(201);
        refresh();
        assertThat(value("free")).isEqualTo(free + 1);
        assertThat(value("pro")).isEqualTo(pro);

        // the user is not calling: the gauge knows their plan from the override, then from the claim last seen
        PlanTestSupport.asAdmin().body(Map.of("plan", "pro")).put("/admin/users/" + user + "/plan").then()
                .statusCode(200);
        refresh();
        assertThat(value("free")).isEqualTo(free);
        assertThat(value("pro")).isEqualTo(pro);
        PlanTestSupport.asAdmin().delete("/admin/users/" + user + "/plan").then().statusCode(204);
        refresh();
        assertThat(value("free")).isEqualTo(free + 1);
    }

    /** On a Vert.x context, as the scheduler runs it (the reactive session needs one). */
    private void refresh() throws Throwable {
        VertxContextSupport.subscribeAndAwait(gauge::refresh);
    }

    private double value(String plan) {
        return registry.get("platform.users.near.storage.quota").tag("plan", plan).gauge().value();
    }
}

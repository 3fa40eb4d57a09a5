package com.renovation.media.assets;

import com.renovation.media.assets.service.assets.AssetMetrics;
import static org.assertj.core.api.Assertions.assertThat;

import com.renovation.media.messaging.testing.ManagementInterfaceContract;
import com.renovation.media.messaging.testing.OperatorEndpoints;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The operators' endpoints answer only on the management port, and metrics carry no ids. */
@QuarkusTest
class ManagementInterfaceIT extends ManagementInterfaceContract {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", Pattern.CASE_INSENSITIVE);

    @Inject
    AssetMetrics metrics;

    @Test
    void metricsNameNoSessionOrOtherIdOnlyBoundedLabels() throws Throwable {
        String user = TestSupport.newUser();
        List<String> sessionAndRoom = TestSupport.sessionWithRoom(user);
        TestSupport.upload(user, sessionAndRoom.get(1), "photo", "kitchen.jpg", "image/jpeg", TestSupport.jpeg(64, 48));
        VertxContextSupport.subscribeAndAwait(() -> metrics.refresh());

        String scraped = OperatorEndpoints.body(OperatorEndpoints.management("/q/metrics"));
        assertThat(scraped).contains("assets_stored_bytes");
        assertThat(scraped.lines().filter(line -> !line.startsWith("#") && UUID.matcher(line).find()).toList())
                .as("series labelled with an id").isEmpty();
    }
}

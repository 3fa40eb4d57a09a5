package com.renovation.media.assets;

import static org.assertj.core.api.Assertions.assertThat;

import com.renovation.media.assets.service.AssetMetrics;
import com.renovation.media.messaging.testing.OperatorEndpoints;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The operators' endpoints answer only on the management port; the public port knows nothing of them. */
@QuarkusTest
class ManagementInterfaceIT {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", Pattern.CASE_INSENSITIVE);

    @Inject
    AssetMetrics metrics;

    private static final List<String> OPERATOR_PATHS = List.of("/q/metrics", "/q/openapi", "/q/health/ready", "/q/health/live");

    @Test
    void operatorEndpointsAnswerOnTheManagementPortOnly() {
        for (String path : OPERATOR_PATHS) {
            assertThat(OperatorEndpoints.status(OperatorEndpoints.open(path))).as("public %s", path).isEqualTo(404);
            assertThat(OperatorEndpoints.status(OperatorEndpoints.management(path))).as("management %s", path)
                    .isEqualTo(200);
        }
    }

    @Test
    void swaggerUiIsServedNowhereOutsideTheLocalProfile() {
        assertThat(OperatorEndpoints.status(OperatorEndpoints.open("/q/swagger-ui/"))).isEqualTo(404);
        assertThat(OperatorEndpoints.status(OperatorEndpoints.management("/q/swagger-ui/"))).isEqualTo(404);
    }

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

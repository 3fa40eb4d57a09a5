package com.renovation.media.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.renovation.media.messaging.testing.OperatorEndpoints;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The operators' endpoints answer only on the management port; the public port knows nothing of them. */
@QuarkusTest
class ManagementInterfaceIT {

    private static final List<String> OPERATOR_PATHS = List.of("/q/metrics", "/q/health/ready", "/q/health/live");

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
}

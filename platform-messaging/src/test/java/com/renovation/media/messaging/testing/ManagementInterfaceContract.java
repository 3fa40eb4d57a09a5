package com.renovation.media.messaging.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every service's {@code ManagementInterfaceIT} proves: the operators' endpoints answer only on the
 * management port (the public port knows nothing of them), and Swagger UI nowhere outside the local profile.
 */
public abstract class ManagementInterfaceContract {

    /** The operators' paths this service serves. */
    protected List<String> operatorPaths() {
        return List.of("/q/metrics", "/q/openapi", "/q/health/ready", "/q/health/live");
    }

    @Test
    void operatorEndpointsAnswerOnTheManagementPortOnly() {
        for (String path : operatorPaths()) {
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

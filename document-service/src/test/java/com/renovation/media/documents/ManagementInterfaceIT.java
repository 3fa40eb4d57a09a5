package com.renovation.media.documents;

import com.renovation.media.messaging.testing.ManagementInterfaceContract;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;

/** The operators' endpoints answer only on the management port (document-service has no HTTP API to document). */
@QuarkusTest
class ManagementInterfaceIT extends ManagementInterfaceContract {

    @Override
    protected List<String> operatorPaths() {
        return List.of("/q/metrics", "/q/health/ready", "/q/health/live");
    }
}

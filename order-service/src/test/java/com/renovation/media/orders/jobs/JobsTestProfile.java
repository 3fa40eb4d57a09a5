package com.renovation.media.orders.jobs;

import com.renovation.media.contracts.events.PlatformService;
import com.renovation.media.contracts.events.Topic;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The job worker's tests: the stand-in provider in-process, and the service's consumer channels off. The worker
 * consumes nothing, and the channels the registry gives order-service need consumers of other areas to start.
 */
public class JobsTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>();
        for (Topic topic : PlatformService.ORDER_SERVICE.consumes()) {
            overrides.put("mp.messaging.incoming." + topic.channel() + ".enabled", "false");
        }
        return overrides;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ProviderStandInResource.class));
    }
}

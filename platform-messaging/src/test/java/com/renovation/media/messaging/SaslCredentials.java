package com.renovation.media.messaging;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** The application against {@link SaslKafkaResource}'s broker, with the right or a wrong password. */
final class SaslCredentials {

    private SaslCredentials() {
    }

    public static class Right implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SaslKafkaResource.class, Map.of("password", SaslKafkaResource.PASSWORD)));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    public static class Wrong implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SaslKafkaResource.class, Map.of("password", "a-wrong-secret")));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }
}

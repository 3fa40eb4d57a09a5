package com.renovation.media.assets;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With {@code S3_CREDENTIALS=default} the service takes its S3 credentials from the AWS default chain (in prod:
 * IRSA, pod identity, an instance profile; here the chain's Java system properties), and signs the URLs it hands
 * out with them too: the static keys configured beside it are wrong on purpose and must not be used. Before, the
 * presigner always signed with the static keys, and its URLs were refused.
 */
@QuarkusTest
@TestProfile(DefaultCredentialsChainIT.DefaultChain.class)
class DefaultCredentialsChainIT {

    public static class DefaultChain implements QuarkusTestProfile {
        static {
            // what the default chain's first provider reads; the test S3 server's real keys
            System.setProperty("aws.accessKeyId", "local-access-key");
            System.setProperty("aws.secretAccessKey", "local-secret-key");
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.s3.aws.credentials.type", "default",
                    "quarkus.s3.aws.credentials.static-provider.access-key-id", "not-the-key",
                    "quarkus.s3.aws.credentials.static-provider.secret-access-key", "not-the-secret");
        }
    }

    @Test
    void uploadsAndDownloadsWorkWithCredentialsFromTheDefaultChain() {
        String user = TestSupport.newUser();
        String room = TestSupport.sessionWithRoom(user).get(1);
        byte[] photo = TestSupport.jpeg(640, 480);
        String id = TestSupport.upload(user, room, "photo", "hall.jpg", "image/jpeg", photo);

        String download = TestSupport.as(user).get("/assets/" + id).then().statusCode(200).extract()
                .path("downloadUrl");
        assertThat(TestSupport.get(download).body()).isEqualTo(photo);
    }
}

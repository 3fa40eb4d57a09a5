package com.renovation.media.variants;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.renovation.media.web.testing.OpenApiOperations;
import com.renovation.media.web.testing.OpenApiOperations.Operation;
import com.renovation.media.web.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every operation variant-worker publishes in /q/openapi is for admins: 401 without a token, 403 for a user, and
 * never either for an admin (an unknown source answers 404). A new endpoint is covered as soon as it exists.
 */
@QuarkusTest
class AuthorizationMatrixIT {

    private static String path(Operation op) {
        String path = op.template().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        assertThat(path).as("path parameters of %s", op.key()).doesNotContain("{");
        return path;
    }

    @Test
    void everyOperationIsForAdminsOnly() {
        List<Operation> operations = OpenApiOperations.published();
        assertThat(operations).isNotEmpty();
        Map<String, java.util.function.Function<Object, Object>> noBodies = Map.of();
        for (Operation op : operations) {
            assertThat(OpenApiOperations.call(given(), op, path(op), noBodies, null).statusCode()).as(op.key())
                    .isEqualTo(401);
            assertThat(OpenApiOperations.call(given().auth().oauth2(TestTokens.user("someone")), op, path(op),
                    noBodies, null).statusCode()).as(op.key()).isEqualTo(403);
            assertThat(OpenApiOperations.call(given().auth().oauth2(TestTokens.admin("ops")), op, path(op),
                    noBodies, null).statusCode()).as(op.key()).isNotIn(401, 403).isLessThan(500);
        }
    }
}

package com.renovation.media.web.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The operations a running service publishes in /q/openapi, and a way to call each with fixtures: the basis of
 * the authorization matrices, so that a new endpoint fails them until it is given fixtures and expectations.
 */
public final class OpenApiOperations {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    /** One operation: HTTP method, path template, whether it takes a body. */
    public record Operation(String method, String template, boolean hasBody) {
        public String key() {
            return method + " " + template;
        }
    }

    private OpenApiOperations() {
    }

    /** Reads the running application's OpenAPI document, served on its management port. */
    public static List<Operation> published() {
        String managementRoot = ConfigProvider.getConfig().getValue("test.management.url", String.class)
                .replaceAll("/+$", "");
        Map<String, Map<String, Map<String, Object>>> paths = given().queryParam("format", "json")
                .get(managementRoot + "/openapi").then().statusCode(200).extract().jsonPath().getMap("paths");
        List<Operation> operations = new ArrayList<>();
        paths.forEach((template, methods) -> methods.forEach((method, spec) -> {
            if (METHODS.contains(method)) {
                operations.add(new Operation(method.toUpperCase(Locale.ROOT), template, spec.containsKey("requestBody")));
            }
        }));
        return operations;
    }

    /**
     * Calls the operation on {@code path} (its template filled in), with the body {@code bodies} gives for its key;
     * fails with a message naming what to add when the operation takes a body nobody provided.
     */
    public static <F> Response call(RequestSpecification spec, Operation op, String path,
            Map<String, Function<F, Object>> bodies, F fixture) {
        RequestSpecification request = spec.contentType(ContentType.JSON);
        if (op.hasBody()) {
            Function<F, Object> body = bodies.get(op.key());
            if (body == null) {
                throw new AssertionError("no request body fixture for " + op.key() + ": add one to the matrix");
            }
            request = request.body(body.apply(fixture));
        }
        return request.request(op.method(), path);
    }
}

package com.renovation.media.web.security;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The roles a token grants in this application: the values of the configured roles claim, nothing else. */
final class ApplicationRoles {

    private ApplicationRoles() {
    }

    static Set<String> of(JsonWebToken token, String claimPath) {
        String[] path = claimPath.split("/");
        Object value = token.getClaim(path[0]);
        for (int i = 1; i < path.length && value != null; i++) {
            value = value instanceof JsonObject object ? object.get(path[i]) : null;
        }
        return rolesIn(value);
    }

    private static Set<String> rolesIn(Object value) {
        if (value instanceof JsonArray array) {
            return array.stream().filter(v -> v.getValueType() == JsonValue.ValueType.STRING)
                    .map(v -> ((JsonString) v).getString()).collect(Collectors.toUnmodifiableSet());
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(ApplicationRoles::text).filter(s -> s != null)
                    .collect(Collectors.toUnmodifiableSet());
        }
        String single = text(value);
        return single == null ? Set.of() : Set.of(single);
    }

    private static String text(Object value) {
        if (value instanceof JsonString string) {
            return string.getString();
        }
        return value instanceof String string ? string : null;
    }
}

package com.renovation.media.documents;

import com.renovation.media.contracts.events.PlatformService;
import com.renovation.media.contracts.events.Topic;
import com.renovation.media.messaging.testing.KafkaTestClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.renovation.media.contracts.events.EventPayload;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/** The test's own view of the engines: publishes as asset-service would, reads topics and rows directly. */
final class Engines {
    private Engines() {
    }


    static String publish(EventPayload payload) {
        return KafkaTestClient.publish("asset-service", payload);
    }

    static void publishRaw(String topic, String key, String json) {
        KafkaTestClient.send(topic, key, json);
    }

    /** The {@code data} of every event on the topic whose key is {@code key}. */
    static List<JsonNode> events(String topic, String key) {
        return KafkaTestClient.eventData(topic, key);
    }

    /** Dead-lettered records of one of this service's channels whose key is {@code key}. */
    static int deadLettered(String topic, String key) {
        return KafkaTestClient.records(PlatformService.DOCUMENT_SERVICE.deadLetter(Topic.named(topic)), key).size();
    }

    /** A plain JDBC connection to the test database, for what the test must see or do behind the service. */
    static Connection connect() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    /** Runs one statement with the given parameters; answers the updated row count. */
    static int execute(String sql, Object... parameters) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The single number a query answers. */
    static long count(String sql, Object... parameters) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A column of a document row, or null when the row does not exist. */
    static String column(UUID documentId, String column) {
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement(
                        "SELECT " + column + "::text FROM documents.document_artifacts WHERE id = ?")) {
            s.setObject(1, documentId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

package com.renovation.media.catalog;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the catalog schema with plain JDBC, to check what the service wrote without going through it. */
final class CatalogDatabase {

    /** One style_images row as the tests compare it. */
    record ImageRow(String id, String storagePath, String caption, String sha256, String status, String updatedAt) {
    }

    private CatalogDatabase() {
    }

    /** The images of a seed catalog by storage path. */
    static Map<String, ImageRow> imagesOf(AgroalDataSource db, String catalog) {
        Map<String, ImageRow> rows = new LinkedHashMap<>();
        query(db, "SELECT id, storage_path, caption, sha256, status, updated_at::text FROM catalog.style_images"
                + " WHERE seed_catalog = ? ORDER BY storage_path", catalog).forEach(r -> rows.put(r.get(1),
                new ImageRow(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5))));
        return rows;
    }

    /** slug → updated_at of a seed catalog's styles. */
    static Map<String, String> stylesOf(AgroalDataSource db, String catalog) {
        Map<String, String> rows = new LinkedHashMap<>();
        query(db, "SELECT slug, updated_at::text FROM catalog.styles WHERE seed_catalog = ? ORDER BY slug", catalog)
                .forEach(r -> rows.put(r.get(0), r.get(1)));
        return rows;
    }

    static long count(AgroalDataSource db, String sql, String parameter) {
        return Long.parseLong(query(db, sql, parameter).get(0).get(0));
    }

    static List<List<String>> query(AgroalDataSource db, String sql, String parameter) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (parameter != null) {
                s.setString(1, parameter);
            }
            List<List<String>> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                int columns = r.getMetaData().getColumnCount();
                while (r.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        row.add(r.getString(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

package com.renovation.media.orders;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the orders schema with plain JDBC, to check what the service wrote without going through it. */
public final class OrdersDatabase {

    private OrdersDatabase() {
    }

    public static long count(AgroalDataSource db, String sql, Object... parameters) {
        return Long.parseLong(query(db, sql, parameters).getFirst().getFirst());
    }

    public static String value(AgroalDataSource db, String sql, Object... parameters) {
        List<List<String>> rows = query(db, sql, parameters);
        return rows.isEmpty() ? null : rows.getFirst().getFirst();
    }

    public static List<List<String>> query(AgroalDataSource db, String sql, Object... parameters) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
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

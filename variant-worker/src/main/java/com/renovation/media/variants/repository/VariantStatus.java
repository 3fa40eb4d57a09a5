package com.renovation.media.variants.repository;

/**
 * Where a variant row stands; {@code column} is the value stored in {@code variants.processing_status}. The worker
 * writes only READY and FAILED (a row is written once its variant is stored or refused); the schema also allows
 * the other two, so they are mapped too.
 */
public enum VariantStatus {
    PENDING("pending"),
    PROCESSING("processing"),
    READY("ready"),
    FAILED("failed");

    private final String column;

    VariantStatus(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }

    static VariantStatus ofColumn(String value) {
        for (VariantStatus status : values()) {
            if (status.column.equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown variant status in the database: " + value);
    }
}

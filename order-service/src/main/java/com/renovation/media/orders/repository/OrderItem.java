package com.renovation.media.orders.repository;

import com.renovation.media.contracts.orders.ProcessingService;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One photo of an order and the processing bought for it, at the price of the day it was ordered. */
@Entity
@Table(name = "order_items")
public class OrderItem {
    @Id
    public UUID id;
    @Column(name = "order_id")
    public UUID orderId;
    public int position;
    @Column(name = "asset_id")
    public UUID assetId;
    @Enumerated(EnumType.STRING)
    public ProcessingService service;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> options;
    public BigDecimal price;
}

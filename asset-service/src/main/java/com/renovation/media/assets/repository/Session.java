package com.renovation.media.assets.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A renovation session: the unit of ownership and of erasure. */
@Entity
@Table(name = "sessions")
public class Session {
    @Id
    public UUID id;
    @Column(name = "owner_id")
    public String ownerId;
    public String title;
    @Enumerated(EnumType.STRING)
    public SessionKind kind = SessionKind.PROJECT;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}

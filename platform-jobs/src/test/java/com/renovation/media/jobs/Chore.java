package com.renovation.media.jobs;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A row a test job works through. */
@Entity
@Table(name = "chores")
public class Chore extends PanacheEntityBase {
    @Id
    public UUID id;
    public String kind;
    @Column(name = "due_at")
    public Instant dueAt;

    public static Chore due(String kind, Instant dueAt) {
        Chore chore = new Chore();
        chore.id = UUID.randomUUID();
        chore.kind = kind;
        chore.dueAt = dueAt;
        return chore;
    }
}

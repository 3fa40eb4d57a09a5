package com.renovation.media.messaging;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity
@Table(name = "notes")
public class Note extends PanacheEntityBase {
    @Id
    public UUID id;
    public String text;

    public static Note of(UUID id, String text) {
        Note note = new Note();
        note.id = id;
        note.text = text;
        return note;
    }
}

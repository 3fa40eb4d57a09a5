package com.renovation.media.assets.repository;

import com.renovation.media.contracts.artefacts.ArtefactKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An editable SVG drawing of a session (or one of its rooms); its versions are {@link ArtefactVersion}s. */
@Entity
@Table(name = "artefacts")
public class Artefact {
    @Id
    public UUID id;
    @Column(name = "session_id")
    public UUID sessionId;
    @Column(name = "room_id")
    public UUID roomId;
    @Column(name = "owner_id")
    public String ownerId;
    @Enumerated(EnumType.STRING)
    public ArtefactKind kind;
    public String title;
    @Column(name = "latest_version")
    public int latestVersion;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}

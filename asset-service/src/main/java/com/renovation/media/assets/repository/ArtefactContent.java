package com.renovation.media.assets.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.UUID;

/** The sanitised SVG text of one version (stored lz4-compressed by PostgreSQL when large). */
@Entity
@Table(name = "artefact_contents")
@IdClass(ArtefactVersion.Key.class)
public class ArtefactContent {
    @Id
    @Column(name = "artefact_id")
    public UUID artefactId;
    @Id
    public int version;
    public String content;

    public static ArtefactContent of(UUID artefactId, int version, String content) {
        ArtefactContent row = new ArtefactContent();
        row.artefactId = artefactId;
        row.version = version;
        row.content = content;
        return row;
    }
}

package com.renovation.media.assets.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class ArtefactContentRepository implements PanacheRepositoryBase<ArtefactContent, ArtefactVersion.Key> {

    public Uni<ArtefactContent> find(UUID artefactId, int version) {
        return findById(new ArtefactVersion.Key(artefactId, version));
    }
}

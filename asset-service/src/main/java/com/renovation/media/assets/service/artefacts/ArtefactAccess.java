package com.renovation.media.assets.service.artefacts;

import com.renovation.media.assets.repository.Artefact;
import com.renovation.media.assets.repository.ArtefactRepository;
import com.renovation.media.assets.service.sessions.Access;
import com.renovation.media.web.problem.ApiException;
import com.renovation.media.web.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Loads an artefact for a caller under the one ownership rule: owner anything, admin reads, others 404. */
@ApplicationScoped
public class ArtefactAccess {

    private final ArtefactRepository artefacts;

    public ArtefactAccess(ArtefactRepository artefacts) {
        this.artefacts = artefacts;
    }

    public Uni<Artefact> artefact(UUID id, Caller caller, Access.Mode mode) {
        return artefacts.findById(id).map(artefact -> {
            if (artefact == null) {
                throw ApiException.notFound("artefact " + id);
            }
            Access.checkOwner(artefact.ownerId, caller, mode, "artefact " + id);
            return artefact;
        });
    }
}

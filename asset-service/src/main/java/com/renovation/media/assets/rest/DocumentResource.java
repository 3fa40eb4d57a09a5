package com.renovation.media.assets.rest;

import com.renovation.media.assets.rest.dto.DocumentView;
import com.renovation.media.assets.service.documents.DocumentService;
import com.renovation.media.web.security.CallerResolver;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One generated document and its versions, with a signed download URL once it is ready. */
@Path("/documents/{id}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents")
public class DocumentResource {

    private final DocumentService documents;
    private final CallerResolver callers;

    public DocumentResource(DocumentService documents, CallerResolver callers) {
        this.documents = documents;
        this.callers = callers;
    }

    @GET
    public Uni<DocumentView> get(@PathParam("id") UUID id) {
        return documents.get(callers.caller(), id);
    }

    /** Every version of the same session, room and type, newest (current) first: {@code {items}}. */
    @GET
    @Path("/versions")
    public Uni<Map<String, List<DocumentView>>> versions(@PathParam("id") UUID id) {
        return documents.versions(callers.caller(), id).map(items -> Map.of("items", items));
    }
}

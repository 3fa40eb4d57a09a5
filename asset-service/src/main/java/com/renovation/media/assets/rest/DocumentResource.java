package com.renovation.media.assets.rest;

import com.renovation.media.assets.rest.dto.DocumentContentView;
import com.renovation.media.assets.rest.dto.DocumentRequests.RestoreDocument;
import com.renovation.media.assets.rest.dto.DocumentView;
import com.renovation.media.assets.service.documents.DocumentService;
import com.renovation.media.web.security.CallerResolver;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * One generated document and its versions, with a signed download URL once it is ready; a version's typed
 * content, and restoring an older version as the newest.
 */
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

    /** {id, documentType, version, content}: what the version was drawn from; 409 if it was never kept. */
    @GET
    @Path("/content")
    public Uni<DocumentContentView> content(@PathParam("id") UUID id) {
        return documents.content(callers.caller(), id);
    }

    /**
     * 202 {id, status: "pending", version}: a new version of the lineage with the content of {@code version},
     * rendered asynchronously; Location names the new version.
     */
    @POST
    @Path("/restore")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> restore(@PathParam("id") UUID id, @Valid @NotNull RestoreDocument request) {
        return documents.restore(callers.caller(), id, request)
                .map(accepted -> Response.accepted(accepted).location(URI.create("/documents/" + accepted.id()))
                        .build());
    }
}

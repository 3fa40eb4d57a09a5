package com.renovation.media.assets.rest;

import com.renovation.media.assets.rest.dto.DocumentRequests.CreateDocument;
import com.renovation.media.assets.rest.dto.DocumentView;
import com.renovation.media.assets.service.documents.DocumentService;
import com.renovation.media.web.paging.Page;
import com.renovation.media.web.paging.Paging;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A session's documents: request one (202, rendered asynchronously), list them newest first (optionally of one
 * phase and type).
 */
@Path("/sessions/{id}/documents")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents")
public class DocumentSessionResource {

    private final DocumentService documents;
    private final Paging paging;
    private final CallerResolver callers;

    public DocumentSessionResource(DocumentService documents, Paging paging, CallerResolver callers) {
        this.documents = documents;
        this.paging = paging;
        this.callers = callers;
    }

    /** 202: {id, status: "pending", version}; the document is rendered asynchronously. */
    @POST
    public Uni<Response> request(@PathParam("id") UUID sessionId, @Valid @NotNull CreateDocument request) {
        return documents.request(callers.caller(), sessionId, request)
                .map(accepted -> Response.accepted(accepted).location(URI.create("/documents/" + accepted.id()))
                        .build());
    }

    @GET
    public Uni<Page<DocumentView>> list(@PathParam("id") UUID sessionId, @QueryParam("phase") String phase,
            @QueryParam("type") String type, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return documents.list(callers.caller(), sessionId, phase, type, cursor, paging.limit(limit));
    }
}

package com.renovation.media.console.rest;

import com.renovation.media.console.service.IndexPage;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The console's page; its views are client-side routes ({@code #/sessions}, ...), so this is the only document. */
@Path("/")
@PermitAll
public class IndexResource {

    private final IndexPage page;

    public IndexResource(IndexPage page) {
        this.page = page;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response index() {
        return Response.ok(page.html())
                .header("Content-Security-Policy", page.contentSecurityPolicy())
                .header("Cache-Control", "no-cache")
                .header("Referrer-Policy", "no-referrer")
                .build();
    }
}

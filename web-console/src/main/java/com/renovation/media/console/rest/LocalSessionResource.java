package com.renovation.media.console.rest;

import com.renovation.media.console.service.LocalSignIn;
import com.renovation.media.console.service.LocalSignIn.LocalSession;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Local sign-in ({@code ./platform up} only): 404 on a console that signs in with OpenID Connect. */
@Path("/local/session")
@PermitAll
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class LocalSessionResource {

    public record SignIn(String user) {
    }

    private final LocalSignIn signIn;

    public LocalSessionResource(LocalSignIn signIn) {
        this.signIn = signIn;
    }

    @POST
    public LocalSession signIn(@NotNull SignIn request) {
        return signIn.signIn(request.user());
    }
}

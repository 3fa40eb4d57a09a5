package com.renovation.media.console.rest;

import com.renovation.media.console.config.AuthMode;
import com.renovation.media.console.config.ConsoleConfig;
import com.renovation.media.console.service.LocalSignIn;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** What the browser code reads first: where the APIs are and how to sign in. Nothing secret. */
@Path("/config.json")
@PermitAll
public class ConsoleSettingsResource {

    public record Settings(String apiUrl, String catalogUrl, String ordersUrl, Auth auth) {
    }

    public record Auth(AuthMode mode, String issuer, String clientId, String scope) {
    }

    private final Settings settings;

    public ConsoleSettingsResource(ConsoleConfig config, LocalSignIn localSignIn) {
        ConsoleConfig.Auth auth = config.auth();
        this.settings = new Settings(config.apiUrl(), config.catalogUrl(), config.ordersUrl(), localSignIn.enabled()
                ? new Auth(AuthMode.LOCAL, null, null, null)
                : new Auth(AuthMode.OIDC, auth.issuer().orElse(null), auth.clientId().orElse(null), auth.scope()));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Settings settings() {
        return settings;
    }
}

package com.renovation.media.assets.rest;

import com.renovation.media.assets.config.BodyLimitConfig;
import com.renovation.media.web.problem.ApiException;
import com.renovation.media.web.problem.ProblemKind;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Keeps the small body limit on every route but the two that carry an SVG (create and edit of an artefact),
 * before anything reads the body: a declared length above it is 413, and a body of unknown length (chunked) is
 * not taken on those routes at all (411), so the raised server-wide limit only ever serves artefacts.
 */
public class BodyLimitFilter {

    private static final Pattern SVG_ROUTES = Pattern.compile(
            "(POST /sessions/[^/]+/artefacts|PUT /artefacts/[^/]+)/?");

    private final BodyLimitConfig config;

    public BodyLimitFilter(BodyLimitConfig config) {
        this.config = config;
    }

    @ServerRequestFilter(preMatching = true)
    public void limit(ContainerRequestContext request) {
        if (SVG_ROUTES.matcher(request.getMethod() + " " + request.getUriInfo().getPath()).matches()) {
            return;
        }
        String declared = request.getHeaderString("Content-Length");
        if (declared == null) {
            if (request.getHeaderString("Transfer-Encoding") != null) {
                throw new ApiException(ProblemKind.LENGTH_REQUIRED, "a request body must declare its length");
            }
            return;
        }
        long length;
        try {
            length = Long.parseLong(declared.strip());
        } catch (NumberFormatException e) {
            throw new ApiException(ProblemKind.VALIDATION, "Content-Length is not a number");
        }
        if (length > config.maxJsonBody()) {
            throw new ApiException(ProblemKind.TOO_LARGE, "the body is " + length + " bytes; at most "
                    + config.maxJsonBody() + " are accepted here");
        }
    }
}

package com.renovation.media.assets.rest;

import com.renovation.media.assets.service.links.LinkDownload;
import com.renovation.media.assets.service.links.LinkDownloads;
import com.renovation.media.assets.service.links.LinkZipStreamer;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Opening a share or download link: no sign-in, the token is the permission. Each opening counts as one
 * download. Blocking: a ZIP is written from S3 to the client on this worker thread, which waits whenever the
 * client reads slower than S3 answers, so the service never holds more than a buffer of it.
 */
@Path("/d")
@PermitAll
@Tag(name = "Links (public)")
public class DownloadResource {

    static final String ZIP = "application/zip";

    private final LinkDownloads downloads;
    private final LinkZipStreamer zips;

    public DownloadResource(LinkDownloads downloads, LinkZipStreamer zips) {
        this.downloads = downloads;
        this.zips = zips;
    }

    /**
     * A single-file link answers 303 to a short-lived signed URL of the original; a ZIP link streams the
     * originals as one ZIP; a share link answers {@code {kind, expiresAt, items}} with the items' previews.
     */
    @GET
    @Path("/{token}")
    @Blocking
    @Produces({MediaType.APPLICATION_JSON, ZIP})
    public Response open(@PathParam("token") String token) {
        Response.ResponseBuilder answer = switch (counted(token)) {
            case LinkDownload.Redirect redirect -> Response.seeOther(URI.create(redirect.url()));
            case LinkDownload.Share share -> Response.ok(share.view(), MediaType.APPLICATION_JSON_TYPE);
            case LinkDownload.Zip zip -> Response.ok((StreamingOutput) out -> zips.write(zip.files(), out), ZIP)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"download.zip\"");
        };
        // every opening is counted: no cache may answer one in the service's place
        return answer.header(HttpHeaders.CACHE_CONTROL, "no-store").header("Referrer-Policy", "no-referrer").build();
    }

    /** The claim, in its own short transaction on a Vert.x context (Hibernate Reactive's), awaited here. */
    private LinkDownload counted(String token) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> downloads.open(token));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}

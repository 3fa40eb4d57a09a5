package com.renovation.media.assets.service.artefacts;

import com.renovation.media.assets.config.ArtefactConfig;
import com.renovation.media.storage.svg.SanitizedSvg;
import com.renovation.media.storage.svg.SvgLimits;
import com.renovation.media.storage.svg.SvgRefusedException;
import com.renovation.media.storage.svg.SvgSanitizer;
import com.renovation.media.web.problem.ApiException;
import com.renovation.media.web.problem.ProblemKind;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The SVG a client sends, made safe to store: within the size limit (413), accepted by the sanitiser (422 with the
 * sanitiser's reason), and re-serialised by it. Only the sanitised text is ever stored or rendered.
 */
@ApplicationScoped
public class SvgContent {

    /** What is stored of a version: the sanitised document, its byte count and SHA-256 (hex). */
    public record Sanitised(String text, byte[] bytes, String sha256) {
    }

    private final ArtefactConfig config;
    private final SvgSanitizer sanitizer;

    public SvgContent(ArtefactConfig config) {
        this.config = config;
        this.sanitizer = new SvgSanitizer(new SvgLimits(config.maxContentBytes(), SvgLimits.DEFAULT.maxElements(),
                SvgLimits.DEFAULT.maxDepth()));
    }

    /**
     * Checks and sanitises on a worker thread (parsing megabytes must not hold the event loop), then continues on
     * the caller's Vert.x context, where its database session lives.
     */
    public Uni<Sanitised> sanitise(String content) {
        byte[] raw = content.getBytes(StandardCharsets.UTF_8);
        if (raw.length > config.maxContentBytes()) {
            return Uni.createFrom().failure(new ApiException(ProblemKind.TOO_LARGE, "content is " + raw.length
                    + " bytes of UTF-8; at most " + config.maxContentBytes() + " are accepted"));
        }
        Context context = Vertx.currentContext();
        Uni<Sanitised> work = Uni.createFrom().item(() -> sanitised(raw))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        return context == null ? work : work.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }

    private Sanitised sanitised(byte[] raw) {
        SanitizedSvg svg;
        try {
            svg = sanitizer.sanitize(raw);
        } catch (SvgRefusedException e) {
            throw ApiException.withMembers(ProblemKind.FILE_REJECTED, e.getMessage(),
                    Map.of("reason", e.reason().value()));
        }
        return new Sanitised(svg.text(), svg.content(), sha256(svg.content()));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

package com.renovation.media.assets.service.links;

import com.renovation.media.assets.config.LinkConfig;
import com.renovation.media.assets.repository.Link;
import com.renovation.media.assets.repository.LinkAsset;
import com.renovation.media.assets.repository.LinkAssetRepository;
import com.renovation.media.assets.repository.LinkRepository;
import com.renovation.media.assets.repository.LinkTargetRepository;
import com.renovation.media.assets.repository.RoomAsset;
import com.renovation.media.assets.repository.RoomAssetRepository;
import com.renovation.media.assets.repository.Session;
import com.renovation.media.assets.repository.SessionRepository;
import com.renovation.media.assets.rest.dto.LinkRequests.CreateLink;
import com.renovation.media.assets.rest.dto.LinkView;
import com.renovation.media.assets.service.audit.AuditedChanges;
import com.renovation.media.assets.service.sessions.Access;
import com.renovation.media.contracts.events.payload.ShareLinkCreated;
import com.renovation.media.messaging.outbox.Outbox;
import com.renovation.media.web.paging.Page;
import com.renovation.media.web.paging.SortKey;
import com.renovation.media.web.problem.ApiException;
import com.renovation.media.web.problem.ProblemKind;
import com.renovation.media.web.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Creating, listing and revoking the caller's share and download links. */
@ApplicationScoped
@AuditedChanges
public class LinkService {

    private final LinkRepository links;
    private final LinkAssetRepository linkAssets;
    private final LinkTargetRepository targets;
    private final RoomAssetRepository assets;
    private final SessionRepository sessions;
    private final LinkRules rules;
    private final LinkConfig config;
    private final Outbox outbox;

    public LinkService(LinkRepository links, LinkAssetRepository linkAssets, LinkTargetRepository targets,
            RoomAssetRepository assets, SessionRepository sessions, LinkRules rules, LinkConfig config,
            Outbox outbox) {
        this.outbox = outbox;
        this.links = links;
        this.linkAssets = linkAssets;
        this.targets = targets;
        this.assets = assets;
        this.sessions = sessions;
        this.rules = rules;
        this.config = config;
    }

    /**
     * The answer carries the token, once; {@code requestBase} makes its URL unless one is configured. {@code
     * share.link.created} is emitted in the same transaction, without the token (for the owner's notification).
     */
    @WithTransaction
    public Uni<LinkView> create(Caller caller, CreateLink request, URI requestBase) {
        LinkPlan plan = rules.check(request);
        Uni<Void> targetsChecked = plan.forCollection() ? requireCollection(caller, plan.collectionId())
                : requireAssets(caller, plan.assetIds());
        return targetsChecked.chain(() -> {
            LinkTokens.Issued token = LinkTokens.issue();
            Link link = new Link();
            link.id = UUID.randomUUID();
            link.ownerId = caller.userId();
            link.kind = plan.kind();
            link.tokenHash = token.hash();
            link.collectionId = plan.collectionId();
            link.targetCount = plan.forCollection() ? 1 : plan.assetIds().size();
            link.maxDownloads = plan.maxDownloads();
            link.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS); // as the column keeps it
            link.expiresAt = link.createdAt.plus(plan.expiresIn());
            List<LinkAsset> rows = IntStream.range(0, plan.assetIds().size())
                    .mapToObj(i -> LinkAsset.of(link.id, plan.assetIds().get(i), i)).toList();
            Uni<Link> saved = links.persist(link);
            if (!rows.isEmpty()) {
                saved = saved.call(() -> linkAssets.persist(rows));
            }
            return saved
                    .call(() -> outbox.add(new ShareLinkCreated(link.id, link.ownerId, link.kind.value(),
                            link.targetCount, link.maxDownloads, link.expiresAt.toString(),
                            link.createdAt.toString())))
                    .map(ignored -> LinkView.created(link, plan.assetIds(), LinkStatus.ACTIVE, token.token(),
                            url(requestBase, token.token())));
        });
    }

    private String url(URI requestBase, String token) {
        String base = config.publicBaseUrl().orElse(requestBase.toString());
        return base.replaceAll("/+$", "") + "/d/" + token;
    }

    /**
     * Every asset must exist and be the caller's (another user's is as unknown as a missing one), and its bytes
     * must be confirmed: a pending upload has nothing to download yet.
     */
    private Uni<Void> requireAssets(Caller caller, List<UUID> ids) {
        return assets.list("id in ?1", ids).chain(found -> {
            Map<UUID, RoomAsset> byId = found.stream().collect(Collectors.toMap(a -> a.id, Function.identity()));
            List<UUID> sessionIds = found.stream().map(a -> a.sessionId).distinct().toList();
            Uni<List<Session>> sessionsOf = sessionIds.isEmpty() ? Uni.createFrom().item(List.of())
                    : sessions.list("id in ?1", sessionIds);
            return sessionsOf.map(owners -> {
                Map<UUID, String> ownerOf = owners.stream().collect(Collectors.toMap(s -> s.id, s -> s.ownerId));
                for (UUID id : ids) {
                    RoomAsset asset = byId.get(id);
                    if (asset == null || !ownerOf.containsKey(asset.sessionId)) {
                        throw ApiException.notFound("asset " + id);
                    }
                    Access.checkOwner(ownerOf.get(asset.sessionId), caller, Access.Mode.WRITE, "asset " + id);
                }
                for (UUID id : ids) {
                    if (byId.get(id).confirmedAt == null) {
                        throw new ApiException(ProblemKind.CONFLICT, "asset " + id
                                + " is not confirmed yet: a link can name only uploaded files");
                    }
                }
                return null;
            });
        });
    }

    private Uni<Void> requireCollection(Caller caller, UUID id) {
        return targets.collectionOwner(id).map(owner -> {
            Access.checkOwner(owner.orElseThrow(() -> ApiException.notFound("collection " + id)), caller,
                    Access.Mode.WRITE, "collection " + id);
            return null;
        });
    }

    /** The caller's links, newest first, with their use and status; never their tokens. */
    @WithSession
    public Uni<Page<LinkView>> list(Caller caller, String cursor, int limit) {
        return links.pageOfOwner(caller.userId(), SortKey.decode(cursor), limit + 1).chain(rows ->
                linkAssets.ofLinks(rows.stream().map(l -> l.id).toList()).map(assetRows -> {
                    Map<UUID, List<UUID>> assetsOf = assetRows.stream().collect(Collectors.groupingBy(
                            r -> r.linkId, Collectors.mapping(r -> r.assetId, Collectors.toCollection(ArrayList::new))));
                    Instant now = Instant.now();
                    return Page.of(rows, limit, l -> new SortKey(0, l.createdAt, l.id).encode(), l -> {
                        List<UUID> left = assetsOf.getOrDefault(l.id, List.of());
                        return LinkView.of(l, left, LinkStatus.of(l, left.size(), now));
                    });
                }));
    }

    /** Revokes the link for good; revoking it again changes nothing. */
    @WithTransaction
    public Uni<Void> revoke(Caller caller, UUID id) {
        return links.findById(id).map(link -> {
            if (link == null) {
                throw ApiException.notFound("link " + id);
            }
            Access.checkOwner(link.ownerId, caller, Access.Mode.WRITE, "link " + id);
            if (link.revokedAt == null) {
                link.revokedAt = Instant.now();
            }
            return null;
        });
    }
}

package com.renovation.media.assets.service.sessions;

import com.renovation.media.web.security.Caller;
import com.renovation.media.assets.repository.Room;
import com.renovation.media.assets.repository.RoomAsset;
import com.renovation.media.assets.repository.RoomAssetRepository;
import com.renovation.media.assets.repository.RoomRepository;
import com.renovation.media.assets.repository.Session;
import com.renovation.media.assets.repository.SessionRepository;
import com.renovation.media.web.problem.ApiException;
import com.renovation.media.web.problem.ProblemKind;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Loads a session, room or asset for a caller, or answers 404 exactly as if it did not exist: another owner's
 * data is never revealed. Admins may read everything; writing stays with the owner.
 */
@ApplicationScoped
public class Access {

    public enum Mode { READ, WRITE }

    public record RoomAccess(Session session, Room room) {
    }

    public record AssetAccess(Session session, RoomAsset asset) {
    }

    private final SessionRepository sessions;
    private final RoomRepository rooms;
    private final RoomAssetRepository assets;

    public Access(SessionRepository sessions, RoomRepository rooms, RoomAssetRepository assets) {
        this.sessions = sessions;
        this.rooms = rooms;
        this.assets = assets;
    }

    public Uni<Session> session(UUID id, Caller caller, Mode mode) {
        return sessions.findById(id).map(session -> check(session, caller, mode, "session " + id));
    }

    public Uni<RoomAccess> room(UUID id, Caller caller, Mode mode) {
        return rooms.findById(id).chain(room -> {
            if (room == null) {
                throw ApiException.notFound("room " + id);
            }
            return sessions.findById(room.sessionId)
                    .map(session -> new RoomAccess(check(session, caller, mode, "room " + id), room));
        });
    }

    public Uni<AssetAccess> asset(UUID id, Caller caller, Mode mode) {
        return assets.findById(id).chain(asset -> {
            if (asset == null) {
                throw ApiException.notFound("asset " + id);
            }
            return sessions.findById(asset.sessionId)
                    .map(session -> new AssetAccess(check(session, caller, mode, "asset " + id), asset));
        });
    }

    private static Session check(Session session, Caller caller, Mode mode, String what) {
        if (session == null) {
            throw ApiException.notFound(what);
        }
        checkOwner(session.ownerId, caller, mode, what);
        return session;
    }

    /**
     * The one ownership rule of every user-owned row (sessions and what they hold, library items, collections,
     * links): the owner may do anything, an admin may read, anyone else gets the 404 of a row that is not there.
     */
    public static void checkOwner(String ownerId, Caller caller, Mode mode, String what) {
        if (ownerId.equals(caller.userId()) || (caller.admin() && mode == Mode.READ)) {
            return;
        }
        if (caller.admin()) {
            throw new ApiException(ProblemKind.FORBIDDEN, "admins may read but not change another user's " + what);
        }
        throw ApiException.notFound(what);
    }
}

package dev.fmgateway.emulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.node.ObjectNode;

/**
 * The sessions of the emulated SAM 2.1 containers (all endpoints share one id space, as ids are unique). A
 * session holds its image and, per object id, the prompts and the last mask; closing forgets them, and a
 * closed id stays known so that its later use is refused as closed rather than unknown.
 */
public final class SamSessions {

    private static final int CLOSED_KEPT = 10_000;

    private final Map<String, Session> open = new ConcurrentHashMap<>();
    private final Set<String> closed = ConcurrentHashMap.newKeySet();

    /** How many sessions are open now. */
    public int open() {
        return open.size();
    }

    Session start(byte[] image, int width, int height) {
        Session session = new Session(UUID.randomUUID().toString(), image, width, height);
        open.put(session.id(), session);
        return session;
    }

    Session require(String id) {
        Session session = open.get(id);
        if (session == null) {
            throw SamContainer.invalid(closed.contains(id) ? "session " + id + " is closed" : "unknown session " + id);
        }
        return session;
    }

    void close(String id) {
        require(id);
        open.remove(id);
        if (closed.size() >= CLOSED_KEPT) {
            closed.clear();
        }
        closed.add(id);
    }

    /** One image session: its image and, per object id in the order added, prompts and encoded mask. */
    record Session(String id, byte[] image, int width, int height, Map<Integer, SamMasks.Prompts> prompts,
            Map<Integer, ObjectNode> masks) {

        Session(String id, byte[] image, int width, int height) {
            this(id, image, width, height, new LinkedHashMap<>(), new LinkedHashMap<>());
        }
    }
}

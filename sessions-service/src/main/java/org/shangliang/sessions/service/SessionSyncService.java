package org.shangliang.sessions.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.shangliang.commons.events.ReferenceCopy;
import org.shangliang.commons.http.ChangeCursor;
import org.shangliang.commons.problem.Text;
import org.shangliang.commons.security.Access;
import org.shangliang.commons.security.Caller;
import org.shangliang.sessions.api.SessionSync.SessionChange;
import org.shangliang.sessions.api.SessionSync.SessionChanges;
import org.shangliang.sessions.api.SessionSync.SessionSummary;
import org.shangliang.sessions.domain.SessionAccess;
import org.shangliang.sessions.domain.SessionChangeRepository;
import org.shangliang.sessions.domain.SessionChangeRepository.Change;

/** Mobile sync (离线同步) of a territory's sessions: what changed since a cursor, in one small request. */
@ApplicationScoped
public class SessionSyncService {

    public static final int MAX_LIMIT = 1000;

    @Inject SessionChangeRepository changes;
    @Inject ReferenceCopy copy;

    /** A read: no transaction; one statement. Only the territory's staff see all its sessions, internal ones included. */
    public SessionChanges since(String territory, String since, int limit, Caller caller) {
        ChangeCursor cursor = ChangeCursor.decode(since);
        copy.require(SessionService.DIRECTORY, "territory:" + territory, "territory", Text.of("区域代码 " + territory, "Territory code " + territory));
        if (!SessionAccess.isStaffOf(territory, caller)) {
            throw Access.forbidden(Text.of("只有该区域的组织者、县政协机关和领导可以同步它的全部协商会",
                    "Only the territory's organizers, CPPCC staff and leaders, who see all its sessions, may sync them"));
        }
        ChangeCursor.Page<Change> page = ChangeCursor.page(changes.after(territory, cursor, limit + 1), limit, cursor, Change::cursor);
        return new SessionChanges(page.rows().stream().map(c -> new SessionChange(c.sessionId(), new SessionSummary(c.title(), c.type(), c.mode(),
                c.status(), c.visibility(), c.territoryCode(), c.startsAt(), c.endsAt(), c.venue(), c.version(), c.updatedAt()))).toList(),
                page.next().encode(), page.more());
    }
}

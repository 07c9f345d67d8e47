package org.shangliang.topics.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.shangliang.commons.http.ChangeCursor;
import org.shangliang.commons.problem.Text;
import org.shangliang.commons.security.Access;
import org.shangliang.commons.security.Caller;
import org.shangliang.topics.api.TopicSync.Kind;
import org.shangliang.topics.api.TopicSync.TopicChange;
import org.shangliang.topics.api.TopicSync.TopicChanges;
import org.shangliang.topics.api.TopicSync.TopicSummary;
import org.shangliang.topics.domain.TopicAccess;
import org.shangliang.topics.domain.TopicChangeRepository;
import org.shangliang.topics.domain.TopicChangeRepository.Change;

/**
 * Mobile sync (离线同步): the changes of a territory's topics since a cursor, so that a village
 * organizer's phone keeps an offline copy and brings it up to date in one small request.
 */
@ApplicationScoped
public class TopicSyncService {

    public static final int DEFAULT_LIMIT = 200;
    public static final int MAX_LIMIT = 1000;

    @Inject TopicChangeRepository changes;
    @Inject DirectoryService directory;

    /** A read: no transaction; one statement, so the rows and the rule that settles them share a snapshot. */
    public TopicChanges since(String territory, String since, int limit, Caller caller) {
        ChangeCursor cursor = ChangeCursor.decode(since);
        directory.knownTerritory("territory", territory);
        if (!TopicAccess.canFollowTerritory(caller, territory)) {
            throw Access.forbidden(Text.of("只有能看到该区域全部议题的人（组织者、县政协机关、领导、网格员、镇街系统）可以同步它",
                    "Only callers who see every topic of the territory (organizers, CPPCC staff, leaders, grid workers, township systems) may sync it"));
        }
        ChangeCursor.Page<Change> page = ChangeCursor.page(changes.after(territory, cursor, limit + 1), limit, cursor, Change::cursor);
        return new TopicChanges(page.rows().stream().map(TopicSyncService::view).toList(), page.next().encode(), page.more());
    }

    private static TopicChange view(Change c) {
        Kind kind = Kind.valueOf(c.change());
        if (kind != Kind.UPSERT || c.status() == null) {
            return new TopicChange(c.topicId(), c.status() == null && kind == Kind.UPSERT ? Kind.DELETED : kind, null, kind == Kind.MERGED ? c.mergedInto() : null);
        }
        return new TopicChange(c.topicId(), kind, new TopicSummary(c.number(), c.title(), c.status(), c.level(), c.territoryCode(),
                c.supportCount(), c.version(), c.updatedAt()), null);
    }
}

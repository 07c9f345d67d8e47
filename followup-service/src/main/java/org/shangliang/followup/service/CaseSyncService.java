package org.shangliang.followup.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.shangliang.commons.events.ReferenceCopy;
import org.shangliang.commons.http.ChangeCursor;
import org.shangliang.commons.problem.Text;
import org.shangliang.commons.security.Access;
import org.shangliang.commons.security.Caller;
import org.shangliang.followup.api.CaseSync.CaseChange;
import org.shangliang.followup.api.CaseSync.CaseChanges;
import org.shangliang.followup.api.CaseSync.CaseSummary;
import org.shangliang.followup.domain.CaseAccess;
import org.shangliang.followup.domain.CaseChangeRepository;
import org.shangliang.followup.domain.CaseChangeRepository.Change;

/** Mobile sync (离线同步) of a territory's cases: what changed since a cursor, in one small request. */
@ApplicationScoped
public class CaseSyncService {

    public static final int MAX_LIMIT = 1000;

    @Inject CaseChangeRepository changes;
    @Inject ReferenceCopy copy;

    /** A read: no transaction; one statement. For those who follow every case of the territory (its CPPCC office, leaders, organizers). */
    public CaseChanges since(String territory, String since, int limit, Caller caller) {
        ChangeCursor cursor = ChangeCursor.decode(since);
        copy.require(CaseService.DIRECTORY, "territory:" + territory, "territory", Text.of("区域代码 " + territory, "Territory code " + territory));
        if (!CaseAccess.followsTerritory(caller) || !caller.covers(territory)) {
            throw Access.forbidden(Text.of("只有该区域的县政协机关、领导和组织者可以同步它的全部办理件",
                    "Only the territory's CPPCC staff, leaders and organizers, who see all its cases, may sync them"));
        }
        ChangeCursor.Page<Change> page = ChangeCursor.page(changes.after(territory, cursor, limit + 1), limit, cursor, Change::cursor);
        return new CaseChanges(page.rows().stream().map(c -> new CaseChange(c.caseId(), new CaseSummary(c.number(), c.topicNumber(), c.topicTitle(),
                c.leadUnit(), c.leadUnitCode(), c.status(), c.dueDate(), c.territoryCode(), c.version(), c.updatedAt()))).toList(),
                page.next().encode(), page.more());
    }
}

package org.shangliang.followup.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.shangliang.commons.audit.Audit;
import org.shangliang.commons.events.IncomingEvent;
import org.shangliang.commons.security.Access;
import org.shangliang.commons.security.Caller;
import org.shangliang.followup.domain.CaseAccess;
import org.shangliang.commons.events.Outbox;
import org.shangliang.commons.events.ReferenceCopy;
import org.shangliang.commons.http.Cursor;
import org.shangliang.commons.http.PageView;
import org.shangliang.commons.http.YearlyNumbers;
import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.problem.Preconditions;
import org.shangliang.commons.problem.Text;
import org.shangliang.followup.domain.CaseRepository;
import org.shangliang.followup.domain.CaseStatus;
import org.shangliang.followup.domain.HandlingCase;
import org.shangliang.followup.api.SessionEvents.OutcomeRecorded;
import org.shangliang.followup.messaging.out.CaseOpened;
import org.shangliang.followup.messaging.out.CaseSigned;
import org.shangliang.followup.api.CaseViews.CaseView;

/** Cases: opened from outcomes, then handled by their lead unit. Each change and its event commit together. */
@ApplicationScoped
public class CaseService {

    private static final Logger LOG = Logger.getLogger(CaseService.class);

    @Inject ReferenceCopy copy;
    @Inject CaseRepository cases;
    @Inject Outbox outbox;
    @Inject YearlyNumbers numbers;
    @Inject Audit audit;

    /** One case per recommendation of the first version of an outcome. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void openFor(OutcomeRecorded outcome, IncomingEvent event) {
        if (outcome.version() > 1) {
            // A correction of the record: its cases already exist and are being handled. Carrying
            // corrections into open cases is a later feature; until then the record is only noted.
            LOG.infof("outcome %s version %d is a correction; cases unchanged", outcome.outcomeId(), outcome.version());
            return;
        }
        for (OutcomeRecorded.Recommendation r : outcome.recommendations()) {
            if (cases.existsForRecommendation(r.recommendationId())) continue;
            HandlingCase c = HandlingCase.open(numbers.next("BJ"), r.recommendationId(), outcome.outcomeId(), outcome.sessionId(),
                    outcome.topicId(), outcome.topicNumber(), outcome.topicTitle(), r.text(), r.unitCode(), r.suggestedUnit(), r.dueDate(),
                    outcome.territoryCode());
            cases.persist(c);
            outbox.publish(CaseOpened.of(c));
            audit.record(Caller.system(event.publisher()), event.id(), "case.open", "Case", c.id(), c.number() + " → " + c.leadUnit());
        }
    }

    /** A read: no transaction (autocommit, one round trip; nothing is flushed). */
    public CaseView get(UUID id, Caller caller) {
        return CaseView.of(find(id, caller));
    }

    /** A read: no transaction (autocommit, one round trip; nothing is flushed). */
    public PageView<CaseView> list(UUID topicId, CaseStatus status, String unit, String cursor, int limit, Caller caller) {
        if (unit != null) copy.require("directory", "unit:" + unit, "unit", Text.of("承办单位代码 " + unit, "Unit code " + unit));
        List<HandlingCase> rows = cases.page(caller, topicId, status, unit, Cursor.decode(cursor), limit);
        return PageView.of(rows, limit, CaseView::of, c -> new Cursor(c.createdAt(), c.id()));
    }

    @Transactional
    public CaseView sign(UUID id, String ifMatch, Caller caller) {
        HandlingCase c = find(id, caller);
        if (!CaseAccess.isLeadUnit(c, caller)) {
            throw Access.forbidden(Text.of("只有承办单位 " + c.leadUnit() + "（" + c.leadUnitCode() + "）可以签收", "Only the lead unit " + c.leadUnit() + " (" + c.leadUnitCode() + ") may sign for this case"));
        }
        Preconditions.requireIfMatch(ifMatch, c.version());
        c.sign();
        outbox.publish(CaseSigned.of(c));
        audit.record(caller, "case.sign", "Case", c.id(), c.number());
        cases.flush();
        return CaseView.of(c);
    }

    /** A case the caller may not see does not exist for them: 404, not 403. */
    private HandlingCase find(UUID id, Caller caller) {
        return cases.findByIdOptional(id).filter(c -> CaseAccess.canSee(c, caller)).orElseThrow(() -> ApiException.notFound(
                Text.of("没有编号为 " + id + " 的办理件", "No case with id " + id)));
    }
}

package org.shangliang.followup.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
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
import org.shangliang.followup.domain.CaseHistoryEntry;
import org.shangliang.followup.domain.CaseHistoryRepository;
import org.shangliang.followup.domain.CaseRepository;
import org.shangliang.followup.domain.CaseStatus;
import org.shangliang.followup.domain.HandlingCase;
import org.shangliang.followup.api.SessionEvents.OutcomeCorrected;
import org.shangliang.followup.api.SessionEvents.OutcomeRecorded;
import org.shangliang.followup.api.CaseViews.CaseHistoryView;
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
    @Inject CaseHistoryRepository history;

    /** One case per recommendation of the first version of an outcome. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void openFor(OutcomeRecorded outcome, IncomingEvent event) {
        if (outcome.version() > 1) {
            // Published before corrections had their own event: the cases exist; OutcomeCorrected carries changes now.
            LOG.infof("outcome %s version %d recorded as a new version; cases unchanged", outcome.outcomeId(), outcome.version());
            return;
        }
        for (OutcomeRecorded.Recommendation r : outcome.recommendations()) {
            open(r, outcome.outcomeId(), 1, outcome.sessionId(), outcome.topicId(), outcome.topicNumber(), outcome.topicTitle(), outcome.territoryCode(), event);
        }
    }

    /**
     * 更正 applied: changed recommendations update their open cases (a new lead unit signs again),
     * added ones open cases, withdrawn ones withdraw theirs; a withdrawn case keeps its history and is
     * not reopened. Each case notes the correction in its own history.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyCorrection(OutcomeCorrected e, IncomingEvent event) {
        Caller system = Caller.system(event.publisher());
        Map<UUID, OutcomeRecorded.Recommendation> inForce = e.recommendations().stream()
                .collect(Collectors.toMap(OutcomeRecorded.Recommendation::recommendationId, Function.identity()));
        String why = "协商意见更正（第" + e.version() + "版）：" + e.reason();
        for (UUID id : e.changed()) {
            OutcomeRecorded.Recommendation r = inForce.get(id);
            Optional<HandlingCase> found = cases.byRecommendation(id);
            if (r == null || found.isEmpty()) {
                LOG.warnf("%s changes recommendation %s, which %s", event, id, r == null ? "is not in its list" : "has no case here");
                if (r != null) open(r, e.outcomeId(), e.version(), e.sessionId(), e.topicId(), e.topicNumber(), e.topicTitle(), e.territoryCode(), event);
                continue;
            }
            HandlingCase c = found.get();
            if (c.outcomeVersion() >= e.version()) continue; // already carries this version or a later one
            if (c.status() == CaseStatus.WITHDRAWN) {
                history.persist(new CaseHistoryEntry(c.id(), "CORRECTED", why + "（已撤销的办理件不恢复）", system.subject(), e.outcomeId()));
                continue;
            }
            String before = c.leadUnit() + "，" + (c.dueDate() == null ? "无时限" : c.dueDate());
            c.correct(e.outcomeId(), e.version(), r.text(), r.unitCode(), r.suggestedUnit(), r.dueDate());
            String after = c.leadUnit() + "，" + (c.dueDate() == null ? "无时限" : c.dueDate());
            history.persist(new CaseHistoryEntry(c.id(), "CORRECTED", why + (before.equals(after) ? "" : "；" + before + " → " + after), system.subject(), e.outcomeId()));
            audit.record(system, event.id(), "case.correct", "Case", c.id(), c.number() + " v" + e.version());
        }
        for (UUID id : e.added()) {
            OutcomeRecorded.Recommendation r = inForce.get(id);
            if (r == null) {
                LOG.warnf("%s adds recommendation %s but does not list it; ignored", event, id);
                continue;
            }
            open(r, e.outcomeId(), e.version(), e.sessionId(), e.topicId(), e.topicNumber(), e.topicTitle(), e.territoryCode(), event);
        }
        for (UUID id : e.withdrawn()) {
            Optional<HandlingCase> found = cases.byRecommendation(id);
            if (found.isEmpty() || found.get().status() == CaseStatus.WITHDRAWN || found.get().outcomeVersion() >= e.version()) continue;
            HandlingCase c = found.get();
            c.withdraw(e.outcomeId(), e.version(), e.reason());
            history.persist(new CaseHistoryEntry(c.id(), "WITHDRAWN", why + "；本项建议撤回", system.subject(), e.outcomeId()));
            audit.record(system, event.id(), "case.withdraw", "Case", c.id(), c.number() + " v" + e.version());
        }
        cases.flush();
    }

    private void open(OutcomeRecorded.Recommendation r, UUID outcomeId, int outcomeVersion, UUID sessionId, UUID topicId, String topicNumber,
                      String topicTitle, String territoryCode, IncomingEvent event) {
        if (cases.existsForRecommendation(r.recommendationId())) return; // a redelivered event opens nothing twice
        HandlingCase c = HandlingCase.open(numbers.next("BJ"), r.recommendationId(), outcomeId, sessionId, topicId, topicNumber, topicTitle,
                r.text(), r.unitCode(), r.suggestedUnit(), r.dueDate(), territoryCode);
        if (outcomeVersion > 1) c.correct(outcomeId, outcomeVersion, r.text(), r.unitCode(), r.suggestedUnit(), r.dueDate());
        cases.persist(c);
        outbox.publish(CaseOpened.of(c));
        history.persist(new CaseHistoryEntry(c.id(), "OPENED", "交办：" + c.leadUnit() + (outcomeVersion > 1 ? "（协商意见第" + outcomeVersion + "版新增）" : ""),
                event.publisher(), outcomeId));
        audit.record(Caller.system(event.publisher()), event.id(), "case.open", "Case", c.id(), c.number() + " → " + c.leadUnit());
    }

    /** 办理记录, oldest first. A read: no transaction. */
    public List<CaseHistoryView> history(UUID id, Caller caller) {
        return history.of(find(id, caller).id()).stream().map(CaseHistoryView::of).toList();
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
        history.persist(new CaseHistoryEntry(c.id(), "SIGNED", "签收：" + (caller.name() == null ? caller.subject() : caller.name()), caller.subject(), null));
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

package org.shangliang.followup.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import org.shangliang.commons.events.MalformedEventException;
import org.shangliang.commons.security.Roles;
import org.shangliang.followup.config.CaseClock;
import org.shangliang.followup.domain.CasePart;
import org.shangliang.followup.domain.CasePartRepository;
import org.shangliang.followup.domain.Evaluators;
import org.shangliang.followup.domain.HandlingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.shangliang.commons.audit.Audit;
import org.shangliang.commons.events.IncomingEvent;
import org.shangliang.commons.security.Caller;
import org.shangliang.followup.domain.CaseAccess;
import org.shangliang.commons.events.Outbox;
import org.shangliang.commons.events.ReferenceCopy;
import org.shangliang.commons.http.Cursor;
import org.shangliang.commons.http.PageView;
import org.shangliang.commons.http.YearlyNumbers;
import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.problem.Text;
import org.shangliang.followup.domain.CaseHistoryEntry;
import org.shangliang.followup.domain.CaseHistoryRepository;
import org.shangliang.followup.domain.CaseRepository;
import org.shangliang.followup.domain.CaseStatus;
import org.shangliang.followup.domain.CaseFilter;
import org.shangliang.followup.domain.HandlingCase;
import org.shangliang.followup.api.SessionEvents.OutcomeCorrected;
import org.shangliang.followup.api.SessionEvents.OutcomeRecorded;
import org.shangliang.followup.api.CaseViews.CaseHistoryView;
import org.shangliang.followup.messaging.out.CaseOpened;
import org.shangliang.followup.messaging.out.CaseReassigned;
import org.shangliang.followup.messaging.out.CaseWithdrawn;
import org.shangliang.followup.api.CaseViews.CaseView;
import org.shangliang.followup.api.CaseRequests.OpenCase;

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
    @Inject CasePartRepository parts;
    @Inject Evaluators evaluators;
    @Inject CaseClock clock;
    @Inject DeadlineService deadlines;
    @Inject org.shangliang.followup.config.FollowupConfig config;

    /** The directory copy's stream name (see application.properties). */
    static final String DIRECTORY = "directory";

    /** One case per recommendation of the first version of an outcome. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void openFor(OutcomeRecorded outcome, IncomingEvent event) {
        if (outcome.version() > 1) {
            // Published before corrections had their own event: the cases exist; OutcomeCorrected carries changes now.
            LOG.infof("outcome %s version %d recorded as a new version; cases unchanged", outcome.outcomeId(), outcome.version());
            return;
        }
        // All or nothing: an unknown unit refuses the whole event (dead-lettered with the reason), no case is half-opened.
        outcome.recommendations().forEach(r -> knownUnits(r, event));
        evaluators.participants(outcome.sessionId(), outcome.participants());
        for (OutcomeRecorded.Recommendation r : outcome.recommendations()) {
            open(r, outcome.outcomeId(), 1, outcome.sessionId(), outcome.topicId(), outcome.topicNumber(), outcome.topicTitle(), outcome.territoryCode(), event);
        }
    }

    /**
     * The units a recommendation names, as the directory copy has them: an unknown or retired code
     * makes the event malformed. While the copy is still being read since start, the event waits.
     */
    private void knownUnits(OutcomeRecorded.Recommendation r, IncomingEvent event) {
        List<String> codes = new ArrayList<>(r.coHandlers());
        if (r.unitCode() != null) codes.add(0, r.unitCode());
        for (String code : codes) {
            Optional<JsonNode> unit = copy.find(DIRECTORY, "unit:" + code);
            if (unit.isPresent() && !unit.get().path("retired").asBoolean(false)) continue;
            if (unit.isEmpty() && !copy.isCaughtUp()) {
                throw new IllegalStateException("the directory copy is still being read; " + event + " waits for unit " + code);
            }
            throw new MalformedEventException("recommendation " + r.recommendationId() + " names unit " + code + ", which the directory "
                    + (unit.isEmpty() ? "does not know" : "has retired"));
        }
    }

    private String unitName(String code, String fallback) {
        return copy.find(DIRECTORY, "unit:" + code).map(u -> u.path("name").asText(fallback)).orElse(fallback);
    }

    /**
     * 更正 applied: changed recommendations update their open cases (a new lead unit signs again),
     * added ones open cases, withdrawn ones withdraw theirs; a withdrawn case keeps its history and is
     * not reopened. Each case notes the correction in its own history.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyCorrection(OutcomeCorrected e, IncomingEvent event) {
        e.recommendations().forEach(r -> knownUnits(r, event));
        evaluators.participants(e.sessionId(), e.participants());
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
            if (!c.status().isOpen()) {
                // A closed case is not reopened, nor a withdrawn one restored: the correction is noted on it.
                history.persist(new CaseHistoryEntry(c.id(), clock.now(), "CORRECTED",
                        why + (c.status() == CaseStatus.WITHDRAWN ? "（已撤销的办理件不恢复）" : "（已办结的办理件不重新打开）"), system.subject(), e.outcomeId()));
                continue;
            }
            String before = c.leadUnit() + "，" + (c.dueDate() == null ? "无时限" : c.dueDate());
            String unitBefore = c.leadUnitCode();
            // A deadline in working days on a case already signed for is reckoned from its sign-for, as it would have been.
            java.time.LocalDate due = r.dueDate() == null && r.workingDays() != null && c.signedAt() != null
                    ? deadlines.addWorkingDays(c.signedAt().atZone(CaseClock.COUNTY_ZONE).toLocalDate(), r.workingDays()) : r.dueDate();
            c.correct(e.outcomeId(), e.version(), r.text(), r.unitCode(), unitName(r.unitCode(), r.suggestedUnit()), due);
            c.handledAs(r.mode(), r.workingDays());
            syncParts(c, r.coHandlers());
            if (!java.util.Objects.equals(unitBefore, c.leadUnitCode())) {
                outbox.publish(CaseReassigned.of(c, unitBefore, false, why));
            }
            String after = c.leadUnit() + "，" + (c.dueDate() == null ? "无时限" : c.dueDate());
            history.persist(new CaseHistoryEntry(c.id(), clock.now(), "CORRECTED", why + (before.equals(after) ? "" : "；" + before + " → " + after), system.subject(), e.outcomeId()));
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
            outbox.publish(CaseWithdrawn.of(c));
            history.persist(new CaseHistoryEntry(c.id(), clock.now(), "WITHDRAWN", why + "；本项建议撤回", system.subject(), e.outcomeId()));
            audit.record(system, event.id(), "case.withdraw", "Case", c.id(), c.number() + " v" + e.version());
        }
        cases.flush();
    }

    private void open(OutcomeRecorded.Recommendation r, UUID outcomeId, int outcomeVersion, UUID sessionId, UUID topicId, String topicNumber,
                      String topicTitle, String territoryCode, IncomingEvent event) {
        if (cases.existsForRecommendation(r.recommendationId())) return; // a redelivered event opens nothing twice
        String unit = r.unitCode() == null ? r.suggestedUnit() : unitName(r.unitCode(), r.suggestedUnit());
        HandlingCase c = HandlingCase.open(numbers.next("BJ"), r.recommendationId(), outcomeId, sessionId, topicId, topicNumber, topicTitle,
                r.text(), r.unitCode(), unit, r.dueDate(), territoryCode)
                .handledAs(r.mode(), r.workingDays());
        if (outcomeVersion > 1) c.correct(outcomeId, outcomeVersion, r.text(), r.unitCode(), unit, r.dueDate());
        cases.persist(c);
        syncParts(c, r.coHandlers());
        outbox.publish(CaseOpened.of(c, r.coHandlers()));
        history.persist(new CaseHistoryEntry(c.id(), clock.now(), "OPENED", "交办：" + c.leadUnit() + (outcomeVersion > 1 ? "（协商意见第" + outcomeVersion + "版新增）" : ""),
                event.publisher(), outcomeId));
        audit.record(Caller.system(event.publisher()), event.id(), "case.open", "Case", c.id(), c.number() + " → " + c.leadUnit());
    }

    /**
     * 手工交办 by staff of the territory: units checked against the directory copy (422 naming the field);
     * publishes CaseOpened like a case from an outcome (without outcome, session or topic).
     */
    @Transactional
    public CaseView openByHand(OpenCase request, Caller caller) {
        if (!caller.is(Roles.CPPCC_STAFF) || !caller.covers(request.territoryCode())) {
            throw org.shangliang.commons.security.Access.forbidden(Text.of("只能在本人所辖区域（" + caller.territory() + "）内交办",
                    "You may open cases only inside your territory (" + caller.territory() + ")"));
        }
        if (request.dueDate() != null && request.workingDays() != null) {
            throw ApiException.unprocessable("workingDays", Text.of("办理时限请给出日期或工作日数之一", "Give dueDate or workingDays, not both"));
        }
        List<String> coHandlers = request.coHandlerCodes() == null ? List.of() : request.coHandlerCodes().stream().distinct().toList();
        if (coHandlers.contains(request.leadUnitCode())) {
            throw ApiException.unprocessable("coHandlerCodes", Text.of("主办单位不能同时是协办单位", "The lead unit cannot also co-handle"));
        }
        if (request.handlingMode() == HandlingMode.SOLE && !coHandlers.isEmpty()) {
            throw ApiException.unprocessable("handlingMode", Text.of("单办件没有协办单位", "A SOLE case has no co-handlers"));
        }
        List<ApiException.FieldError> invalid = new ArrayList<>();
        String lead = name(copy.collect(DIRECTORY, "unit:" + request.leadUnitCode(), "leadUnitCode",
                Text.of("承办单位代码 " + request.leadUnitCode(), "Unit code " + request.leadUnitCode()), invalid), request.leadUnitCode());
        for (int i = 0; i < coHandlers.size(); i++) {
            copy.collect(DIRECTORY, "unit:" + coHandlers.get(i), "coHandlerCodes[" + i + "]", Text.of("承办单位代码 " + coHandlers.get(i), "Unit code " + coHandlers.get(i)), invalid);
        }
        copy.collect(DIRECTORY, "territory:" + request.territoryCode(), "territoryCode", Text.of("区域代码 " + request.territoryCode(), "Territory " + request.territoryCode()), invalid);
        if (!invalid.isEmpty()) {
            throw new ApiException(422, "invalid-references", Text.of("交办信息有误", "The case names codes the directory does not have"),
                    Text.of("请核对下列代码", "Check the codes listed"), invalid);
        }
        HandlingCase c = HandlingCase.openByHand(numbers.next("BJ"), request.source().strip(), request.content().strip(), request.leadUnitCode(), lead,
                request.dueDate(), request.territoryCode(), caller.subject())
                .handledAs(HandlingMode.implied(request.handlingMode(), !coHandlers.isEmpty()), request.workingDays());
        cases.persist(c);
        syncParts(c, coHandlers);
        outbox.publish(CaseOpened.of(c, coHandlers));
        history.persist(new CaseHistoryEntry(c.id(), clock.now(), "OPENED", "手工交办：" + c.leadUnit() + "（来源：" + c.sourceNote() + "）", caller.subject(), null));
        audit.record(caller, "case.open-by-hand", "Case", c.id(), c.number() + " → " + c.leadUnit());
        cases.flush();
        return view(c);
    }

    private static String name(JsonNode entry, String fallback) {
        return entry == null ? fallback : entry.path("name").asText(fallback);
    }

    /** The co-handlers as the outcome now names them: new ones get a part; dropped ones keep theirs if they already reported. */
    private void syncParts(HandlingCase c, List<String> coHandlers) {
        List<CasePart> existing = parts.of(c.id());
        for (String code : coHandlers) {
            if (code.equals(c.leadUnitCode()) || existing.stream().anyMatch(p -> p.unitCode().equals(code))) continue;
            parts.persist(new CasePart(c.id(), code, unitName(code, code)));
        }
        for (CasePart p : existing) {
            if (!coHandlers.contains(p.unitCode()) && p.status() != CasePart.Status.REPORTED) parts.delete(p);
        }
    }

    /** 办理记录, oldest first. A read: no transaction. */
    public List<CaseHistoryView> history(UUID id, Caller caller) {
        return history.of(visible(id, caller).id()).stream().map(CaseHistoryView::of).toList();
    }

    /** A read: no transaction (autocommit, one round trip; nothing is flushed). */
    public CaseView get(UUID id, Caller caller) {
        return view(visible(id, caller));
    }

    public CaseView view(HandlingCase c) {
        return CaseView.of(c, parts.of(c.id()), c.deadlineState(clock.today(), config.dueSoonDays()));
    }

    /** A read: no transaction (autocommit, one round trip; nothing is flushed). */
    public PageView<CaseView> list(CaseFilter filter, String cursor, int limit, Caller caller) {
        String unit = filter.unit();
        if (unit != null) copy.require(DIRECTORY, "unit:" + unit, "unit", Text.of("承办单位代码 " + unit, "Unit code " + unit));
        List<HandlingCase> rows = cases.page(caller, filter, clock.today(), config.dueSoonDays(), Cursor.decode(cursor), limit);
        Map<UUID, List<CasePart>> byCase = parts.ofCases(rows.stream().map(HandlingCase::id).toList());
        java.time.LocalDate today = clock.today();
        return PageView.of(rows, limit, c -> CaseView.of(c, byCase.getOrDefault(c.id(), List.of()), c.deadlineState(today, config.dueSoonDays())),
                c -> new Cursor(c.createdAt(), c.id()));
    }

    /**
     * A case the caller may not see does not exist for them: 404, not 403. Staff, leaders and organizers
     * see their territory's, handlers their unit's (lead or co-handling), the proposer, co-signers and
     * participants the cases of their topic and session.
     */
    public HandlingCase visible(UUID id, Caller caller) {
        return cases.findByIdOptional(id).filter(c -> CaseAccess.canSee(c, caller) || isCoHandler(c, caller)
                        || evaluators.roleOf(c, caller.subject()).isPresent())
                .orElseThrow(() -> ApiException.notFound(Text.of("没有编号为 " + id + " 的办理件", "No case with id " + id)));
    }

    public boolean isCoHandler(HandlingCase c, Caller caller) {
        return caller.is(Roles.HANDLER) && caller.unit() != null && parts.of(c.id(), caller.unit()).isPresent();
    }
}

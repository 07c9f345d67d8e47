package org.shangliang.sessions.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.shangliang.commons.audit.Audit;
import org.shangliang.commons.events.Outbox;
import org.shangliang.commons.events.ReferenceCopy;
import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.problem.ApiException.FieldError;
import org.shangliang.commons.problem.Text;
import org.shangliang.commons.security.Access;
import org.shangliang.commons.security.Caller;
import org.shangliang.commons.security.Roles;
import org.shangliang.sessions.api.SessionRequests.CorrectOutcome;
import org.shangliang.sessions.api.SessionRequests.NewRecommendation;
import org.shangliang.sessions.api.SessionRequests.RecordOutcome;
import org.shangliang.sessions.api.SessionRequests.StatePosition;
import org.shangliang.sessions.api.SessionViews.OutcomeView;
import org.shangliang.sessions.api.SessionViews.PositionView;
import org.shangliang.sessions.config.SessionsConfig;
import org.shangliang.sessions.domain.AgendaItem;
import org.shangliang.sessions.domain.Attendance;
import org.shangliang.sessions.domain.ConsultationSession;
import org.shangliang.sessions.domain.Decision;
import org.shangliang.sessions.domain.DecisionRule;
import org.shangliang.sessions.domain.HandlingMode;
import org.shangliang.sessions.domain.Outcome;
import org.shangliang.sessions.domain.OutcomeRepository;
import org.shangliang.sessions.domain.Participant;
import org.shangliang.sessions.domain.ParticipantRepository;
import org.shangliang.sessions.domain.Position;
import org.shangliang.sessions.domain.PositionRepository;
import org.shangliang.sessions.domain.SessionRepository;
import org.shangliang.sessions.domain.SessionStatus.Action;
import org.shangliang.sessions.messaging.out.OutcomeCorrected;
import org.shangliang.sessions.messaging.out.OutcomeRecorded;
import java.util.HashSet;

/**
 * 协商成果: positions (表态) of those present, the outcome recorded once per item under the quorum and
 * the decision rule, and corrections as new versions that keep recommendation ids. Each record and
 * its event commit together.
 */
@ApplicationScoped
public class OutcomeService {

    @Inject SessionService sessionService;
    @Inject SessionRepository sessions;
    @Inject OutcomeRepository outcomes;
    @Inject ParticipantRepository participants;
    @Inject PositionRepository positions;
    @Inject ReferenceCopy copy;
    @Inject SessionsConfig config;
    @Inject Outbox outbox;
    @Inject Audit audit;

    /** 表态 by the participant, or by the organizer on their behalf (recorded as such); replaces their earlier position. */
    @Transactional
    public PositionView state(UUID sessionId, UUID itemId, UUID participantId, StatePosition request, Caller caller) {
        ConsultationSession session = sessionService.find(sessionId);
        AgendaItem item = SessionService.item(session, itemId);
        // Locked: the participant's first position on an item is created once even if sent twice at once.
        Participant p = participants.findByIdOptional(participantId, LockModeType.PESSIMISTIC_WRITE).filter(x -> x.sessionId().equals(session.id()))
                .orElseThrow(() -> ApiException.notFound(Text.of("协商会 " + session.id() + " 没有参会人员 " + participantId,
                        "Session " + session.id() + " has no participant " + participantId)));
        boolean self = p.subject() != null && p.subject().equals(caller.subject());
        if (!self) {
            if (!caller.isAny(Roles.ORGANIZER, Roles.CPPCC_STAFF)) {
                throw Access.forbidden(Text.of("只能本人表态，或由组织者代为记录", "Only the participant, or the organizer on their behalf, may state a position"));
            }
            SessionService.requireTerritory(session.territoryCode(), caller);
        }
        session.status().check(Action.STATE_POSITION);
        if (!p.present()) {
            throw ApiException.conflict(Text.of(p.name() + " 尚未签到：只有到会的参会人员可以表态", p.name() + " has not checked in: only those present state a position"));
        }
        java.util.Optional<Position> existing = positions.of(item.id(), p.id());
        Position position = existing.orElseGet(() -> new Position(item.id(), p.id()));
        position.state(request.stance(), request.note() == null || request.note().isBlank() ? null : request.note().strip(), caller.subject(), !self);
        if (existing.isEmpty()) positions.persist(position);
        audit.record(caller, "outcome.position", "Session", session.id(), p.name() + " " + request.stance() + (self ? "" : "（组织者代为记录）"));
        return PositionView.of(position, p);
    }

    /** The positions stated so far on an item, in the order of the participant list. A read: no transaction. */
    public List<PositionView> positions(UUID sessionId, UUID itemId, Caller caller) {
        ConsultationSession session = sessionService.visible(sessionId, caller);
        AgendaItem item = SessionService.item(session, itemId);
        Map<UUID, Position> stated = positions.of(item.id()).stream().collect(Collectors.toMap(Position::participantId, Function.identity()));
        return participants.of(session.id()).stream().filter(p -> stated.containsKey(p.id()))
                .map(p -> PositionView.of(stated.get(p.id()), p)).toList();
    }

    /** Version 1 of an item's outcome: in the hall (or a late entry), with the quorum present and the decision rule met. */
    @Transactional
    public OutcomeView record(UUID sessionId, UUID itemId, RecordOutcome request, Caller caller) {
        ConsultationSession session = locked(sessionId, caller);
        AgendaItem item = SessionService.item(session, itemId);
        if (!item.isTopic()) {
            throw ApiException.conflict(Text.of("自由议程项不形成协商成果；其内容请记为发言", "A free item has no outcome; record what was said as contributions"));
        }
        boolean late = session.outcomeRecorded(item, Duration.ofDays(config.lateOutcomeDays()));
        outcomes.latest(item.id()).ifPresent(existing -> {
            throw new ApiException(409, "outcome-exists", Text.of("该议程项已有协商成果", "This item already has an outcome"),
                    Text.of("已记录第 " + existing.version() + " 版；更改请提交更正（POST …/outcomes/corrections），写明原因",
                            "Version " + existing.version() + " is recorded; a change is a correction (POST …/outcomes/corrections) with its reason"));
        });
        List<Participant> all = participants.of(session.id());
        config.quorumOf(session.type()).check(Attendance.of(all));
        Outcome outcome = write(item, 1, request.consensus(), request.decisionRule(), request.majorityThreshold(), request.recommendations(),
                null, all, late, null, caller);
        outbox.publish(OutcomeRecorded.of(outcome, subjects(all)));
        audit.record(caller, "outcome.record", "Outcome", outcome.id(), "session " + session.id() + ", version 1" + (late ? "（补录）" : ""));
        return OutcomeView.of(outcome, null);
    }

    /** 更正: the next version, with its reason; recommendation ids carried over say what changed. */
    @Transactional
    public OutcomeView correct(UUID sessionId, UUID itemId, CorrectOutcome request, Caller caller) {
        ConsultationSession session = locked(sessionId, caller);
        AgendaItem item = SessionService.item(session, itemId);
        session.status().check(Action.CORRECT_OUTCOME);
        Outcome previous = outcomes.latest(item.id()).orElseThrow(() -> ApiException.conflict(
                Text.of("该议程项还没有协商成果，无可更正", "This item has no outcome to correct")));
        List<Participant> all = participants.of(session.id());
        Outcome next = write(item, previous.version() + 1, request.consensus(), request.decisionRule(), request.majorityThreshold(),
                request.recommendations(), request.reason().strip(), all, false, previous, caller);
        Outcome.Changes changes = next.changesFrom(previous);
        if (changes.none()) {
            throw ApiException.unprocessable(Text.of("更正与现行版本完全相同", "The correction changes nothing in the version in force"));
        }
        outbox.publish(OutcomeCorrected.of(next, previous, changes, subjects(all)));
        audit.record(caller, "outcome.correct", "Outcome", next.id(), "session " + session.id() + ", version " + next.version() + "：" + next.correctionReason());
        return OutcomeView.of(next, changes);
    }

    /** Every version, oldest first, each with what it changed. A read: no transaction. */
    public List<OutcomeView> versions(UUID sessionId, UUID itemId, Caller caller) {
        AgendaItem item = SessionService.item(sessionService.visible(sessionId, caller), itemId);
        List<Outcome> all = outcomes.of(item.id());
        List<OutcomeView> views = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            views.add(OutcomeView.of(all.get(i), i == 0 ? null : all.get(i).changesFrom(all.get(i - 1))));
        }
        return views;
    }

    /** Locked: two clerks at once are serialized (one records, the other is told it exists), and the quorum is counted once. */
    private ConsultationSession locked(UUID sessionId, Caller caller) {
        ConsultationSession session = sessions.findByIdOptional(sessionId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> SessionService.notFound(sessionId));
        SessionService.requireTerritory(session.territoryCode(), caller);
        return session;
    }

    private Outcome write(AgendaItem item, int version, String consensus, DecisionRule rule, Double threshold, List<NewRecommendation> lines,
                          String reason, List<Participant> all, boolean late, Outcome previous, Caller caller) {
        if (rule == DecisionRule.MAJORITY && threshold == null) {
            throw ApiException.unprocessable("majorityThreshold", Text.of("多数同意须写明比例，如 0.5 或 0.667", "MAJORITY needs its threshold, e.g. 0.5 or 0.667"));
        }
        if (rule == DecisionRule.CONSENSUS && threshold != null) {
            throw ApiException.unprocessable("majorityThreshold", Text.of("协商一致不设比例", "CONSENSUS takes no threshold"));
        }
        List<Participant> present = all.stream().filter(Participant::present).toList();
        Map<UUID, Position> stated = positions.of(item.id()).stream().collect(Collectors.toMap(Position::participantId, Function.identity()));
        List<Participant> withPosition = present.stream().filter(p -> stated.containsKey(p.id())).toList();
        Decision decision = Decision.of(rule, threshold, present.size(), withPosition.stream().map(p -> stated.get(p.id()).stance()).toList());
        if (Boolean.FALSE.equals(decision.met()) && !lines.isEmpty()) {
            throw new ApiException(409, "decision-not-met", Text.of("未达成决议规则", "The decision rule was not met"),
                    Text.of("到会 " + decision.present() + " 人，赞成 " + decision.inFavour() + "，反对 " + decision.objecting() + "，弃权 " + decision.abstaining()
                                    + "：未形成一致意见时只能记录不含建议的协商意见（求同存异）",
                            decision.present() + " present, " + decision.inFavour() + " in favour, " + decision.objecting() + " against, " + decision.abstaining()
                                    + " abstaining: without agreement only an outcome without recommendations can be recorded"));
        }
        Set<UUID> inForce = previous == null ? Set.of() : previous.recommendations().stream().map(r -> r.recommendationId()).collect(Collectors.toSet());
        List<FieldError> invalid = new ArrayList<>();
        Outcome outcome = new Outcome(item, version, consensus.strip(), decision, caller.subject(), caller.name(), late, reason);
        Set<UUID> kept = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            NewRecommendation r = lines.get(i);
            String field = "recommendations[" + i + "]";
            if (r.id() != null && !inForce.contains(r.id())) {
                invalid.add(new FieldError(field + ".id", Text.of(previous == null ? "首次记录的建议不带编号" : "编号 " + r.id() + " 不是现行版本中的建议",
                        previous == null ? "a first record's recommendations have no id" : r.id() + " is not a recommendation of the version in force")));
                continue;
            }
            if (r.id() != null && !kept.add(r.id())) {
                invalid.add(new FieldError(field + ".id", Text.of("同一建议出现了两次", "the same recommendation appears twice")));
                continue;
            }
            if (r.dueDate() != null && r.workingDays() != null) {
                invalid.add(new FieldError(field + ".workingDays", Text.of("时限只能给日期或工作日之一", "give a due date or working days, not both")));
                continue;
            }
            JsonNode unit = unit(r.unitCode(), field + ".unitCode", invalid);
            List<String> coHandlers = r.coHandlerCodes() == null ? List.of() : r.coHandlerCodes().stream().distinct().toList();
            if (r.handlingMode() == HandlingMode.SOLE && !coHandlers.isEmpty()) {
                invalid.add(new FieldError(field + ".handlingMode", Text.of("单办不能有协办单位", "a SOLE recommendation names no co-handlers")));
            }
            if (r.handlingMode() != null && r.handlingMode() != HandlingMode.SOLE && coHandlers.isEmpty()) {
                invalid.add(new FieldError(field + ".handlingMode", Text.of(r.handlingMode() == HandlingMode.SPLIT ? "分办须有协办单位" : "会办须有协办单位",
                        "a " + r.handlingMode() + " recommendation names its co-handlers")));
            }
            for (int j = 0; j < coHandlers.size(); j++) {
                if (coHandlers.get(j).equals(r.unitCode())) {
                    invalid.add(new FieldError(field + ".coHandlerCodes[" + j + "]", Text.of("协办单位不能是承办单位本身", "a co-handler cannot be the lead unit")));
                } else {
                    unit(coHandlers.get(j), field + ".coHandlerCodes[" + j + "]", invalid);
                }
            }
            if (unit != null) {
                outcome.recommend(r.id(), r.text().strip(), r.unitCode(), unit.path("name").asText(r.unitCode()), coHandlers, r.handlingMode(), r.dueDate(), r.workingDays());
            }
        }
        if (!invalid.isEmpty()) {
            throw new ApiException(422, "invalid-recommendations", Text.of("建议有误", "The recommendations have errors"),
                    Text.of("见 violations：每一项指出是哪一条建议", "See violations: each names the recommendation in question"), invalid);
        }
        for (Participant p : withPosition) outcome.taken(p, stated.get(p.id()));
        outcomes.persist(outcome);
        return outcome;
    }

    /** The unit's directory entry, or null with the reason added to {@code invalid} (a copy still loading is a 503, not a 422). */
    private JsonNode unit(String code, String field, List<FieldError> invalid) {
        return copy.collect(SessionService.DIRECTORY, "unit:" + code, field, Text.of("承办单位代码 " + code, "Unit code " + code), invalid);
    }

    /** The logins of those present: who may evaluate the result in follow-up. */
    private static List<String> subjects(List<Participant> all) {
        return all.stream().filter(p -> p.present() && p.subject() != null).map(Participant::subject).distinct().toList();
    }
}

package org.shangliang.followup.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.shangliang.commons.audit.Audit;
import org.shangliang.commons.events.Outbox;
import org.shangliang.commons.events.ReferenceCopy;
import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.problem.Preconditions;
import org.shangliang.commons.problem.Text;
import org.shangliang.commons.security.Access;
import org.shangliang.commons.security.Caller;
import org.shangliang.commons.security.Roles;
import org.shangliang.followup.api.CaseRequests.CloseCase;
import org.shangliang.followup.api.CaseRequests.EvaluateCase;
import org.shangliang.followup.api.CaseRequests.InsistOnAssignment;
import org.shangliang.followup.api.CaseRequests.ReassignCase;
import org.shangliang.followup.api.CaseRequests.RedoCase;
import org.shangliang.followup.api.CaseRequests.ReplyToCase;
import org.shangliang.followup.api.CaseRequests.ReportPart;
import org.shangliang.followup.api.CaseRequests.ReportProgress;
import org.shangliang.followup.api.CaseRequests.RequestReturn;
import org.shangliang.followup.api.CaseRequests.SendBackReply;
import org.shangliang.followup.api.CaseViews.CaseView;
import org.shangliang.followup.api.CaseViews.EvaluationView;
import org.shangliang.followup.api.CaseViews.ProgressView;
import org.shangliang.followup.config.CaseClock;
import org.shangliang.followup.config.FollowupConfig;
import org.shangliang.followup.domain.CaseAccess;
import org.shangliang.followup.domain.CaseHistoryEntry;
import org.shangliang.followup.domain.CaseHistoryRepository;
import org.shangliang.followup.domain.CasePart;
import org.shangliang.followup.domain.CasePartRepository;
import org.shangliang.followup.domain.CaseRepository;
import org.shangliang.followup.domain.CaseStatus;
import org.shangliang.followup.domain.Evaluation;
import org.shangliang.followup.domain.EvaluationRepository;
import org.shangliang.followup.domain.EvaluatorRole;
import org.shangliang.followup.domain.Evaluators;
import org.shangliang.followup.domain.HandlingCase;
import org.shangliang.followup.domain.HandlingMode;
import org.shangliang.followup.domain.ProgressReport;
import org.shangliang.followup.domain.ProgressReportRepository;
import org.shangliang.followup.domain.Satisfaction;
import org.shangliang.followup.messaging.out.CaseClosed;
import org.shangliang.followup.messaging.out.CaseEvaluated;
import org.shangliang.followup.messaging.out.CaseReassigned;
import org.shangliang.followup.messaging.out.CaseRedo;
import org.shangliang.followup.messaging.out.CaseReplied;
import org.shangliang.followup.messaging.out.CaseReturnRequested;
import org.shangliang.followup.messaging.out.CaseSigned;
import org.shangliang.followup.messaging.out.ProgressReported;
import org.shangliang.followup.messaging.out.ReplyApproved;
import org.shangliang.followup.messaging.out.ReplySentBack;

/**
 * The life of a case, one move per method and one transaction per move:
 * visible? → allowed for this person? → If-Match → move → outbox → history → audit.
 */
@ApplicationScoped
public class HandlingService {

    @Inject CaseService cases;
    @Inject CaseRepository repository;
    @Inject CasePartRepository parts;
    @Inject ProgressReportRepository progress;
    @Inject EvaluationRepository evaluations;
    @Inject Evaluators evaluators;
    @Inject CaseHistoryRepository history;
    @Inject ReferenceCopy copy;
    @Inject Outbox outbox;
    @Inject Audit audit;
    @Inject CaseClock clock;
    @Inject FollowupConfig config;
    @Inject DeadlineService deadlines;

    /** 签收: the lead unit takes the case on; a deadline in working days starts now. */
    @Transactional
    public CaseView sign(UUID id, String ifMatch, Caller caller) {
        HandlingCase c = leadUnitsCase(id, caller, "签收", "sign for");
        Preconditions.requireIfMatch(ifMatch, c.version());
        Instant now = clock.now();
        c.sign(now, c.workingDays() == null ? null : deadlines.addWorkingDays(clock.today(), c.workingDays()));
        step(c, now, "SIGNED", "签收：" + who(caller) + (c.dueDate() == null ? "" : "；办理时限 " + c.dueDate()), caller, null);
        outbox.publish(CaseSigned.of(c));
        audit.record(caller, "case.sign", "Case", c.id(), c.number());
        return done(c);
    }

    /** 申退. */
    @Transactional
    public CaseView requestReturn(UUID id, RequestReturn request, String ifMatch, Caller caller) {
        HandlingCase c = leadUnitsCase(id, caller, "申请退回", "ask to return");
        Preconditions.requireIfMatch(ifMatch, c.version());
        Instant now = clock.now();
        c.requestReturn(request.reason().strip(), now);
        step(c, now, "RETURN_REQUESTED", "申退：" + c.returnReason(), caller, null);
        outbox.publish(CaseReturnRequested.of(c));
        audit.record(caller, "case.request-return", "Case", c.id(), c.returnReason());
        return done(c);
    }

    /** 改派: to a unit the directory knows; its co-handling part, if it had one, becomes the lead. */
    @Transactional
    public CaseView reassign(UUID id, ReassignCase request, String ifMatch, Caller caller) {
        HandlingCase c = staffsCase(id, caller, "改派", "reassign");
        Preconditions.requireIfMatch(ifMatch, c.version());
        String name = copy.require(CaseService.DIRECTORY, "unit:" + request.unitCode(), "unitCode",
                Text.of("承办单位代码 " + request.unitCode(), "Unit code " + request.unitCode())).path("name").asText(request.unitCode());
        if (request.unitCode().equals(c.leadUnitCode())) {
            throw ApiException.unprocessable("unitCode", Text.of("新承办单位与原单位相同；若要原单位继续办理，请用“坚持交办”",
                    "That is the current lead unit; to keep it, insist instead"));
        }
        String from = c.leadUnitCode();
        Instant now = clock.now();
        c.reassign(request.unitCode(), name, now);
        parts.of(c.id(), request.unitCode()).ifPresent(parts::delete);
        step(c, now, "REASSIGNED", "改派：" + from + " → " + name + "（" + request.reason().strip() + "）", caller, null);
        outbox.publish(CaseReassigned.of(c, from, false, request.reason().strip()));
        audit.record(caller, "case.reassign", "Case", c.id(), from + " → " + request.unitCode());
        return done(c);
    }

    /** 坚持交办. */
    @Transactional
    public CaseView insist(UUID id, InsistOnAssignment request, String ifMatch, Caller caller) {
        HandlingCase c = staffsCase(id, caller, "坚持交办", "insist on the assignment");
        Preconditions.requireIfMatch(ifMatch, c.version());
        Instant now = clock.now();
        c.insist(now);
        step(c, now, "INSISTED", "不同意申退，仍由" + c.leadUnit() + "办理：" + request.note().strip(), caller, null);
        outbox.publish(CaseReassigned.of(c, c.leadUnitCode(), true, request.note().strip()));
        audit.record(caller, "case.insist", "Case", c.id(), request.note().strip());
        return done(c);
    }

    /** 办理进展 by the lead unit. */
    @Transactional
    public CaseView reportProgress(UUID id, ReportProgress request, String ifMatch, Caller caller) {
        HandlingCase c = leadUnitsCase(id, caller, "报送办理进展", "report progress on");
        Preconditions.requireIfMatch(ifMatch, c.version());
        Instant now = clock.now();
        c.reportProgress(request.percent(), now);
        List<ProgressReport.Evidence> evidence = request.evidence() == null ? List.of() : request.evidence().stream()
                .map(e -> new ProgressReport.Evidence(e.name().strip(), e.contentType(), e.sizeBytes(), e.sha256(), e.uri())).toList();
        ProgressReport r = new ProgressReport(c.id(), c.leadUnitCode(), request.percent(), request.text().strip(), evidence, caller.subject(), now);
        progress.persist(r);
        step(c, now, "PROGRESS", "办理进展 " + r.percent() + "%：" + r.text() + (evidence.isEmpty() ? "" : "（佐证材料 " + evidence.size() + " 件）"), caller, r.id());
        outbox.publish(ProgressReported.of(c, r));
        audit.record(caller, "case.progress", "Case", c.id(), r.percent() + "%");
        return done(c);
    }

    /** 办复: the lead unit's reply; in a shared case, only when every co-handler has reported its part. */
    @Transactional
    public CaseView reply(UUID id, ReplyToCase request, String ifMatch, Caller caller) {
        HandlingCase c = leadUnitsCase(id, caller, "办复", "reply to");
        Preconditions.requireIfMatch(ifMatch, c.version());
        List<CasePart> shared = parts.of(c.id());
        List<String> waiting = shared.stream().filter(p -> p.status() != CasePart.Status.REPORTED).map(p -> p.unitName() + "（" + p.unitCode() + "）").toList();
        if (c.status().allowed().contains(CaseStatus.Action.REPLY) && !waiting.isEmpty()) {
            throw ApiException.conflict(Text.of("协办单位尚未报送意见：" + String.join("、", waiting), "Co-handlers have not reported their part: " + String.join(", ", waiting)));
        }
        Instant now = clock.now();
        c.reply(request.text().strip(), request.resolutionDegree(), caller.subject(), now, clock.today());
        List<String> cited = shared.stream().map(CasePart::unitCode).toList();
        step(c, now, "REPLIED", "办复（" + c.resolutionDegree() + "类）：" + c.reply()
                + (cited.isEmpty() ? "" : "；会同 " + String.join("、", shared.stream().map(CasePart::unitName).toList())), caller, null);
        outbox.publish(CaseReplied.of(c, cited));
        audit.record(caller, "case.reply", "Case", c.id(), c.resolutionDegree().name());
        return done(c);
    }

    /** 答复审查通过. */
    @Transactional
    public CaseView approveReply(UUID id, String ifMatch, Caller caller) {
        HandlingCase c = staffsCase(id, caller, "审查答复", "review the reply of");
        Preconditions.requireIfMatch(ifMatch, c.version());
        Instant now = clock.now();
        c.approveReply(now);
        step(c, now, "REPLY_APPROVED", "答复审查通过，送评价（第" + c.round() + "轮）", caller, null);
        outbox.publish(ReplyApproved.of(c));
        audit.record(caller, "case.approve-reply", "Case", c.id(), null);
        return done(c);
    }

    /** 答复退回: co-handlers are asked again too. */
    @Transactional
    public CaseView sendBack(UUID id, SendBackReply request, String ifMatch, Caller caller) {
        HandlingCase c = staffsCase(id, caller, "退回答复", "send back the reply of");
        Preconditions.requireIfMatch(ifMatch, c.version());
        Instant now = clock.now();
        c.sendBack(request.reason().strip(), now);
        step(c, now, "REPLY_SENT_BACK", "答复退回：" + c.sentBackReason(), caller, null);
        outbox.publish(ReplySentBack.of(c));
        audit.record(caller, "case.send-back", "Case", c.id(), c.sentBackReason());
        return done(c);
    }

    /**
     * 评价 by the proposer, a co-signer or a participant, once each per round. The proposer's decides:
     * satisfied (or basically) closes the case; 不满意 sends it back for a redo while the limit allows.
     */
    @Transactional
    public CaseView evaluate(UUID id, EvaluateCase request, String ifMatch, Caller caller) {
        HandlingCase c = cases.visible(id, caller);
        EvaluatorRole role = evaluators.roleOf(c, caller.subject()).orElseThrow(() -> Access.forbidden(Text.of(
                "只有提案人、联名人和参加协商的人员可以评价", "Only the topic's proposer and co-signers and the session's participants evaluate a case")));
        Preconditions.requireIfMatch(ifMatch, c.version());
        Instant now = clock.now();
        c.acceptEvaluation(now);
        if (evaluations.given(c.id(), c.round(), caller.subject())) {
            throw ApiException.conflict(Text.of("您已评价过本轮办理结果", "You have evaluated this round already"));
        }
        Evaluation e = new Evaluation(c.id(), c.round(), caller.subject(), role, request.attitude(), request.result(),
                request.comment() == null || request.comment().isBlank() ? null : request.comment().strip(), now);
        evaluations.persist(e);
        step(c, now, "EVALUATED", label(role) + "评价（第" + e.round() + "轮）：态度" + label(e.attitude()) + "，结果" + label(e.result())
                + (e.comment() == null ? "" : "；" + e.comment()), caller, e.id());
        outbox.publish(CaseEvaluated.of(c, e));
        audit.record(caller, "case.evaluate", "Case", c.id(), role + " " + e.result());
        if (e.decides()) {
            if (e.result() != Satisfaction.DISSATISFIED) {
                c.close(e.result(), null, now);
                step(c, now, "CLOSED", "办结：提案人评价" + label(e.result()), caller, e.id());
                outbox.publish(CaseClosed.of(c));
            } else if (c.mayRedo(config.maxRedos())) {
                redo(c, "提案人对办理结果不满意", caller, now);
            } else {
                step(c, now, "EVALUATED", "已重办 " + c.redoCount() + " 次（上限），待政协办附说明办结", caller, e.id());
            }
        }
        return done(c);
    }

    /** 重办 ordered by staff after a 不满意 in this round (when no proposer decides it). */
    @Transactional
    public CaseView redo(UUID id, RedoCase request, String ifMatch, Caller caller) {
        HandlingCase c = staffsCase(id, caller, "重办", "redo");
        Preconditions.requireIfMatch(ifMatch, c.version());
        if (c.status() == CaseStatus.REPLY_APPROVED && !evaluations.anyDissatisfied(c.id(), c.round())) {
            throw ApiException.conflict(Text.of("本轮评价中没有“不满意”，不能重办", "Nobody was dissatisfied in this round; there is nothing to redo"));
        }
        redo(c, request.reason().strip(), caller, clock.now());
        return done(c);
    }

    private void redo(HandlingCase c, String reason, Caller caller, Instant now) {
        c.redo(config.maxRedos(), now);
        parts.of(c.id()).forEach(CasePart::reopen);
        step(c, now, "REDO", "重办（第" + c.redoCount() + "次）：" + reason, caller, null);
        outbox.publish(CaseRedo.of(c, reason));
        audit.record(caller, "case.redo", "Case", c.id(), reason);
    }

    /** 办结 by staff, with a note: nobody decided, or the redo limit was reached. */
    @Transactional
    public CaseView close(UUID id, CloseCase request, String ifMatch, Caller caller) {
        HandlingCase c = staffsCase(id, caller, "办结", "close");
        Preconditions.requireIfMatch(ifMatch, c.version());
        Instant now = clock.now();
        Satisfaction proposers = evaluations.of(c.id()).stream().filter(e -> e.round() == c.round() && e.decides())
                .map(Evaluation::result).findFirst().orElse(null);
        c.close(proposers, request.note().strip(), now);
        step(c, now, "CLOSED", "政协办办结：" + c.closingNote(), caller, null);
        outbox.publish(CaseClosed.of(c));
        audit.record(caller, "case.close", "Case", c.id(), c.closingNote());
        return done(c);
    }

    /** A co-handler signs for its part. */
    @Transactional
    public CaseView signPart(UUID id, String ifMatch, Caller caller) {
        HandlingCase c = cases.visible(id, caller);
        CasePart part = coHandlersPart(c, caller);
        Preconditions.requireIfMatch(ifMatch, c.version());
        Instant now = clock.now();
        part.sign(now);
        c.touched(now);
        step(c, now, "PART_SIGNED", "协办单位签收：" + part.unitName(), caller, part.id());
        audit.record(caller, "case.part.sign", "Case", c.id(), part.unitCode());
        return done(c);
    }

    /** A co-handler reports its part: its opinion (会办), or its portion's result with a degree (分办). */
    @Transactional
    public CaseView reportPart(UUID id, ReportPart request, String ifMatch, Caller caller) {
        HandlingCase c = cases.visible(id, caller);
        CasePart part = coHandlersPart(c, caller);
        Preconditions.requireIfMatch(ifMatch, c.version());
        if (!c.status().isBeingHandled() && c.status() != CaseStatus.ASSIGNED) {
            throw ApiException.illegalTransition(Text.of("办理件状态为 " + c.status() + "，协办意见只能在办复前报送",
                    "The case is " + c.status() + "; a co-handler reports its part before the reply"));
        }
        if (c.handlingMode() == HandlingMode.SPLIT && request.resolutionDegree() == null) {
            throw ApiException.unprocessable("resolutionDegree", Text.of("分办件须给出本单位部分的办理结果类别", "In a split case each unit gives its portion's resolution degree"));
        }
        Instant now = clock.now();
        part.report(request.text().strip(), request.resolutionDegree(), caller.subject(), now);
        c.touched(now);
        ProgressReport r = new ProgressReport(c.id(), part.unitCode(), 100, part.report(), List.of(), caller.subject(), now);
        progress.persist(r);
        step(c, now, "PART_REPORTED", "协办单位" + part.unitName() + "报送意见：" + part.report(), caller, part.id());
        outbox.publish(ProgressReported.of(c, r));
        audit.record(caller, "case.part.report", "Case", c.id(), part.unitCode());
        return done(c);
    }

    /** Progress reports, oldest first. A read. */
    public List<ProgressView> progress(UUID id, Caller caller) {
        return progress.of(cases.visible(id, caller).id()).stream().map(ProgressView::of).toList();
    }

    /** Evaluations, oldest first, by role (not by name). A read. */
    public List<EvaluationView> evaluations(UUID id, Caller caller) {
        return evaluations.of(cases.visible(id, caller).id()).stream().map(EvaluationView::of).toList();
    }

    private HandlingCase leadUnitsCase(UUID id, Caller caller, String zh, String en) {
        HandlingCase c = cases.visible(id, caller);
        if (!CaseAccess.isLeadUnit(c, caller)) {
            throw Access.forbidden(Text.of("只有主办单位 " + c.leadUnit() + "（" + c.leadUnitCode() + "）可以" + zh,
                    "Only the lead unit " + c.leadUnit() + " (" + c.leadUnitCode() + ") may " + en + " this case"));
        }
        return c;
    }

    private HandlingCase staffsCase(UUID id, Caller caller, String zh, String en) {
        HandlingCase c = cases.visible(id, caller);
        if (!CaseAccess.isReviewingStaff(c, caller)) {
            throw Access.forbidden(Text.of("只有所辖区域的政协办可以" + zh + "办理件", "Only CPPCC staff covering the case's territory may " + en + " a case"));
        }
        return c;
    }

    private CasePart coHandlersPart(HandlingCase c, Caller caller) {
        if (!caller.is(Roles.HANDLER) || caller.unit() == null) {
            throw Access.forbidden(Text.of("只有协办单位可以报送协办意见", "Only a co-handling unit reports a part"));
        }
        return parts.of(c.id(), caller.unit()).orElseThrow(() -> Access.forbidden(Text.of(
                "单位 " + caller.unit() + " 不是本件的协办单位", "Unit " + caller.unit() + " does not co-handle this case")));
    }

    private void step(HandlingCase c, Instant at, String kind, String summary, Caller caller, UUID ref) {
        history.persist(new CaseHistoryEntry(c.id(), at, kind, summary, caller.subject(), ref));
    }

    private CaseView done(HandlingCase c) {
        repository.flush();
        return cases.view(c);
    }

    private static String who(Caller caller) {
        return caller.name() == null ? caller.subject() : caller.name();
    }

    private static String label(EvaluatorRole role) {
        return switch (role) {
            case PROPOSER -> "提案人";
            case CO_SIGNER -> "联名人";
            case PARTICIPANT -> "参会人员";
        };
    }

    private static String label(Satisfaction s) {
        return switch (s) {
            case SATISFIED -> "满意";
            case BASICALLY_SATISFIED -> "基本满意";
            case DISSATISFIED -> "不满意";
        };
    }
}

package org.shangliang.followup.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.shangliang.commons.audit.Audit;
import org.shangliang.commons.events.Outbox;
import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.problem.Preconditions;
import org.shangliang.commons.problem.Text;
import org.shangliang.commons.security.Access;
import org.shangliang.commons.security.Caller;
import org.shangliang.commons.security.Roles;
import org.shangliang.followup.api.CaseRequests.DecideExtension;
import org.shangliang.followup.api.CaseRequests.RemindCase;
import org.shangliang.followup.api.CaseRequests.RequestExtension;
import org.shangliang.followup.api.CaseRequests.SuperviseCase;
import org.shangliang.followup.api.CaseViews.CaseView;
import org.shangliang.followup.api.CaseViews.ExtensionView;
import org.shangliang.followup.config.CaseClock;
import org.shangliang.followup.domain.CaseAccess;
import org.shangliang.followup.domain.CaseHistoryEntry;
import org.shangliang.followup.domain.CaseHistoryRepository;
import org.shangliang.followup.domain.CaseRepository;
import org.shangliang.followup.domain.ExtensionRequest;
import org.shangliang.followup.domain.ExtensionRequestRepository;
import org.shangliang.followup.domain.HandlingCase;
import org.shangliang.followup.messaging.out.CaseExtended;
import org.shangliang.followup.messaging.out.CaseReminded;
import org.shangliang.followup.messaging.out.CaseSupervised;

/** Deadlines kept by people: supervision (督办) by leaders, reminders (催办) by staff, extensions (延期) asked and decided. */
@ApplicationScoped
public class SupervisionService {

    @Inject CaseService cases;
    @Inject CaseRepository repository;
    @Inject ExtensionRequestRepository extensions;
    @Inject CaseHistoryRepository history;
    @Inject DeadlineService deadlines;
    @Inject Outbox outbox;
    @Inject Audit audit;
    @Inject CaseClock clock;

    /** 督办 by a leader over the case's territory; a tighter deadline must come before the one in force. */
    @Transactional
    public CaseView supervise(UUID id, SuperviseCase request, String ifMatch, Caller caller) {
        HandlingCase c = cases.visible(id, caller);
        if (!caller.is(Roles.LEADER) || !caller.covers(c.territoryCode())) {
            throw Access.forbidden(Text.of("只有所辖区域的领导可以督办", "Only a leader covering the case's territory supervises it"));
        }
        Preconditions.requireIfMatch(ifMatch, c.version());
        open(c, "督办", "supervised");
        LocalDate tighter = request.dueDate();
        if (tighter != null && (tighter.isBefore(clock.today()) || (c.deadline() != null && !tighter.isBefore(c.deadline())))) {
            throw ApiException.unprocessable("dueDate", Text.of("督办时限须在今天之后、现办理时限 " + c.deadline() + " 之前",
                    "A supervision deadline lies between today and the current deadline " + c.deadline()));
        }
        Instant now = clock.now();
        c.supervise(caller.subject(), caller.name() == null ? caller.subject() : caller.name(), request.note().strip(), tighter, now);
        history.persist(new CaseHistoryEntry(c.id(), now, "SUPERVISED", "领导督办：" + c.supervisionNote() + (tighter == null ? "" : "；督办时限 " + tighter),
                caller.subject(), null));
        outbox.publish(CaseSupervised.of(c));
        audit.record(caller, "case.supervise", "Case", c.id(), c.supervisionNote());
        return done(c);
    }

    /** 催办 by staff. */
    @Transactional
    public CaseView remind(UUID id, RemindCase request, String ifMatch, Caller caller) {
        HandlingCase c = staffsCase(id, caller);
        Preconditions.requireIfMatch(ifMatch, c.version());
        open(c, "催办", "reminded");
        Instant now = clock.now();
        c.remind(now);
        history.persist(new CaseHistoryEntry(c.id(), now, "REMINDED", "政协办催办：" + request.note().strip(), caller.subject(), null));
        outbox.publish(CaseReminded.of(c, "MANUAL", request.note().strip()));
        audit.record(caller, "case.remind", "Case", c.id(), "MANUAL");
        return done(c);
    }

    /** 延期申请 by the lead unit while the deadline runs; one pending at a time. */
    @Transactional
    public ExtensionView requestExtension(UUID id, RequestExtension request, Caller caller) {
        HandlingCase c = cases.visible(id, caller);
        if (!CaseAccess.isLeadUnit(c, caller)) {
            throw Access.forbidden(Text.of("只有主办单位可以申请延期", "Only the lead unit asks for an extension"));
        }
        if (!c.status().deadlineRuns() || c.dueDate() == null) {
            throw ApiException.conflict(Text.of("办理件状态为 " + c.status() + (c.dueDate() == null ? "，且没有办理时限" : "") + "，不能申请延期",
                    "The case is " + c.status() + (c.dueDate() == null ? " and has no due date" : "") + "; an extension is asked while its deadline runs"));
        }
        if ((request.dueDate() == null) == (request.workingDays() == null)) {
            throw ApiException.unprocessable("dueDate", Text.of("请给出新的办理时限或延长的工作日数（二选一）", "Give either dueDate or workingDays"));
        }
        LocalDate asked = request.dueDate() != null ? request.dueDate() : deadlines.addWorkingDays(c.dueDate(), request.workingDays());
        if (!asked.isAfter(c.dueDate())) {
            throw ApiException.unprocessable("dueDate", Text.of("新的办理时限须晚于现时限 " + c.dueDate(), "The new due date must be after the current one, " + c.dueDate()));
        }
        if (extensions.pending(c.id()).isPresent()) {
            throw ApiException.conflict(Text.of("已有一份延期申请待审批", "An extension request is already waiting for staff"));
        }
        Instant now = clock.now();
        ExtensionRequest r = new ExtensionRequest(c.id(), caller.subject(), request.reason().strip(), c.dueDate(), asked, now);
        extensions.persist(r);
        c.touched(now);
        history.persist(new CaseHistoryEntry(c.id(), now, "EXTENSION_REQUESTED", "申请延期至 " + asked + "：" + r.reason(), caller.subject(), r.id()));
        audit.record(caller, "case.extension.request", "Case", c.id(), asked.toString());
        repository.flush();
        return ExtensionView.of(r);
    }

    /** Staff approve (the due date moves; CaseExtended) or refuse an extension request. */
    @Transactional
    public ExtensionView decideExtension(UUID id, UUID requestId, DecideExtension request, Caller caller) {
        HandlingCase c = staffsCase(id, caller);
        ExtensionRequest r = extensions.findByIdOptional(requestId).filter(x -> x.caseId().equals(c.id()))
                .orElseThrow(() -> ApiException.notFound(Text.of("本件没有编号为 " + requestId + " 的延期申请", "The case has no extension request " + requestId)));
        Instant now = clock.now();
        String note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
        r.decide(request.approve(), caller.subject(), note, now);
        if (request.approve()) {
            LocalDate previous = c.dueDate();
            c.extendTo(r.requestedDueDate(), now);
            history.persist(new CaseHistoryEntry(c.id(), now, "EXTENDED", "同意延期：" + previous + " → " + c.dueDate() + (note == null ? "" : "（" + note + "）"), caller.subject(), r.id()));
            outbox.publish(CaseExtended.of(c, previous, r.reason()));
        } else {
            c.touched(now);
            history.persist(new CaseHistoryEntry(c.id(), now, "EXTENSION_REFUSED", "不同意延期" + (note == null ? "" : "：" + note), caller.subject(), r.id()));
        }
        audit.record(caller, "case.extension." + (request.approve() ? "approve" : "refuse"), "Case", c.id(), r.requestedDueDate().toString());
        repository.flush();
        return ExtensionView.of(r);
    }

    public List<ExtensionView> extensions(UUID id, Caller caller) {
        return extensions.of(cases.visible(id, caller).id()).stream().map(ExtensionView::of).toList();
    }

    private HandlingCase staffsCase(UUID id, Caller caller) {
        HandlingCase c = cases.visible(id, caller);
        if (!CaseAccess.isReviewingStaff(c, caller)) {
            throw Access.forbidden(Text.of("只有所辖区域的政协办可以办理此事", "Only CPPCC staff covering the case's territory may do this"));
        }
        return c;
    }

    private static void open(HandlingCase c, String zh, String en) {
        if (!c.status().isOpen()) {
            throw ApiException.conflict(Text.of("办理件状态为 " + c.status() + "，不能" + zh, "The case is " + c.status() + "; it cannot be " + en));
        }
    }

    private CaseView done(HandlingCase c) {
        repository.flush();
        return cases.view(c);
    }
}

package org.shangliang.sessions.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.shangliang.commons.audit.Audit;
import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.problem.Text;
import org.shangliang.commons.security.Access;
import org.shangliang.commons.security.Caller;
import org.shangliang.commons.security.Roles;
import org.shangliang.sessions.api.SessionRequests.NewContribution;
import org.shangliang.sessions.api.SessionViews;
import org.shangliang.sessions.api.SessionViews.ContributionView;
import org.shangliang.sessions.api.SessionViews.MinutesAttendance;
import org.shangliang.sessions.api.SessionViews.MinutesItem;
import org.shangliang.sessions.api.SessionViews.MinutesView;
import org.shangliang.sessions.api.SessionViews.OutcomeView;
import org.shangliang.sessions.api.SessionViews.ParticipantView;
import org.shangliang.sessions.domain.AgendaItem;
import org.shangliang.sessions.domain.Attendance;
import org.shangliang.sessions.domain.ConsultationSession;
import org.shangliang.sessions.domain.Contribution;
import org.shangliang.sessions.domain.ContributionKind;
import org.shangliang.sessions.domain.ContributionRepository;
import org.shangliang.sessions.domain.Outcome;
import org.shangliang.sessions.domain.OutcomeRepository;
import org.shangliang.sessions.domain.Participant;
import org.shangliang.sessions.domain.ParticipantRepository;
import org.shangliang.sessions.domain.ParticipantRole;
import org.shangliang.sessions.domain.SessionAccess;
import org.shangliang.sessions.domain.SessionRepository;
import org.shangliang.sessions.domain.SessionStatus;
import org.shangliang.sessions.domain.SessionStatus.Action;

/** The record of a session: contributions (发言 / 部门回应 / 书面意见) in order, and the minutes (纪要) made from everything. */
@ApplicationScoped
public class RecordService {

    @Inject SessionService sessionService;
    @Inject SessionRepository sessions;
    @Inject ParticipantRepository participants;
    @Inject ContributionRepository contributions;
    @Inject OutcomeRepository outcomes;
    @Inject Audit audit;

    /**
     * Recorded by the organizer of the territory (the clerk taking notes), or — for a written
     * submission only — by its author. A speech needs its speaker present; a department response
     * needs a department official.
     */
    @Transactional
    public ContributionView contribute(UUID sessionId, UUID itemId, NewContribution request, Caller caller) {
        // Locked: contributions on the session are numbered one after another even when two clerks record at once.
        ConsultationSession session = sessions.findByIdOptional(sessionId, LockModeType.PESSIMISTIC_WRITE)
                .filter(s -> sessionService.canSee(s, caller)).orElseThrow(() -> SessionService.notFound(sessionId));
        AgendaItem item = SessionService.item(session, itemId);
        Participant p = participants.findByIdOptional(request.participantId()).filter(x -> x.sessionId().equals(session.id()))
                .orElseThrow(() -> ApiException.unprocessable("participantId", Text.of("不是本次协商会的参会人员", "not a participant of this session")));
        boolean author = p.subject() != null && p.subject().equals(caller.subject());
        boolean clerk = caller.isAny(Roles.ORGANIZER, Roles.CPPCC_STAFF) && caller.covers(session.territoryCode());
        if (!clerk && !(author && request.kind() == ContributionKind.WRITTEN_SUBMISSION)) {
            throw Access.forbidden(Text.of("发言和部门回应由组织者记录；书面意见可由本人提交",
                    "Speeches and department responses are recorded by the organizer; a written submission may come from its author"));
        }
        session.status().check(request.kind() == ContributionKind.WRITTEN_SUBMISSION ? Action.SUBMIT_IN_WRITING : Action.CONTRIBUTE);
        if (request.kind() == ContributionKind.DEPARTMENT_RESPONSE && p.role() != ParticipantRole.DEPARTMENT_OFFICIAL) {
            throw ApiException.unprocessable("kind", Text.of("部门回应须由部门负责人作出，" + p.name() + " 不是部门负责人",
                    "A department response comes from a department official; " + p.name() + " is not one"));
        }
        if (request.kind() != ContributionKind.WRITTEN_SUBMISSION && !p.present()) {
            throw ApiException.conflict(Text.of(p.name() + " 尚未签到：到会发言须先签到", p.name() + " has not checked in: only those present speak in the hall"));
        }
        Contribution c = new Contribution(item, p, request.kind(), contributions.nextSequence(item.id()), request.summary().strip(), caller.subject());
        contributions.persist(c);
        audit.record(caller, "session.contribution", "Session", session.id(), request.kind() + " " + p.name());
        return ContributionView.of(c);
    }

    /** In order. A read: no transaction. */
    public List<ContributionView> contributions(UUID sessionId, UUID itemId, Caller caller) {
        AgendaItem item = SessionService.item(sessionService.visible(sessionId, caller), itemId);
        return contributions.ofItem(item.id()).stream().map(ContributionView::of).toList();
    }

    /**
     * 纪要: published when the session concludes; before that a draft for the staff of its territory,
     * and a 409 for anyone else. A read: no transaction.
     */
    public MinutesView minutes(UUID sessionId, Caller caller) {
        ConsultationSession s = sessionService.visible(sessionId, caller);
        boolean published = s.status() == SessionStatus.CONCLUDED;
        if (!published && !SessionAccess.isStaffOf(s.territoryCode(), caller)) {
            throw ApiException.conflict(Text.of("纪要在协商会结束后发布（当前：" + s.status() + "）", "The minutes are published when the session concludes (now " + s.status() + ")"));
        }
        List<Participant> all = participants.of(s.id());
        Attendance a = Attendance.of(all);
        Map<UUID, Outcome> inForce = outcomes.inForce(s.agenda().stream().map(AgendaItem::id).toList()).stream()
                .collect(Collectors.toMap(o -> o.agendaItem().id(), Function.identity()));
        Map<UUID, List<Contribution>> said = contributions.ofSession(s.id()).stream().collect(Collectors.groupingBy(Contribution::agendaItemId));
        List<MinutesItem> items = s.agenda().stream().map(i -> new MinutesItem(i.position(), i.id(), i.topicId(), i.topicNumber(), i.topicTitle(),
                said.getOrDefault(i.id(), List.of()).stream().map(ContributionView::of).toList(),
                inForce.containsKey(i.id()) ? OutcomeView.of(inForce.get(i.id()), outcomes.changesOf(inForce.get(i.id()))) : null)).toList();
        return new MinutesView(s.id(), s.title(), s.type(), s.status(), s.visibility(), published,
                SessionViews.local(s.startsAt()), SessionViews.local(s.endsAt()), SessionViews.local(s.startedAt()), SessionViews.local(s.concludedAt()),
                s.venue(), s.host(),
                new MinutesAttendance(a.invited(), a.present(), a.declined(),
                        all.stream().filter(Participant::present).map(ParticipantView::of).toList(),
                        all.stream().filter(p -> !p.present()).map(ParticipantView::of).toList()),
                items);
    }
}

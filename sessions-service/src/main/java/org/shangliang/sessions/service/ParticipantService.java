package org.shangliang.sessions.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.shangliang.commons.audit.Audit;
import org.shangliang.commons.events.ReferenceCopy;
import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.problem.ApiException.FieldError;
import org.shangliang.commons.problem.Text;
import org.shangliang.commons.security.Access;
import org.shangliang.commons.security.Caller;
import org.shangliang.sessions.api.SessionRequests.AnswerInvitation;
import org.shangliang.sessions.api.SessionRequests.InviteParticipants;
import org.shangliang.sessions.api.SessionRequests.NewParticipant;
import org.shangliang.sessions.api.SessionViews.AttendanceView;
import org.shangliang.sessions.api.SessionViews.CheckInCodeView;
import org.shangliang.sessions.api.SessionViews.ParticipantView;
import org.shangliang.sessions.config.SessionsConfig;
import org.shangliang.sessions.domain.Attendance;
import org.shangliang.sessions.domain.ConsultationSession;
import org.shangliang.sessions.domain.Participant;
import org.shangliang.sessions.domain.ParticipantRepository;
import org.shangliang.sessions.domain.ParticipantRole;
import org.shangliang.sessions.domain.QuorumRule;
import org.shangliang.sessions.domain.SessionStatus.Action;
import org.shangliang.sessions.domain.CountyTime;

/** 参会人员: invitations with double-booking checks, answers by the person, check-in, and the quorum. */
@ApplicationScoped
public class ParticipantService {

    private static final DateTimeFormatter HALL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject SessionService sessions;
    @Inject ParticipantRepository participants;
    @Inject ReferenceCopy copy;
    @Inject SessionsConfig config;
    @Inject Audit audit;

    /**
     * 邀请: all of them or none. A person already invited to a session at an overlapping time is
     * refused (409 naming that session) unless the organizer confirms.
     */
    @Transactional
    public List<ParticipantView> invite(UUID sessionId, InviteParticipants request, Caller caller) {
        ConsultationSession session = sessions.organizable(sessionId, caller, Action.INVITE);
        List<FieldError> invalid = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        Set<String> inRequest = new HashSet<>();
        for (int i = 0; i < request.participants().size(); i++) {
            String field = "participants[" + i + "]";
            Participant p = participant(session, request.participants().get(i), field, invalid, caller);
            if (p == null) continue;
            if (p.personKey() != null && !inRequest.add(p.personKey())) {
                invalid.add(new FieldError(field, Text.of(p.name() + " 在本次邀请中出现了两次", p.name() + " appears twice in this request")));
            } else {
                lines.add(new Line(field, p));
            }
        }
        if (!invalid.isEmpty()) {
            throw new ApiException(422, "invalid-participants", Text.of("邀请名单有误", "The invitation list has errors"),
                    Text.of("见 violations：每一项指出是哪一位", "See violations: each names the person in question"), invalid);
        }
        List<Participant> kept = new ArrayList<>();
        for (Line line : lines) {
            Participant p = line.participant();
            if (p.personKey() != null) {
                participants.lockPerson(p.personKey()); // two organizers inviting the same person at once see each other
                if (participants.invited(session.id(), p.personKey())) {
                    throw new ApiException(409, "already-invited", Text.of("重复邀请", "Already invited"),
                            Text.of(p.name() + " 已在本次协商会的邀请名单中", p.name() + " is already invited to this session"),
                            List.of(new FieldError(line.field(), Text.of("已受邀", "already invited"))));
                }
                Optional<ConsultationSession> other = participants.overlapping(p.personKey(), session.id(), session.startsAt(), session.endsAt());
                if (other.isPresent() && !request.overlapConfirmed()) throw doubleBooked(p, other.get(), line.field());
                other.ifPresent(o -> p.overlapConfirmed(o.id()));
            }
            kept.add(p);
        }
        for (Participant p : kept) {
            participants.persist(p);
            audit.record(caller, "session.invite", "Session", session.id(), p.role() + " " + p.name()
                    + (p.overlapConfirmedWith() == null ? "" : "（确认与 " + p.overlapConfirmedWith() + " 时间冲突）"));
        }
        return kept.stream().map(ParticipantView::of).toList();
    }

    /** A line of the request, and where it was, for the problem's field. */
    private record Line(String field, Participant participant) {
    }

    private static ApiException doubleBooked(Participant p, ConsultationSession other, String field) {
        String when = HALL_TIME.format(other.startsAt().atZone(CountyTime.ZONE)) + "–"
                + HALL_TIME.format(other.endsAt().atZone(CountyTime.ZONE)).substring(11);
        return new ApiException(409, "double-booked", Text.of("参会时间冲突", "Double booking"),
                Text.of(p.name() + " 已受邀参加同一时段的协商会「" + other.title() + "」（" + other.id() + "，北京时间 " + when
                                + "）；确认仍要邀请，请带 confirmOverlap: true 重发",
                        p.name() + " is invited to an overlapping session, \"" + other.title() + "\" (" + other.id() + ", " + when
                                + " Beijing time); send again with confirmOverlap: true to invite anyway"),
                List.of(new FieldError(field, Text.of("与协商会 " + other.id() + " 时间冲突", "overlaps session " + other.id()))));
    }

    /** The participant a request line describes, or null with the reason added to {@code invalid}. */
    private Participant participant(ConsultationSession session, NewParticipant n, String field, List<FieldError> invalid, Caller caller) {
        String name = n.name() == null || n.name().isBlank() ? null : n.name().strip();
        String subject = n.subject() == null || n.subject().isBlank() ? null : n.subject().strip();
        if (n.role() == ParticipantRole.MEMBER && n.memberId() == null) {
            invalid.add(new FieldError(field + ".memberId", Text.of("邀请委员须给出名录中的委员编号", "a MEMBER is invited by their directory id")));
            return null;
        }
        if (n.memberId() != null) {
            JsonNode member = copy.collect(SessionService.DIRECTORY, "member:" + n.memberId(), field + ".memberId",
                    Text.of("委员 " + n.memberId(), "Member " + n.memberId()), invalid);
            if (member == null) return null;
            name = member.path("name").asText(name);
            if (member.hasNonNull("subject")) subject = member.path("subject").asText();
        }
        if (name == null) {
            invalid.add(new FieldError(field + ".name", Text.of("请填写姓名", "name is required unless memberId is given")));
            return null;
        }
        if (n.role() == ParticipantRole.DEPARTMENT_OFFICIAL && n.unitCode() == null) {
            invalid.add(new FieldError(field + ".unitCode", Text.of("部门负责人须给出所在单位代码", "a DEPARTMENT_OFFICIAL needs their unit's code")));
            return null;
        }
        if (n.unitCode() != null && copy.collect(SessionService.DIRECTORY, "unit:" + n.unitCode(), field + ".unitCode",
                Text.of("单位代码 " + n.unitCode(), "Unit code " + n.unitCode()), invalid) == null) {
            return null;
        }
        return new Participant(session.id(), n.role(), name, n.memberId(), n.unitCode(), subject,
                n.affiliation() == null || n.affiliation().isBlank() ? null : n.affiliation().strip(), caller.subject());
    }

    /** The list and the quorum as it stands. A read: no transaction. */
    public AttendanceView attendance(UUID sessionId, Caller caller) {
        ConsultationSession session = sessions.visible(sessionId, caller);
        return attendance(session, participants.of(session.id()));
    }

    private AttendanceView attendance(ConsultationSession session, List<Participant> all) {
        Attendance a = Attendance.of(all);
        QuorumRule rule = config.quorumOf(session.type());
        return new AttendanceView(session.id(), a.invited(), a.declined(), a.present(), rule.needed(a), rule.met(a),
                all.stream().map(ParticipantView::of).toList());
    }

    /** 回执: only the invited person answers, and only before the session. */
    @Transactional
    public ParticipantView answer(UUID sessionId, UUID participantId, AnswerInvitation request, Caller caller) {
        ConsultationSession session = sessions.find(sessionId);
        Participant p = of(session, participantId);
        if (p.subject() == null || !p.subject().equals(caller.subject())) {
            throw Access.forbidden(Text.of("只有受邀者本人可以回复邀请", "Only the invited person may answer the invitation"));
        }
        session.status().check(Action.RSVP);
        if (request.answer() == Participant.Rsvp.PENDING) {
            throw ApiException.unprocessable("answer", Text.of("回执只能是 ACCEPTED 或 DECLINED", "answer must be ACCEPTED or DECLINED"));
        }
        p.answer(request.answer(), request.note() == null || request.note().isBlank() ? null : request.note().strip());
        audit.record(caller, "session.rsvp", "Session", session.id(), p.name() + " " + p.rsvp());
        return ParticipantView.of(p);
    }

    /** 签到 by the organizer, ticking those in the hall; the session is locked so the quorum count is exact. */
    @Transactional
    public AttendanceView checkIn(UUID sessionId, List<UUID> participantIds, Caller caller) {
        ConsultationSession session = sessions.organizable(sessionId, caller, Action.CHECK_IN);
        List<Participant> all = participants.of(session.id());
        Map<UUID, Participant> byId = all.stream().collect(Collectors.toMap(Participant::id, Function.identity()));
        List<FieldError> unknown = new ArrayList<>();
        for (int i = 0; i < participantIds.size(); i++) {
            if (!byId.containsKey(participantIds.get(i))) {
                unknown.add(new FieldError("participantIds[" + i + "]", Text.of("不在本次协商会的邀请名单中", "not a participant of this session")));
            }
        }
        if (!unknown.isEmpty()) {
            throw new ApiException(422, "unknown-participants", Text.of("签到名单中有未受邀的人", "The check-in names people not invited"),
                    Text.of("先邀请，再签到", "Invite them first, then check them in"), unknown);
        }
        for (UUID id : participantIds) {
            Participant p = byId.get(id);
            if (p.checkIn(Participant.CheckedInBy.ORGANIZER)) {
                audit.record(caller, "session.check-in", "Session", session.id(), p.name() + "（组织者代签）");
            }
        }
        participants.flush();
        return attendance(session, all);
    }

    /** 签到 by the participant with the code shown in the hall. */
    @Transactional
    public ParticipantView checkInSelf(UUID sessionId, String code, Caller caller) {
        ConsultationSession session = sessions.find(sessionId);
        Participant p = participants.bySubject(session.id(), caller.subject()).orElseThrow(() -> Access.forbidden(
                Text.of("你不在本次协商会的邀请名单中，请联系组织者", "You are not on this session's list; ask the organizer")));
        session.status().check(Action.CHECK_IN);
        if (!session.checkInCodeIs(code)) {
            throw ApiException.unprocessable("code", Text.of("签到码不正确，请核对会场显示的六位数字", "The code is wrong; check the six digits shown in the hall"));
        }
        if (p.checkIn(Participant.CheckedInBy.SELF)) {
            audit.record(caller, "session.check-in", "Session", session.id(), p.name() + "（本人扫码）");
        }
        return ParticipantView.of(p);
    }

    /** 签到码, for the organizer to show in the hall. */
    public CheckInCodeView checkInCode(UUID sessionId, Caller caller) {
        ConsultationSession session = sessions.find(sessionId);
        SessionService.requireTerritory(session.territoryCode(), caller);
        return new CheckInCodeView(session.id(), session.checkInCode());
    }

    private Participant of(ConsultationSession session, UUID participantId) {
        return participants.findByIdOptional(participantId).filter(p -> p.sessionId().equals(session.id()))
                .orElseThrow(() -> ApiException.notFound(Text.of("协商会 " + session.id() + " 没有参会人员 " + participantId,
                        "Session " + session.id() + " has no participant " + participantId)));
    }
}

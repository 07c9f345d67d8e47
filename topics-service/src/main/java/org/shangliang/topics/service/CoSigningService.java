package org.shangliang.topics.service;

import static org.shangliang.commons.security.Roles.MEMBER;
import static org.shangliang.commons.security.Roles.RESIDENT;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.shangliang.commons.audit.Audit;
import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.problem.Text;
import org.shangliang.commons.security.Access;
import org.shangliang.commons.security.Caller;
import org.shangliang.topics.api.CoSigning.CoSignerView;
import org.shangliang.topics.domain.CoSignStatus;
import org.shangliang.topics.domain.CoSignerRepository;
import org.shangliang.topics.domain.CoSignerRepository.CoSigner;
import org.shangliang.topics.domain.TimelineEntry;
import org.shangliang.topics.domain.TimelineRepository;
import org.shangliang.topics.domain.Topic;
import org.shangliang.topics.domain.TopicAccess;
import org.shangliang.topics.domain.TopicRepository;
import org.shangliang.topics.domain.TopicStatus;

/**
 * 联名: the proposer invites residents or members of the topic's territory to co-sign; each answers
 * once. Confirmed co-signers are listed on the topic and travel with TopicAccepted to follow-up,
 * where they may evaluate the outcome.
 */
@ApplicationScoped
public class CoSigningService {

    /** How many people one topic may invite. */
    static final int MAX_INVITATIONS = 20;
    private static final Set<TopicStatus> OPEN = Set.of(TopicStatus.DRAFT, TopicStatus.SUBMITTED, TopicStatus.ACCEPTED);

    @Inject TopicRepository topics;
    @Inject CoSignerRepository cosigners;
    @Inject TimelineRepository timeline;
    @Inject Audit audit;

    @Transactional
    public List<CoSignerView> invite(UUID id, List<String> subjects, Caller caller) {
        Topic topic = topics.visible(id, caller);
        if (!topic.isAuthor(caller.subject())) {
            throw Access.forbidden(Text.of("只有提出人可以邀请联名", "Only the proposer invites co-signers"));
        }
        requireOpen(topic);
        Set<String> wanted = new LinkedHashSet<>();
        for (String s : subjects) wanted.add(s.strip());
        if (wanted.contains(topic.proposer()) || wanted.contains(caller.subject())) {
            throw ApiException.badRequest("subjects", Text.of("提出人不能邀请自己联名", "The proposer cannot invite themselves"));
        }
        if (cosigners.count(id) + wanted.size() > MAX_INVITATIONS) {
            throw ApiException.unprocessable("subjects", Text.of("每个议题最多邀请 " + MAX_INVITATIONS + " 人联名", "A topic invites at most " + MAX_INVITATIONS + " co-signers"));
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int invited = 0;
        for (String s : wanted) if (cosigners.invite(id, s, now)) invited++;
        if (invited > 0) {
            timeline.persist(new TimelineEntry(id, now, "COSIGNERS_INVITED", "邀请 " + invited + " 人联名", TopicService.SERVICE, null, null));
            audit.record(caller, "topic.cosigners.invite", "Topic", id, String.join(", ", wanted));
        }
        return view(topic, caller);
    }

    /** The caller answers their own invitation. */
    @Transactional
    public CoSignerView answer(UUID id, CoSignStatus.Action action, Caller caller) {
        Topic topic = topics.findByIdOptional(id).orElseThrow(() -> noInvitation(id));
        CoSigner invitation = cosigners.forUpdate(id, caller.subject()).orElseThrow(() -> noInvitation(id));
        if (!caller.isAny(RESIDENT, MEMBER) || caller.territory() == null || !caller.territory().startsWith(topic.territoryCode())) {
            throw Access.forbidden(Text.of("只有本区域的居民或委员可以联名", "Only residents or members of the topic's territory co-sign it"));
        }
        requireOpen(topic);
        CoSignStatus next = invitation.status().next(action);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        cosigners.answer(id, caller.subject(), next, caller.name(), now);
        timeline.persist(new TimelineEntry(id, now, next == CoSignStatus.CONFIRMED ? "COSIGNED" : "COSIGN_DECLINED",
                (caller.name() == null ? "受邀人" : caller.name()) + (next == CoSignStatus.CONFIRMED ? " 确认联名" : " 谢绝联名"), TopicService.SERVICE, null, null));
        audit.record(caller, next == CoSignStatus.CONFIRMED ? "topic.cosign" : "topic.cosign.decline", "Topic", id, null);
        return CoSignerView.of(new CoSigner(id, caller.subject(), next, caller.name(), invitation.invitedAt(), now), true);
    }

    /** A read: the proposer and the territory's staff see every invitation; others who see the topic, the confirmed co-signers' names. */
    public List<CoSignerView> list(UUID id, Caller caller) {
        return view(topics.visible(id, caller), caller);
    }

    private List<CoSignerView> view(Topic topic, Caller caller) {
        boolean full = TopicAccess.canSeeProposer(topic, caller);
        return cosigners.of(topic.id()).stream()
                .filter(c -> full || c.status() == CoSignStatus.CONFIRMED || c.subject().equals(caller.subject()))
                .map(c -> CoSignerView.of(c, full || c.subject().equals(caller.subject()))).toList();
    }

    private static void requireOpen(Topic topic) {
        if (!OPEN.contains(topic.status())) {
            throw ApiException.illegalTransition(Text.of("议题状态为 " + topic.status() + "，不能再联名。允许联名的状态：DRAFT, SUBMITTED, ACCEPTED",
                    "The topic is " + topic.status() + "; co-signing is open while DRAFT, SUBMITTED or ACCEPTED"));
        }
    }


    private static ApiException noInvitation(UUID id) {
        return ApiException.notFound(Text.of("您没有收到议题 " + id + " 的联名邀请", "You have no invitation to co-sign topic " + id));
    }
}

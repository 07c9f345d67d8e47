package org.shangliang.followup.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who may read and evaluate a case besides its handlers and staff: the topic's proposer and
 * co-signers, and the participants present when the outcome was recorded. Written from events,
 * each fact once (a redelivered event adds nothing).
 */
@ApplicationScoped
public class Evaluators {

    @Inject EntityManager em;

    public void topicParties(UUID topicId, String proposer, Collection<String> coSigners) {
        // A resident filed for by a grid worker without a login (proxy:…) cannot evaluate: staff settle the round.
        if (proposer != null && !proposer.isBlank() && !proposer.startsWith("proxy:")) party(topicId, proposer, EvaluatorRole.PROPOSER);
        for (String s : coSigners) {
            if (s != null && !s.isBlank() && !s.equals(proposer)) party(topicId, s, EvaluatorRole.CO_SIGNER);
        }
    }

    private void party(UUID topicId, String subject, EvaluatorRole role) {
        em.createNativeQuery("insert into topic_party (id, topic_id, subject, role) values (?1, ?2, ?3, ?4) on conflict (topic_id, subject) do nothing")
                .setParameter(1, UUID.randomUUID()).setParameter(2, topicId).setParameter(3, subject).setParameter(4, role.name()).executeUpdate();
    }

    /** A merged topic's proposer and co-signers co-sign the topic it was merged into. */
    public void merged(UUID topicId, UUID survivorId) {
        em.createNativeQuery("insert into topic_party (id, topic_id, subject, role) select gen_random_uuid(), ?2, subject, 'CO_SIGNER' from topic_party where topic_id = ?1 "
                + "on conflict (topic_id, subject) do nothing").setParameter(1, topicId).setParameter(2, survivorId).executeUpdate();
    }

    public void participants(UUID sessionId, Collection<String> subjects) {
        for (String s : subjects) {
            if (s == null || s.isBlank()) continue;
            em.createNativeQuery("insert into session_participant (id, session_id, subject) values (?1, ?2, ?3) on conflict (session_id, subject) do nothing")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, sessionId).setParameter(3, s).executeUpdate();
        }
    }

    /** The caller's standing on the case: proposer before co-signer before participant. */
    public Optional<EvaluatorRole> roleOf(HandlingCase c, String subject) {
        if (subject == null) return Optional.empty();
        List<TopicParty> parties = c.topicId() == null ? List.of()
                : em.createQuery("from TopicParty where topicId = ?1 and subject = ?2", TopicParty.class)
                        .setParameter(1, c.topicId()).setParameter(2, subject).getResultList();
        if (!parties.isEmpty()) return Optional.of(parties.get(0).role());
        if (c.sessionId() != null && !em.createQuery("from SessionParticipant where sessionId = ?1 and subject = ?2", SessionParticipant.class)
                .setParameter(1, c.sessionId()).setParameter(2, subject).setMaxResults(1).getResultList().isEmpty()) {
            return Optional.of(EvaluatorRole.PARTICIPANT);
        }
        return Optional.empty();
    }

    /** Whether the topic has a proposer with a login: if not, staff settle each round. */
    public boolean hasProposer(HandlingCase c) {
        return c.topicId() != null && !em.createQuery("from TopicParty where topicId = ?1 and role = ?2", TopicParty.class)
                .setParameter(1, c.topicId()).setParameter(2, EvaluatorRole.PROPOSER).setMaxResults(1).getResultList().isEmpty();
    }
}

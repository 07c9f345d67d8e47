package org.shangliang.followup.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.shangliang.followup.api.TopicEvents.TopicAccepted;
import org.shangliang.followup.api.TopicEvents.TopicMerged;
import org.shangliang.followup.domain.Evaluators;

/** Who evaluates the cases of a topic, learnt from topics-service's events. */
@ApplicationScoped
public class PartiesService {

    @Inject Evaluators evaluators;

    @Transactional(Transactional.TxType.MANDATORY)
    public void accepted(TopicAccepted e) {
        evaluators.topicParties(e.topicId(), e.proposer(), e.coSignerList());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void merged(TopicMerged e) {
        evaluators.merged(e.topicId(), e.survivorId());
    }
}

package org.shangliang.sessions.messaging.in;

import org.shangliang.sessions.api.TopicEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.shangliang.commons.events.EventHandler;
import org.shangliang.commons.events.Inbox;
import org.shangliang.commons.events.IncomingEvent;
import org.shangliang.commons.events.Subscriptions;
import org.shangliang.sessions.service.ConsultableTopics;

/** Keeps the list of topics that may go on an agenda, from topics-service's events, once each. */
@ApplicationScoped
public class TopicEventsHandler implements EventHandler {

    @Inject Inbox inbox;
    @Inject ConsultableTopics consultableTopics;

    @Override
    public Subscriptions subscriptions() {
        // Submitted, rejected and converted topics are not consultable, nor are hops between levels
        // (only a topic waiting for screening moves): nothing to keep of them.
        return Subscriptions.stream("topics", "/shangliang/topics-service")
                .handles("TopicAccepted", "TopicWithdrawn", "TopicMerged")
                .ignores("TopicSubmitted", "TopicRejected", "TopicConverted", "TopicEscalated", "TopicEscalationAccepted", "TopicEscalationReturned", "TopicPlanned")
                .build();
    }

    @Override
    @Transactional
    public void on(IncomingEvent event) {
        if (!inbox.firstTime(event)) return;
        switch (event.type()) {
            case "TopicAccepted" -> consultableTopics.add(event.read(TopicEvents.TopicAccepted.class), event);
            case "TopicWithdrawn" -> {
                TopicEvents.TopicWithdrawn withdrawn = event.read(TopicEvents.TopicWithdrawn.class);
                consultableTopics.remove(withdrawn.topicId(), withdrawn.number(), "topic.withdrawn", event);
            }
            case "TopicMerged" -> {
                TopicEvents.TopicMerged merged = event.read(TopicEvents.TopicMerged.class);
                consultableTopics.remove(merged.topicId(), merged.number(), "topic.merged", event);
                consultableTopics.mergedAway(merged.topicId(), merged.survivorId(), merged.survivorNumber(), event);
            }
            default -> throw new IllegalStateException("subscribed to " + event.type() + " without a handler");
        }
    }
}

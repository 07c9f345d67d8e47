package org.shangliang.followup.messaging.in;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.shangliang.commons.events.EventHandler;
import org.shangliang.commons.events.Inbox;
import org.shangliang.commons.events.IncomingEvent;
import org.shangliang.commons.events.Subscriptions;
import org.shangliang.followup.api.SessionEvents;
import org.shangliang.followup.api.TopicEvents;
import org.shangliang.followup.service.CaseService;
import org.shangliang.followup.service.PartiesService;

/** Opens and corrects cases from outcomes, and learns who evaluates them from topics; once per event. */
@ApplicationScoped
public class LoopEventsHandler implements EventHandler {

    @Inject Inbox inbox;
    @Inject CaseService cases;
    @Inject PartiesService parties;

    @Override
    public Subscriptions subscriptions() {
        return Subscriptions
                // A session's schedule and cancellation open no case: only a recorded outcome does.
                .stream("sessions", "/shangliang/sessions-service")
                .handles("OutcomeRecorded", "OutcomeCorrected")
                .ignores("SessionScheduled", "SessionCancelled", "SessionStarted", "SessionPostponed", "SessionRescheduled", "SessionConcluded")
                // From topics only who proposed and co-signed (the evaluators); a topic's other moves are not follow-up's.
                .stream("topics", "/shangliang/topics-service")
                .handles("TopicAccepted", "TopicMerged")
                .ignores("TopicSubmitted", "TopicRejected", "TopicWithdrawn", "TopicConverted", "TopicPlanned",
                        "TopicEscalated", "TopicEscalationAccepted", "TopicEscalationReturned")
                .build();
    }

    @Override
    @Transactional
    public void on(IncomingEvent event) {
        if (!inbox.firstTime(event)) return;
        switch (event.type()) {
            case "OutcomeRecorded" -> cases.openFor(event.read(SessionEvents.OutcomeRecorded.class), event);
            case "OutcomeCorrected" -> cases.applyCorrection(event.read(SessionEvents.OutcomeCorrected.class), event);
            case "TopicAccepted" -> parties.accepted(event.read(TopicEvents.TopicAccepted.class));
            case "TopicMerged" -> parties.merged(event.read(TopicEvents.TopicMerged.class));
            default -> throw new IllegalStateException("subscribed to " + event.type() + " without a handler");
        }
    }
}

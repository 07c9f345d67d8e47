package org.shangliang.topics.messaging.in;

import org.shangliang.topics.api.LoopEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.shangliang.commons.events.EventHandler;
import org.shangliang.commons.events.Inbox;
import org.shangliang.commons.events.IncomingEvent;
import org.shangliang.commons.events.Subscriptions;
import org.shangliang.topics.service.TopicProgress;

/** Applies what sessions-service and followup-service report about our topics, once each. */
@ApplicationScoped
public class LoopEventsHandler implements EventHandler {

    @Inject Inbox inbox;
    @Inject TopicProgress progress;

    @Override
    public Subscriptions subscriptions() {
        return Subscriptions
                .stream("sessions", "/shangliang/sessions-service").handles("SessionScheduled", "SessionCancelled", "SessionPostponed", "SessionRescheduled", "SessionConcluded", "OutcomeRecorded", "OutcomeCorrected")
                // Opening a session changes nothing for a topic: its DELIBERATED comes with the outcome.
                .ignores("SessionStarted")
                .stream("followup", "/shangliang/followup-service").handles("CaseOpened", "CaseSigned", "CaseReplied", "CaseClosed", "CaseWithdrawn")
                // The steps between show on the case itself (its history), not on the topic's timeline.
                .ignores("CaseReturnRequested", "CaseReassigned", "ProgressReported", "ReplyApproved", "ReplySentBack", "CaseEvaluated", "CaseRedo",
                        "CaseDueSoon", "CaseOverdue", "CaseReminded", "CaseSupervised", "CaseExtended")
                .build();
    }

    @Override
    @Transactional
    public void on(IncomingEvent event) {
        if (!inbox.firstTime(event)) return;
        switch (event.type()) {
            case "SessionScheduled" -> progress.scheduled(event.read(LoopEvents.SessionScheduled.class), event);
            case "SessionCancelled" -> progress.cancelled(event.read(LoopEvents.SessionCancelled.class), event);
            case "SessionPostponed" -> progress.postponed(event.read(LoopEvents.SessionPostponed.class), event);
            case "SessionRescheduled" -> progress.rescheduled(event.read(LoopEvents.SessionRescheduled.class), event);
            case "SessionConcluded" -> progress.concluded(event.read(LoopEvents.SessionConcluded.class), event);
            case "OutcomeRecorded" -> progress.deliberated(event.read(LoopEvents.OutcomeRecorded.class), event);
            case "OutcomeCorrected" -> progress.corrected(event.read(LoopEvents.OutcomeCorrected.class), event);
            case "CaseOpened" -> progress.caseOpened(event.read(LoopEvents.CaseOpened.class), event);
            case "CaseSigned" -> progress.caseSigned(event.read(LoopEvents.CaseSigned.class), event);
            case "CaseReplied" -> progress.caseReplied(event.read(LoopEvents.CaseReplied.class), event);
            case "CaseClosed" -> progress.caseClosed(event.read(LoopEvents.CaseClosed.class), event);
            case "CaseWithdrawn" -> progress.caseWithdrawn(event.read(LoopEvents.CaseWithdrawn.class), event);
            default -> throw new IllegalStateException("subscribed to " + event.type() + " without a handler");
        }
    }
}

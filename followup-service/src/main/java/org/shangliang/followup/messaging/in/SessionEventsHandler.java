package org.shangliang.followup.messaging.in;

import org.shangliang.followup.api.SessionEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.shangliang.commons.events.EventHandler;
import org.shangliang.commons.events.Inbox;
import org.shangliang.commons.events.IncomingEvent;
import org.shangliang.commons.events.Subscriptions;
import org.shangliang.followup.service.CaseService;

/** Opens cases from recorded outcomes, once per event. */
@ApplicationScoped
public class SessionEventsHandler implements EventHandler {

    @Inject Inbox inbox;
    @Inject CaseService cases;

    @Override
    public Subscriptions subscriptions() {
        // A session's schedule and cancellation open no case: only a recorded outcome does.
        return Subscriptions.stream("sessions", "/shangliang/sessions-service")
                .handles("OutcomeRecorded", "OutcomeCorrected").ignores("SessionScheduled", "SessionCancelled", "SessionStarted", "SessionPostponed", "SessionRescheduled", "SessionConcluded").build();
    }

    @Override
    @Transactional
    public void on(IncomingEvent event) {
        if (!inbox.firstTime(event)) return;
        switch (event.type()) {
            case "OutcomeRecorded" -> cases.openFor(event.read(SessionEvents.OutcomeRecorded.class), event);
            case "OutcomeCorrected" -> cases.applyCorrection(event.read(SessionEvents.OutcomeCorrected.class), event);
            default -> throw new IllegalStateException("subscribed to " + event.type() + " without a handler");
        }
    }
}

package org.shangliang.followup.messaging.in;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.shangliang.commons.events.EventHandler;
import org.shangliang.commons.events.Inbox;
import org.shangliang.commons.events.IncomingEvent;
import org.shangliang.followup.service.CaseService;

/** Opens cases from recorded outcomes, once per event. */
@ApplicationScoped
public class SessionEventsHandler implements EventHandler {

    @Inject Inbox inbox;
    @Inject CaseService cases;

    @Override
    @Transactional
    public void on(IncomingEvent event) {
        if (!inbox.firstTime(event)) return;
        switch (event.type()) {
            case "OutcomeRecorded" -> cases.openFor(event.read(SessionEvents.OutcomeRecorded.class), event);
            case "SessionScheduled", "SessionCancelled" -> { } // nothing to follow up yet
            default -> inbox.unknownType(event);
        }
    }
}

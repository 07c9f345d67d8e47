package org.shangliang.topics.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a webhook delivery (推送记录) stands. PENDING: due at its next attempt (or in flight);
 * DELIVERED: the receiver answered 2xx; PARKED: retried for the whole retry period without success,
 * or refused because the subscription's queue was full. Only a replay moves a delivery back to PENDING.
 */
public enum DeliveryStatus {
    PENDING, DELIVERED, PARKED;

    /** The moves a person can ask for; sending and parking are the dispatcher's. */
    public enum Action { REPLAY }

    public Set<Action> allowed() {
        // A queued delivery is sent anyway: replaying it would only send it twice.
        return this == PENDING ? EnumSet.noneOf(Action.class) : EnumSet.of(Action.REPLAY);
    }
}

package org.shangliang.sessions.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.sessions.domain.Stance.ABSTAIN;
import static org.shangliang.sessions.domain.Stance.AGREE;
import static org.shangliang.sessions.domain.Stance.AGREE_WITH_RESERVATIONS;
import static org.shangliang.sessions.domain.Stance.OBJECT;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The decision rules without a database. */
class DecisionTest {

    @Test
    void a_consensus_holds_with_reservations_and_abstentions_but_not_with_one_objection() {
        assertTrue(Decision.of(DecisionRule.CONSENSUS, null, 6, List.of(AGREE, AGREE_WITH_RESERVATIONS, ABSTAIN)).met());
        assertFalse(Decision.of(DecisionRule.CONSENSUS, null, 6, List.of(AGREE, AGREE, AGREE, OBJECT)).met());
        assertFalse(Decision.of(DecisionRule.CONSENSUS, null, 6, List.of(ABSTAIN, ABSTAIN)).met(), "nobody in favour");
    }

    @Test
    void a_majority_needs_the_threshold_of_those_who_took_a_side_and_more_than_those_against() {
        assertTrue(Decision.of(DecisionRule.MAJORITY, 0.5, 7, List.of(AGREE, AGREE, AGREE, OBJECT, OBJECT, ABSTAIN)).met());
        assertFalse(Decision.of(DecisionRule.MAJORITY, 0.5, 4, List.of(AGREE, AGREE, OBJECT, OBJECT)).met(), "a tie is not a majority");
        assertTrue(Decision.of(DecisionRule.MAJORITY, 2.0 / 3, 3, List.of(AGREE, AGREE, OBJECT)).met(), "two of three is two thirds");
        assertTrue(Decision.of(DecisionRule.MAJORITY, 0.667, 3, List.of(AGREE, AGREE, OBJECT)).met(), "0.667 as people write two thirds");
        assertFalse(Decision.of(DecisionRule.MAJORITY, 2.0 / 3, 5, List.of(AGREE, AGREE, AGREE, OBJECT, OBJECT)).met(), "three of five is short of two thirds");
    }

    @Test
    void counts_say_who_was_silent_and_nothing_is_claimed_when_nobody_was_asked() {
        Decision d = Decision.of(DecisionRule.CONSENSUS, null, 6, List.of(AGREE, AGREE_WITH_RESERVATIONS, OBJECT));
        assertEquals(2, d.inFavour());
        assertEquals(1, d.withReservations());
        assertEquals(1, d.objecting());
        assertEquals(3, d.notStated());
        assertNull(Decision.of(DecisionRule.CONSENSUS, null, 5, List.of()).met());
    }
}

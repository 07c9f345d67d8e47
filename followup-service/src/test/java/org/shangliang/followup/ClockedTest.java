package org.shangliang.followup;

import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.shangliang.commons.events.ReferenceCopy;
import org.shangliang.commons.testing.Api;
import org.shangliang.commons.testing.EventsTestKit;
import org.shangliang.followup.config.CaseClock;

/** Tests that move follow-up's clock: as county staff by default, the units known, the clock put back after each. */
abstract class ClockedTest {

    final EventsTestKit kafka = EventsTestKit.forServiceUnderTest();
    @Inject ReferenceCopy copy;
    @Inject CaseClock clock;

    @BeforeEach
    void actAsStaffWithUnitsKnown() {
        Api.actByDefaultAs(CaseLifeTest.STAFF);
        CaseFlowTest.units(kafka, copy);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }
}

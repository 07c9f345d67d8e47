package org.shangliang.commons.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TracingSwitchTest {

    @AfterEach
    void clear() {
        System.clearProperty("quarkus.otel.sdk.disabled");
    }

    @Test
    void jdbc_spans_follow_the_sdk_switch() {
        TracingSwitch source = new TracingSwitch();
        System.setProperty("quarkus.otel.sdk.disabled", "false");
        assertEquals("true", source.getValue(TracingSwitch.JDBC_SPANS));
        System.setProperty("quarkus.otel.sdk.disabled", "true");
        assertEquals("false", source.getValue(TracingSwitch.JDBC_SPANS));
        assertNull(source.getValue("quarkus.datasource.jdbc.url"), "it says nothing else");
        assertEquals(50, source.getOrdinal(), "anything set explicitly wins");
    }
}

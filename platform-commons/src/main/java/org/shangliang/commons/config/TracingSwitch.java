package org.shangliang.commons.config;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * One switch for traces: {@code OTEL_SDK_DISABLED=false} turns on the OpenTelemetry SDK (see
 * microprofile-config.properties) and, through this source, the JDBC spans, whose wrapper would
 * otherwise make a span per statement even with the SDK off. Lowest precedence: an explicit
 * {@code quarkus.datasource.jdbc.telemetry.enabled} anywhere else wins.
 */
public class TracingSwitch implements ConfigSource {

    static final String JDBC_SPANS = "quarkus.datasource.jdbc.telemetry.enabled";

    @Override
    public Map<String, String> getProperties() {
        return Map.of(JDBC_SPANS, getValue(JDBC_SPANS));
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(JDBC_SPANS);
    }

    @Override
    public String getValue(String name) {
        if (!JDBC_SPANS.equals(name)) return null;
        String disabled = System.getProperty("quarkus.otel.sdk.disabled", System.getenv("OTEL_SDK_DISABLED"));
        return Boolean.toString("false".equalsIgnoreCase(disabled));
    }

    @Override
    public String getName() {
        return "shangliang-tracing-switch";
    }

    @Override
    public int getOrdinal() {
        return 50;
    }
}

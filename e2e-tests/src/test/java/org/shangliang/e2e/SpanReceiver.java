package org.shangliang.e2e;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * An OpenTelemetry collector the test controls: it takes what the services export over OTLP/HTTP
 * (protobuf), as a real collector would, and keeps every span for the test to query.
 */
final class SpanReceiver implements AutoCloseable {

    /** One span as exported: ids in hex, the exporting service, kind, name and attributes as strings. */
    record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name, String kind, Map<String, String> attributes) {
        String attribute(String key) {
            return attributes.get(key);
        }
    }

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    SpanReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
                InputStream body = exchange.getRequestBody();
                if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) body = new GZIPInputStream(body);
                take(ExportTraceServiceRequest.parseFrom(body.readAllBytes()));
                byte[] ok = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, ok.length == 0 ? -1 : ok.length);
                if (ok.length > 0) exchange.getResponseBody().write(ok);
            }
        });
        server.start();
    }

    /** Base URL to give the services as their OTLP endpoint. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    List<ReceivedSpan> trace(String traceId) {
        return spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
    }

    List<String> requests() {
        return List.copyOf(requests);
    }

    private void take(ExportTraceServiceRequest request) {
        HexFormat hex = HexFormat.of();
        for (ResourceSpans rs : request.getResourceSpansList()) {
            String service = rs.getResource().getAttributesList().stream().filter(a -> a.getKey().equals("service.name"))
                    .map(a -> a.getValue().getStringValue()).findFirst().orElse("?");
            for (ScopeSpans ss : rs.getScopeSpansList()) {
                for (var s : ss.getSpansList()) {
                    Map<String, String> attributes = s.getAttributesList().stream()
                            .collect(Collectors.toMap(KeyValue::getKey, a -> text(a.getValue()), (a, b) -> b));
                    spans.add(new ReceivedSpan(service, hex.formatHex(s.getTraceId().toByteArray()), hex.formatHex(s.getSpanId().toByteArray()),
                            s.getParentSpanId().isEmpty() ? "" : hex.formatHex(s.getParentSpanId().toByteArray()), s.getName(), s.getKind().name(), attributes));
                }
            }
        }
    }

    private static String text(AnyValue v) {
        return switch (v.getValueCase()) {
            case STRING_VALUE -> v.getStringValue();
            case INT_VALUE -> Long.toString(v.getIntValue());
            case BOOL_VALUE -> Boolean.toString(v.getBoolValue());
            case DOUBLE_VALUE -> Double.toString(v.getDoubleValue());
            default -> v.toString();
        };
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

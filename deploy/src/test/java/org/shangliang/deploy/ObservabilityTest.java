package org.shangliang.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * deploy/observability: the alert rules checked and unit-tested by promtool (from Debian's
 * prometheus package), every metric the rules and the dashboard query one the services register
 * (or a known exporter's), every alert with a severity, a summary and a runbook section that exists.
 */
class ObservabilityTest {

    static final Path DIR = Repo.path("deploy/observability");
    /** Metrics that come from elsewhere: Quarkus' HTTP server timer and JVM binders, kube-state-metrics. */
    static final List<String> FOREIGN = List.of("http_server_requests_seconds_", "jvm_", "process_", "kube_pod_status_ready");

    @Test
    void promtoolAcceptsTheRulesAndTheirTestsPass() {
        String promtool = Repo.run("deploy/observability/promtool.sh");
        String checked = Repo.run(promtool, "check", "rules", DIR.resolve("alerts.yaml").toString());
        assertTrue(checked.contains("SUCCESS"), checked);
        String tested = Repo.run("bash", "-c", "cd deploy/observability && " + promtool + " test rules alerts-test.yaml");
        assertTrue(tested.contains("SUCCESS"), tested);
    }

    @Test
    void everyAlertHasASeverityASummaryAndARunbookThatExists() throws IOException {
        JsonNode rules = new YAMLMapper().readTree(DIR.resolve("alerts.yaml").toFile());
        Set<String> anchors = anchors(Repo.read(Repo.path("docs/operations.md")));
        Set<String> alerts = new TreeSet<>();
        for (JsonNode group : rules.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                String name = rule.path("alert").asText();
                alerts.add(name);
                assertTrue(Set.of("critical", "warning", "info").contains(rule.path("labels").path("severity").asText()), name);
                assertFalse(rule.path("annotations").path("summary").asText().isBlank(), name);
                String runbook = rule.path("annotations").path("runbook").asText();
                assertTrue(runbook.startsWith("docs/operations.md#"), name + ": " + runbook);
                assertTrue(anchors.contains(runbook.substring(runbook.indexOf('#') + 1)), name + ": no section for " + runbook + " in docs/operations.md");
            }
        }
        // What the issue asks an operator to be told of.
        assertTrue(alerts.containsAll(Set.of("OutboxBacklogAging", "ConsumerLagging", "DeadLetters", "ReadinessFlapping", "OverdueCasesGrowing")), alerts.toString());
    }

    @Test
    void everyMetricQueriedIsOneTheServicesRegister() throws IOException {
        Set<String> registered = registeredMetrics();
        List<String> queries = new ArrayList<>();
        JsonNode rules = new YAMLMapper().readTree(DIR.resolve("alerts.yaml").toFile());
        for (JsonNode group : rules.path("groups")) for (JsonNode rule : group.path("rules")) queries.add(rule.path("expr").asText());
        JsonNode dashboard = new ObjectMapper().readTree(DIR.resolve("dashboard.json").toFile());
        int panels = 0;
        for (JsonNode panel : dashboard.path("panels")) {
            if (panel.path("type").asText().equals("row")) continue;
            panels++;
            assertTrue(panel.path("targets").size() > 0, panel.path("title").asText());
            assertFalse(panel.path("description").asText().isBlank(), panel.path("title").asText() + ": say what it shows");
            for (JsonNode target : panel.path("targets")) queries.add(target.path("expr").asText());
        }
        assertTrue(panels >= 10, "dashboard panels: " + panels);
        assertEquals("shangliang-platform", dashboard.path("uid").asText());
        Pattern metric = Pattern.compile("\\b([a-z_]+(?:_[a-z]+)+)(?=\\{|\\[| offset|\\)|\\s|$)");
        Set<String> unknown = new TreeSet<>();
        int checked = 0;
        for (String q : queries) {
            Matcher m = metric.matcher(q);
            while (m.find()) {
                String name = m.group(1);
                if (!name.startsWith("shangliang_") && FOREIGN.stream().noneMatch(name::startsWith)) continue;
                checked++;
                if (name.startsWith("shangliang_") && !registered.contains(name) && !registered.contains(name.replaceAll("_(total|bucket|count|sum|max)$", ""))) {
                    unknown.add(name);
                }
            }
        }
        assertTrue(checked > 20, "metric names found in the queries: " + checked);
        assertTrue(unknown.isEmpty(), "queried but registered by no service: " + unknown + " (registered: " + registered + ")");
    }

    /** Names given to Micrometer in the code ("shangliang.outbox.unpublished"), as Prometheus spells them. */
    static Set<String> registeredMetrics() throws IOException {
        Set<String> names = new TreeSet<>();
        Pattern literal = Pattern.compile("\"(shangliang\\.[a-z_.]+)\"");
        for (String module : List.of("platform-commons", "topics-service", "sessions-service", "followup-service")) {
            try (Stream<Path> files = Files.walk(Repo.path(module + "/src/main/java"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = literal.matcher(Files.readString(f));
                    while (m.find()) names.add(m.group(1).replace('.', '_'));
                }
            }
        }
        return names;
    }

    /** GitHub's anchors of the Markdown headings: lower case, spaces to dashes, punctuation dropped. */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new TreeSet<>();
        for (String line : markdown.split("\n")) {
            if (!line.startsWith("#")) continue;
            String title = line.replaceFirst("^#+\\s*", "").toLowerCase();
            anchors.add(title.replaceAll("[^\\p{L}\\p{N} _-]", "").trim().replace(' ', '-'));
        }
        return anchors;
    }
}

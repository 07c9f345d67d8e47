package org.shangliang.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shangliang.deploy.Manifests.Manifest;

/**
 * deploy/k8s rendered with kubectl's kustomize from Debian's packages and every object read into
 * its typed model ({@link Manifests}); then what an operator relies on, overlay by overlay.
 */
class KubernetesManifestsTest {

    static final List<String> SERVICES = List.of("topics-service", "sessions-service", "followup-service");

    /** The highest resident memory after load of any service at -Xmx256m in docs/benchmarks.md (412 MiB). */
    static final long MEASURED_RSS_MIB = 412;

    /**
     * The worst drain of a pod (docs/operations.md): the preStop pause, quarkus.shutdown.timeout for
     * the requests under way, then a relay batch stuck on an unreachable broker.
     */
    static final int DRAIN_SECONDS = 5 + 20 + 22;

    @ParameterizedTest
    @ValueSource(strings = {"base", "local-cluster", "production"})
    void everyObjectReadsIntoItsModel(String rendering) {
        List<Manifest> all = Manifests.of(rendering);
        Map<String, Long> kinds = all.stream().collect(Collectors.groupingBy(Manifest::kind, Collectors.counting()));
        assertEquals(3L, kinds.get("Deployment") - (rendering.equals("local-cluster") ? 1 : 0), kinds.toString());
        assertEquals(3L, kinds.get("Cluster"), kinds.toString());
        assertEquals(7L, kinds.get("KafkaTopic"), kinds.toString());
        assertEquals(3L, kinds.get("KafkaUser"), kinds.toString());
        Set<String> ids = new HashSet<>();
        for (Manifest m : all) assertTrue(ids.add(m.id()), "twice: " + m.id());
    }

    @Test
    void aMisspeltFieldOrAWrongTypeIsRefused() {
        JsonNode deployment = object("base", "Deployment", "topics-service").tree();
        ObjectNode misspelt = deployment.deepCopy();
        ((ObjectNode) misspelt.path("spec")).put("replicaz", 2);
        var e = assertThrows(IllegalArgumentException.class, () -> Manifests.typed(misspelt));
        assertTrue(e.getMessage().contains("replicaz"), e.getMessage());

        ObjectNode deep = deployment.deepCopy();
        ((ObjectNode) deep.path("spec").path("template").path("spec").path("containers").get(0).path("readinessProbe")).put("periodSecond", 5);
        e = assertThrows(IllegalArgumentException.class, () -> Manifests.typed(deep));
        assertTrue(e.getMessage().contains("periodSecond"), e.getMessage());

        ObjectNode wrongType = deployment.deepCopy();
        ((ObjectNode) wrongType.path("spec")).put("replicas", "two");
        assertThrows(IllegalArgumentException.class, () -> Manifests.typed(wrongType));

        ObjectNode topic = object("base", "KafkaTopic", "shangliang.topics").tree().deepCopy();
        ((ObjectNode) topic.path("spec")).put("replica", 3);
        e = assertThrows(IllegalArgumentException.class, () -> Manifests.typed(topic));
        assertTrue(e.getMessage().contains("replica"), e.getMessage());

        ObjectNode cluster = object("base", "Cluster", "topics-db").tree().deepCopy();
        ((ObjectNode) cluster.path("spec")).put("instance", 3);
        e = assertThrows(IllegalArgumentException.class, () -> Manifests.typed(cluster));
        assertTrue(e.getMessage().contains("spec.instance:"), e.getMessage());

        ObjectNode pooler = object("base", "Pooler", "topics-db-pooler").tree().deepCopy();
        ((ObjectNode) pooler.path("spec").path("pgbouncer")).put("poolMode", "statement");
        assertThrows(IllegalArgumentException.class, () -> Manifests.typed(pooler));

        ObjectNode unknownKind = deployment.deepCopy();
        unknownKind.put("kind", "Deploymnet");
        assertThrows(IllegalArgumentException.class, () -> Manifests.typed(unknownKind));
    }

    @ParameterizedTest
    @ValueSource(strings = {"local-cluster", "production"})
    void eachServiceRunsTwoReplicasWithProbesResourcesAndADrain(String overlay) {
        for (String service : SERVICES) {
            JsonNode spec = object(overlay, "Deployment", service).tree().path("spec");
            assertEquals(2, spec.path("replicas").asInt(), service);
            JsonNode pod = spec.path("template").path("spec");
            JsonNode container = pod.path("containers").get(0);
            assertEquals("/q/health/ready", container.path("readinessProbe").path("httpGet").path("path").asText(), service);
            assertEquals("/q/health/live", container.path("livenessProbe").path("httpGet").path("path").asText(), service);
            assertEquals("/q/health/started", container.path("startupProbe").path("httpGet").path("path").asText(), service);
            assertTrue(pod.path("terminationGracePeriodSeconds").asInt() > DRAIN_SECONDS, service + ": grace period not longer than the drain");
            long request = mebibytes(container.path("resources").path("requests").path("memory").asText());
            long limit = mebibytes(container.path("resources").path("limits").path("memory").asText());
            assertTrue(request >= MEASURED_RSS_MIB, service + ": memory request " + request + " MiB below the measured " + MEASURED_RSS_MIB);
            assertTrue(limit > request, service);

            String db = service.replace("-service", "");
            Map<String, JsonNode> env = env(container);
            assertEquals("jdbc:postgresql://" + db + "-db-pooler:5432/" + db, env.get(db.toUpperCase() + "_DB_URL").path("value").asText(), service);
            assertEquals(db + "-db-app", env.get("DB_PASSWORD").path("valueFrom").path("secretKeyRef").path("name").asText(), service);
            assertEquals(db + "-db-app", env.get("DB_USER").path("valueFrom").path("secretKeyRef").path("name").asText(), service);
            assertEquals("8080", env.get(db.toUpperCase() + "_HTTP_PORT").path("value").asText(), service);
            assertEquals("metadata.name", env.get("EVENTS_INSTANCE_ID").path("valueFrom").path("fieldRef").path("fieldPath").asText(), service);
            assertEquals("true", env.get("EVENTS_LEAVE_GROUP_ON_STOP").path("value").asText(), service);
            assertTrue(pod.path("volumes").toString().contains("\"secretName\":\"" + service + "\""), service + ": its KafkaUser's certificate is not mounted");

            assertEquals(1, object(overlay, "PodDisruptionBudget", service).tree().path("spec").path("minAvailable").asInt(), service);
            JsonNode hpa = object(overlay, "HorizontalPodAutoscaler", service).tree().path("spec");
            assertEquals(service, hpa.path("scaleTargetRef").path("name").asText());
            assertEquals(2, hpa.path("minReplicas").asInt(), service);
            assertTrue(hpa.path("maxReplicas").asInt() > 2, service);
            assertEquals(service, object(overlay, "Service", service).tree().path("spec").path("selector").path("app.kubernetes.io/name").asText());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local-cluster", "production"})
    void eachServiceReachesOnlyItsOwnDatabaseAndKafka(String overlay) {
        for (String service : SERVICES) {
            JsonNode policy = object(overlay, "NetworkPolicy", service).tree().path("spec");
            assertEquals(service, policy.path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText());
            assertEquals("[\"Ingress\",\"Egress\"]", policy.path("policyTypes").toString());
            Set<String> poolers = new HashSet<>();
            Set<String> kafka = new HashSet<>();
            for (JsonNode rule : policy.path("egress")) {
                for (JsonNode to : rule.path("to")) {
                    JsonNode labels = to.path("podSelector").path("matchLabels");
                    if (labels.has("cnpg.io/poolerName")) poolers.add(labels.path("cnpg.io/poolerName").asText());
                    if (labels.has("cnpg.io/cluster")) poolers.add(labels.path("cnpg.io/cluster").asText());
                    if (labels.has("strimzi.io/cluster")) kafka.add(labels.path("strimzi.io/cluster").asText() + ":" + rule.path("ports").get(0).path("port").asInt());
                }
                // Only HTTPS (the OIDC provider's keys) may go anywhere.
                if (!rule.has("to")) assertEquals("[{\"port\":443,\"protocol\":\"TCP\"}]", rule.path("ports").toString(), service);
            }
            assertEquals(Set.of(service.replace("-service", "") + "-db-pooler"), poolers, service);
            assertEquals(Set.of("shangliang:9093"), kafka, service);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local-cluster", "production"})
    void kafkaIsThreeKraftBrokersWithTlsClientCertificatesAndAcls(String overlay) {
        JsonNode kafka = object(overlay, "Kafka", "shangliang").tree();
        assertEquals("enabled", kafka.path("metadata").path("annotations").path("strimzi.io/kraft").asText());
        assertEquals("enabled", kafka.path("metadata").path("annotations").path("strimzi.io/node-pools").asText());
        JsonNode listener = kafka.path("spec").path("kafka").path("listeners").get(0);
        assertTrue(listener.path("tls").asBoolean());
        assertEquals("tls", listener.path("authentication").path("type").asText());
        assertEquals(9093, listener.path("port").asInt());
        assertEquals("simple", kafka.path("spec").path("kafka").path("authorization").path("type").asText());
        assertEquals("false", kafka.path("spec").path("kafka").path("config").path("auto.create.topics.enable").asText());

        JsonNode pool = object(overlay, "KafkaNodePool", "brokers").tree();
        assertEquals("shangliang", pool.path("metadata").path("labels").path("strimzi.io/cluster").asText());
        assertEquals(3, pool.path("spec").path("replicas").asInt());
        assertEquals("[\"controller\",\"broker\"]", pool.path("spec").path("roles").toString());

        for (Manifest topic : all(overlay, "KafkaTopic")) {
            JsonNode spec = topic.tree().path("spec");
            assertEquals(3, spec.path("replicas").asInt(), topic.id());
            assertEquals(2, spec.path("config").path("min.insync.replicas").asInt(), topic.id());
            assertEquals("shangliang", topic.tree().path("metadata").path("labels").path("strimzi.io/cluster").asText(), topic.id());
        }
        for (Manifest user : all(overlay, "KafkaUser")) {
            assertEquals("tls", user.tree().path("spec").path("authentication").path("type").asText(), user.id());
            assertEquals("shangliang", user.tree().path("metadata").path("labels").path("strimzi.io/cluster").asText(), user.id());
        }
        JsonNode platform = object(overlay, "ConfigMap", "shangliang-platform").tree().path("data");
        assertEquals("shangliang-kafka-bootstrap:9093", platform.path("KAFKA_BOOTSTRAP_SERVERS").asText());
        assertEquals("false", platform.path("EVENTS_CREATE_TOPICS").asText());
        String client = object(overlay, "ConfigMap", "shangliang-kafka-client").tree().path("data").path("client.properties").asText();
        assertTrue(client.contains("security.protocol=SSL"), client);
    }

    @Test
    void productionDatabasesAreThreeInstancesBehindASessionPoolerAndBackedUpNightly() {
        for (String service : SERVICES) {
            String db = service.replace("-service", "") + "-db";
            JsonNode cluster = object("production", "Cluster", db).tree().path("spec");
            assertEquals(3, cluster.path("instances").asInt(), db);
            assertEquals("required", cluster.path("affinity").path("podAntiAffinityType").asText(), db);
            assertTrue(cluster.path("backup").path("barmanObjectStore").path("destinationPath").asText().endsWith("/" + db), db);
            assertFalse(cluster.path("backup").path("retentionPolicy").asText().isEmpty(), db);
            JsonNode pooler = object("production", "Pooler", db + "-pooler").tree().path("spec");
            assertEquals(db, pooler.path("cluster").path("name").asText());
            // The relay's leader lock is a session advisory lock and it LISTENs: transaction pooling would break both.
            assertEquals("session", pooler.path("pgbouncer").path("poolMode").asText(), db);
            JsonNode backup = object("production", "ScheduledBackup", db + "-nightly").tree().path("spec");
            assertEquals(db, backup.path("cluster").path("name").asText());
            assertEquals("barmanObjectStore", backup.path("method").asText());
        }
    }

    @Test
    void overlaysSetTheImagesAndTheIssuer() {
        for (String service : SERVICES) {
            assertEquals("registry.example.invalid/shangliang/" + service + ":0.1.0", image("production", service));
            assertEquals("localhost:5001/shangliang/" + service + ":latest", image("local-cluster", service));
        }
        JsonNode prod = object("production", "ConfigMap", "shangliang-platform").tree().path("data");
        assertTrue(prod.path("JWT_PUBLIC_KEY_LOCATION").asText().startsWith("https://"), prod.toString());
        assertFalse(prod.has("SHANGLIANG_SECURITY_ALLOW_DEV_ISSUER"), "production must not accept the development issuer");
        JsonNode local = object("local-cluster", "ConfigMap", "shangliang-platform").tree().path("data");
        assertEquals("urn:shangliang:local-dev", local.path("JWT_ISSUER").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"local-cluster", "production"})
    void everyVariableSetIsOneTheServicesRead(String overlay) {
        // A misspelt name would be ignored without a word: the setting would silently not apply.
        java.util.Set<String> read = Repo.variablesTheServicesRead();
        object(overlay, "ConfigMap", "shangliang-platform").tree().path("data").fieldNames()
                .forEachRemaining(name -> assertTrue(read.contains(name), overlay + ": shangliang-platform sets " + name + ", which no service reads"));
        for (String service : SERVICES) {
            JsonNode container = object(overlay, "Deployment", service).tree().path("spec").path("template").path("spec").path("containers").get(0);
            env(container).keySet().forEach(name -> assertTrue(read.contains(name), service + " sets " + name + ", which no service reads"));
        }
        JsonNode platform = object(overlay, "ConfigMap", "shangliang-platform").tree().path("data");
        assertEquals("false", platform.path("OTEL_SDK_DISABLED").asText(), "traces on in the cluster");
        assertEquals("true", platform.path("LOG_JSON").asText(), "JSON logs in the cluster");
    }

    @Test
    void baseImagesAreTheOnesJibBuilds() throws Exception {
        // quarkus.container-image.group (platform-commons) / quarkus.application.name (the service).
        java.util.Properties commons = new java.util.Properties();
        commons.load(new java.io.StringReader(Repo.read(Repo.path("platform-commons/src/main/resources/META-INF/microprofile-config.properties"))));
        String group = commons.getProperty("quarkus.container-image.group").replaceAll("^\\$\\{[A-Z_]+:(.*)}$", "$1");
        for (String service : SERVICES) {
            java.util.Properties own = new java.util.Properties();
            own.load(new java.io.StringReader(Repo.read(Repo.path(service + "/src/main/resources/application.properties"))));
            assertEquals(group + "/" + own.getProperty("quarkus.application.name"), image("base", service));
            assertTrue(Repo.read(Repo.path(service + "/pom.xml")).contains("<artifactId>quarkus-container-image-jib</artifactId>"), service);
        }
    }

    private static String image(String overlay, String service) {
        return object(overlay, "Deployment", service).tree().path("spec").path("template").path("spec").path("containers").get(0).path("image").asText();
    }

    static Manifest object(String rendering, String kind, String name) {
        return Manifests.of(rendering).stream().filter(m -> m.kind().equals(kind) && m.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(rendering + ": no " + kind + "/" + name));
    }

    static List<Manifest> all(String rendering, String kind) {
        return Manifests.of(rendering).stream().filter(m -> m.kind().equals(kind)).toList();
    }

    private static Map<String, JsonNode> env(JsonNode container) {
        Map<String, JsonNode> env = new java.util.LinkedHashMap<>();
        for (JsonNode e : container.path("env")) env.put(e.path("name").asText(), e);
        return env;
    }

    private static long mebibytes(String quantity) {
        if (quantity.endsWith("Gi")) return Long.parseLong(quantity.substring(0, quantity.length() - 2)) * 1024;
        if (quantity.endsWith("Mi")) return Long.parseLong(quantity.substring(0, quantity.length() - 2));
        throw new IllegalArgumentException("quantity in Mi or Gi expected: " + quantity);
    }
}

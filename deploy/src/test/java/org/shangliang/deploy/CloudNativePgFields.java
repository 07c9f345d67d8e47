package org.shangliang.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The fields of CloudNativePG's resources (postgresql.cnpg.io/v1) that this repository uses, each
 * with the type or the values CloudNativePG's API reference gives for it. No registry package ships
 * CloudNativePG's schema (its CRDs come with the operator's release manifest), so this list stands in
 * for one: a field not listed here is refused, so using a new field means reading the reference and
 * adding it here. Paths are dotted; {@code *} is any key of a free-form map.
 */
final class CloudNativePgFields {

    private static final Predicate<JsonNode> STRING = JsonNode::isTextual;
    private static final Predicate<JsonNode> INT = JsonNode::isInt;
    private static final Predicate<JsonNode> BOOL = JsonNode::isBoolean;
    /** Kubernetes resource quantities: 500m, 1Gi, 2. */
    private static final Predicate<JsonNode> QUANTITY = n -> (n.isTextual() && n.asText().matches("[0-9]+(\\.[0-9]+)?(m|Ki|Mi|Gi|Ti|k|M|G|T)?")) || n.isInt();
    /** A DNS-1123 name of another object. */
    private static final Predicate<JsonNode> NAME = n -> n.isTextual() && n.asText().matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");

    private static Predicate<JsonNode> oneOf(String... values) {
        Set<String> allowed = Set.of(values);
        return n -> n.isTextual() && allowed.contains(n.asText());
    }

    private static Predicate<JsonNode> matching(String regex) {
        Pattern p = Pattern.compile(regex);
        return n -> n.isTextual() && p.matcher(n.asText()).matches();
    }

    private static final Map<String, Predicate<JsonNode>> METADATA = Map.of(
            "metadata.name", NAME,
            "metadata.namespace", NAME,
            "metadata.labels.*", STRING,
            "metadata.annotations.*", STRING);

    /** Cluster: https://cloudnative-pg.io/documentation/current/cloudnative-pg.v1/#postgresql-cnpg-io-v1-ClusterSpec */
    private static final Map<String, Predicate<JsonNode>> CLUSTER = with(METADATA, Map.ofEntries(
            Map.entry("spec.instances", n -> n.isInt() && n.asInt() >= 1),
            Map.entry("spec.imageName", STRING),
            Map.entry("spec.primaryUpdateStrategy", oneOf("unsupervised", "supervised")),
            Map.entry("spec.bootstrap.initdb.database", NAME),
            Map.entry("spec.bootstrap.initdb.owner", NAME),
            Map.entry("spec.postgresql.parameters.*", STRING),
            Map.entry("spec.storage.size", QUANTITY),
            Map.entry("spec.storage.storageClass", NAME),
            Map.entry("spec.resources.requests.cpu", QUANTITY),
            Map.entry("spec.resources.requests.memory", QUANTITY),
            Map.entry("spec.resources.limits.cpu", QUANTITY),
            Map.entry("spec.resources.limits.memory", QUANTITY),
            Map.entry("spec.affinity.podAntiAffinityType", oneOf("preferred", "required")),
            Map.entry("spec.monitoring.enablePodMonitor", BOOL),
            Map.entry("spec.backup.retentionPolicy", matching("[1-9][0-9]*[dwm]")),
            Map.entry("spec.backup.barmanObjectStore.destinationPath", matching("s3://.+|gs://.+|https://.+")),
            Map.entry("spec.backup.barmanObjectStore.endpointURL", matching("https?://.+")),
            Map.entry("spec.backup.barmanObjectStore.s3Credentials.accessKeyId.name", NAME),
            Map.entry("spec.backup.barmanObjectStore.s3Credentials.accessKeyId.key", STRING),
            Map.entry("spec.backup.barmanObjectStore.s3Credentials.secretAccessKey.name", NAME),
            Map.entry("spec.backup.barmanObjectStore.s3Credentials.secretAccessKey.key", STRING),
            Map.entry("spec.backup.barmanObjectStore.wal.compression", oneOf("bzip2", "gzip", "lz4", "snappy", "xz", "zstd")),
            Map.entry("spec.backup.barmanObjectStore.data.compression", oneOf("bzip2", "gzip", "snappy"))));

    /** Pooler: https://cloudnative-pg.io/documentation/current/cloudnative-pg.v1/#postgresql-cnpg-io-v1-PoolerSpec */
    private static final Map<String, Predicate<JsonNode>> POOLER = with(METADATA, Map.of(
            "spec.cluster.name", NAME,
            "spec.instances", n -> n.isInt() && n.asInt() >= 0,
            "spec.type", oneOf("rw", "ro", "r"),
            "spec.pgbouncer.poolMode", oneOf("session", "transaction"),
            "spec.pgbouncer.parameters.*", STRING));

    /** ScheduledBackup: https://cloudnative-pg.io/documentation/current/cloudnative-pg.v1/#postgresql-cnpg-io-v1-ScheduledBackupSpec */
    private static final Map<String, Predicate<JsonNode>> SCHEDULED_BACKUP = with(METADATA, Map.of(
            // Six fields, seconds first (robfig/cron with seconds), unlike a CronJob's five.
            "spec.schedule", matching("\\S+( \\S+){5}"),
            "spec.backupOwnerReference", oneOf("none", "self", "cluster"),
            "spec.method", oneOf("barmanObjectStore", "volumeSnapshot", "plugin"),
            "spec.cluster.name", NAME,
            "spec.immediate", BOOL,
            "spec.suspend", BOOL));

    private static final Map<String, List<String>> REQUIRED = Map.of(
            "Cluster", List.of("spec.instances", "spec.storage.size"),
            "Pooler", List.of("spec.cluster.name", "spec.pgbouncer.poolMode"),
            "ScheduledBackup", List.of("spec.schedule", "spec.cluster.name"));

    private CloudNativePgFields() {
    }

    private static Map<String, Predicate<JsonNode>> with(Map<String, Predicate<JsonNode>> a, Map<String, Predicate<JsonNode>> b) {
        Map<String, Predicate<JsonNode>> all = new LinkedHashMap<>(a);
        all.putAll(b);
        return all;
    }

    /** Refuses a field the reference does not define for the kind, a value of the wrong type, a required field missing. */
    static void check(String where, JsonNode doc) {
        String kind = doc.path("kind").asText();
        Map<String, Predicate<JsonNode>> fields = switch (kind) {
            case "Cluster" -> CLUSTER;
            case "Pooler" -> POOLER;
            case "ScheduledBackup" -> SCHEDULED_BACKUP;
            default -> throw new IllegalArgumentException(where + ": not a CloudNativePG kind this repository uses");
        };
        List<String> problems = new ArrayList<>();
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        leaves(doc, "", leaves);
        leaves.forEach((path, value) -> {
            if (path.equals("apiVersion") || path.equals("kind")) return;
            Predicate<JsonNode> rule = rule(fields, path);
            if (rule == null) problems.add(path + ": not a field of " + kind + " in CloudNativePG's reference (or not listed in CloudNativePgFields)");
            else if (!rule.test(value)) problems.add(path + ": " + value + " is not a valid value");
        });
        for (String required : REQUIRED.get(kind)) {
            if (!leaves.containsKey(required)) problems.add(required + ": required");
        }
        if (!problems.isEmpty()) throw new IllegalArgumentException(where + ": " + problems);
    }

    private static Predicate<JsonNode> rule(Map<String, Predicate<JsonNode>> fields, String path) {
        Predicate<JsonNode> exact = fields.get(path);
        if (exact != null) return exact;
        // A free-form map's keys may hold dots themselves (app.kubernetes.io/name).
        for (var e : fields.entrySet()) {
            String key = e.getKey();
            if (key.endsWith(".*") && path.startsWith(key.substring(0, key.length() - 1))) return e.getValue();
        }
        return null;
    }

    private static void leaves(JsonNode node, String path, Map<String, JsonNode> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                var e = it.next();
                leaves(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out);
            }
        } else {
            // No list is used in these kinds here; a list is a leaf, and no rule accepts one.
            out.put(path, node);
        }
    }
}

package org.shangliang.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rendered overlays, read object by object into the typed models that registry packages ship:
 * Kubernetes' own kinds into fabric8's model (8.x, on Jackson 3), Strimzi's into its API artifact (on
 * Jackson 2). Both keep fields they do not know in an {@code additionalProperties} map instead of
 * failing, so after reading, every such map in the object graph must be empty: a misspelt or
 * misplaced field is an error here, as the API server's schema validation would make it there.
 * Scalars are not coerced ({@code "3"} is not an integer).
 */
final class Manifests {

    /** A rendered object: its kind, name, the tree as written and the typed model it was read into. */
    record Manifest(String apiVersion, String kind, String name, JsonNode tree, Object model) {
        String id() {
            return kind + "/" + name;
        }
    }

    /** Kinds read into fabric8's Kubernetes model. */
    static final Map<String, String> KUBERNETES = Map.of(
            "v1/ConfigMap", "io.fabric8.kubernetes.api.model.ConfigMap",
            "v1/Service", "io.fabric8.kubernetes.api.model.Service",
            "apps/v1/Deployment", "io.fabric8.kubernetes.api.model.apps.Deployment",
            "policy/v1/PodDisruptionBudget", "io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget",
            "autoscaling/v2/HorizontalPodAutoscaler", "io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler",
            "networking.k8s.io/v1/NetworkPolicy", "io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy");

    /** Kinds read into Strimzi's API model. */
    static final Map<String, String> STRIMZI = Map.of(
            "kafka.strimzi.io/v1beta2/Kafka", "io.strimzi.api.kafka.model.kafka.Kafka",
            "kafka.strimzi.io/v1beta2/KafkaNodePool", "io.strimzi.api.kafka.model.nodepool.KafkaNodePool",
            "kafka.strimzi.io/v1beta2/KafkaTopic", "io.strimzi.api.kafka.model.topic.KafkaTopic",
            "kafka.strimzi.io/v1beta2/KafkaUser", "io.strimzi.api.kafka.model.user.KafkaUser");

    /** CloudNativePG's kinds: no registry package ships their schema, so {@link CloudNativePgFields} checks them. */
    static final Set<String> CLOUDNATIVE_PG = Set.of(
            "postgresql.cnpg.io/v1/Cluster", "postgresql.cnpg.io/v1/Pooler", "postgresql.cnpg.io/v1/ScheduledBackup");

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JACKSON2 = JsonMapper.builder().disable(MapperFeature.ALLOW_COERCION_OF_SCALARS).build();
    private static final tools.jackson.databind.ObjectMapper JACKSON3 = tools.jackson.databind.json.JsonMapper.builder()
            .disable(tools.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS).build();

    private Manifests() {
    }

    /** Renders base and overlays (deploy/k8s/render.sh) once per test run. */
    static synchronized Path rendered() {
        Path out = Repo.path("deploy/target/k8s");
        if (!out.resolve(".done").toFile().exists()) {
            Repo.run("deploy/k8s/render.sh", out.toString());
            try {
                java.nio.file.Files.writeString(out.resolve(".done"), "");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** Every object of one rendered file (base, local-cluster, production), each read and checked. */
    static List<Manifest> of(String rendering) {
        return read(rendered().resolve(rendering + ".yaml"));
    }

    static List<Manifest> read(Path file) {
        return parse(Repo.read(file));
    }

    static List<Manifest> parse(String yaml) {
        List<Manifest> all = new ArrayList<>();
        try (var docs = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (docs.hasNext()) {
                JsonNode doc = (JsonNode) docs.next();
                if (doc == null || doc.isNull() || doc.isEmpty()) continue;
                all.add(typed(doc));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    /** One object read into its model; an unknown kind, an unknown field or a wrong type is an {@link IllegalArgumentException}. */
    static Manifest typed(JsonNode doc) {
        String apiVersion = doc.path("apiVersion").asText();
        String kind = doc.path("kind").asText();
        String name = doc.path("metadata").path("name").asText();
        String key = apiVersion + "/" + kind;
        String where = kind + "/" + name;
        Object model;
        try {
            if (KUBERNETES.containsKey(key)) {
                model = JACKSON3.readValue(doc.toString(), Class.forName(KUBERNETES.get(key)));
            } else if (STRIMZI.containsKey(key)) {
                model = JACKSON2.treeToValue(doc, Class.forName(STRIMZI.get(key)));
            } else if (CLOUDNATIVE_PG.contains(key)) {
                CloudNativePgFields.check(where, doc);
                model = doc;
            } else {
                throw new IllegalArgumentException(where + ": no model for " + key + " (add it to Manifests, with a model to check it against)");
            }
        } catch (IOException | tools.jackson.core.JacksonException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        List<String> unknown = new ArrayList<>();
        unknownFields(model, kind, unknown, new IdentityHashMap<>());
        if (!unknown.isEmpty()) throw new IllegalArgumentException(where + ": fields the model does not know: " + unknown);
        return new Manifest(apiVersion, kind, name, doc, model);
    }

    private static boolean isModel(Class<?> c) {
        String pkg = c.getPackageName();
        return pkg.startsWith("io.fabric8.kubernetes.api.model") || pkg.startsWith("io.fabric8.kubernetes.client") || pkg.startsWith("io.strimzi.api");
    }

    /** Walks the model's fields; every additionalProperties map met on the way must be empty. */
    private static void unknownFields(Object value, String path, List<String> unknown, IdentityHashMap<Object, Boolean> seen) {
        if (value == null || seen.put(value, Boolean.TRUE) != null) return;
        if (value instanceof Collection<?> c) {
            int i = 0;
            for (Object item : c) unknownFields(item, path + "[" + i++ + "]", unknown, seen);
            return;
        }
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> unknownFields(v, path + "." + k, unknown, seen));
            return;
        }
        if (!isModel(value.getClass()) || value instanceof Enum<?>) return;
        for (Class<?> c = value.getClass(); c != null && isModel(c); c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) continue;
                f.setAccessible(true);
                Object v;
                try {
                    v = f.get(value);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
                if (f.getName().equals("additionalProperties")) {
                    if (v instanceof Map<?, ?> extra && !extra.isEmpty()) extra.keySet().forEach(k -> unknown.add(path + "." + k));
                } else {
                    unknownFields(v, path + "." + f.getName(), unknown, seen);
                }
            }
        }
    }
}

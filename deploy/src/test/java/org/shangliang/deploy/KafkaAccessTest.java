package org.shangliang.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.shangliang.commons.events.EventHandler;
import org.shangliang.deploy.Manifests.Manifest;

/**
 * The Kafka topics and ACLs of deploy/k8s against what the code uses: each service's configuration
 * (the stream it publishes, what else it owns, its group, the reference copies it keeps) and its
 * event handler's subscriptions, named as platform-commons names them ({@code <namespace>.<stream>},
 * {@code <namespace>.<group>.dlt}, the relay's {@code <namespace>.<group>.outbox}, the consumer group
 * {@code <namespace>.<group>}). A topic the code uses without a KafkaTopic, or an ACL missing or
 * granted beyond it, fails here rather than in the cluster.
 */
class KafkaAccessTest {

    /** What one service does on Kafka, read from its code and configuration. */
    record Usage(String service, String group, List<String> publishes, List<String> consumes, List<String> copies) {
    }

    @Test
    void everyTopicTheCodeUsesHasAKafkaTopicAndNoOther() {
        String ns = namespace();
        Set<String> expected = new TreeSet<>();
        for (Usage u : usages()) {
            u.publishes().forEach(s -> expected.add(ns + "." + s));
            u.consumes().forEach(s -> expected.add(ns + "." + s));
            u.copies().forEach(s -> expected.add(ns + "." + s));
            expected.add(ns + "." + u.group() + ".dlt");
        }
        Set<String> declared = new TreeSet<>();
        for (Manifest t : KubernetesManifestsTest.all("base", "KafkaTopic")) {
            String name = t.tree().path("spec").has("topicName") ? t.tree().path("spec").path("topicName").asText() : t.name();
            declared.add(name);
        }
        assertEquals(expected, declared);
        // The directory carries state: compacted, kept for ever, as the services create it locally.
        JsonNode directory = KubernetesManifestsTest.object("base", "KafkaTopic", ns + ".directory").tree().path("spec").path("config");
        assertEquals("compact", directory.path("cleanup.policy").asText());
        assertEquals(-1, directory.path("retention.ms").asLong());
    }

    @Test
    void eachServiceMayWriteOnlyItsOwnTopicsAndReadOnlyWhatItConsumes() {
        String ns = namespace();
        List<Usage> usages = usages();
        assertEquals(3, usages.size());
        for (Usage u : usages) {
            Set<String> expected = new TreeSet<>();
            for (String s : u.publishes()) {
                expected.add("topic:" + ns + "." + s + ":Write");
                expected.add("topic:" + ns + "." + s + ":Describe");
            }
            expected.add("transactionalId:" + ns + "." + u.group() + ".outbox:Write");
            expected.add("transactionalId:" + ns + "." + u.group() + ".outbox:Describe");
            for (String s : concat(u.consumes(), u.copies())) {
                expected.add("topic:" + ns + "." + s + ":Read");
                expected.add("topic:" + ns + "." + s + ":Describe");
            }
            if (!u.consumes().isEmpty()) expected.add("group:" + ns + "." + u.group() + ":Read");
            for (String op : List.of("Write", "Read", "Describe")) expected.add("topic:" + ns + "." + u.group() + ".dlt:" + op);

            JsonNode user = KubernetesManifestsTest.object("base", "KafkaUser", u.group()).tree();
            Set<String> granted = new TreeSet<>();
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                JsonNode r = acl.path("resource");
                assertEquals("literal", r.path("patternType").asText(), u.service() + ": ACLs name resources exactly");
                for (JsonNode op : acl.path("operations")) granted.add(r.path("type").asText() + ":" + r.path("name").asText() + ":" + op.asText());
            }
            assertEquals(expected, granted, u.service());
            // Its Deployment mounts the certificate of its own KafkaUser, not another's.
            assertTrue(KubernetesManifestsTest.object("base", "Deployment", u.service()).tree().toString()
                    .contains("\"secretName\":\"" + u.group() + "\""), u.service());
        }
    }

    @Test
    void theCodeIsReadAsExpected() {
        // Guards the reading above: if it found nothing, the comparisons would prove little.
        Usage topics = usages().stream().filter(u -> u.service().equals("topics-service")).findFirst().orElseThrow();
        assertEquals(List.of("topics", "directory"), topics.publishes());
        assertTrue(topics.consumes().contains("sessions") && topics.consumes().contains("followup"), topics.toString());
        Usage followup = usages().stream().filter(u -> u.service().equals("followup-service")).findFirst().orElseThrow();
        assertTrue(followup.copies().contains("directory"), followup.toString());
        assertFalse(followup.consumes().isEmpty());
    }

    private static String namespace() {
        return KubernetesManifestsTest.object("base", "ConfigMap", "shangliang-platform").tree().path("data").path("EVENTS_NAMESPACE").asText();
    }

    static List<Usage> usages() {
        List<Usage> all = new ArrayList<>();
        for (String service : KubernetesManifestsTest.SERVICES) {
            Properties p = new Properties();
            try {
                p.load(new StringReader(Repo.read(Repo.path(service + "/src/main/resources/application.properties"))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            assertFalse(p.containsKey("shangliang.events.relay.transactional-id"), service + ": the ACLs assume the default transactional id");
            List<String> publishes = new ArrayList<>();
            publishes.add(p.getProperty("shangliang.events.stream"));
            String also = p.getProperty("shangliang.events.also-publishes");
            if (also != null) publishes.addAll(Arrays.asList(also.split(",")));
            List<String> copies = p.stringPropertyNames().stream()
                    .filter(k -> k.startsWith("shangliang.events.copies.") && k.endsWith(".source"))
                    .map(k -> k.substring("shangliang.events.copies.".length(), k.length() - ".source".length())).sorted().toList();
            all.add(new Usage(service, p.getProperty("shangliang.events.group"), publishes, handler(service).subscriptions().streams(), copies));
        }
        return all;
    }

    /**
     * The service's one EventHandler, found among the classes of the service on this test's class
     * path (its target/classes in a reactor build, its jar otherwise) and asked for its subscriptions.
     */
    private static EventHandler handler(String service) {
        List<EventHandler> found = new ArrayList<>();
        try {
            for (String name : classNames(service)) {
                Class<?> c = Class.forName(name, false, KafkaAccessTest.class.getClassLoader());
                if (EventHandler.class.isAssignableFrom(c) && !c.isInterface() && !java.lang.reflect.Modifier.isAbstract(c.getModifiers())) {
                    found.add((EventHandler) c.getDeclaredConstructor().newInstance());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        assertEquals(1, found.size(), service + ": one event handler expected, found " + found);
        return found.get(0);
    }

    private static List<String> classNames(String service) throws IOException {
        List<String> names = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry);
            boolean classes = p.endsWith(Path.of(service, "target", "classes"));
            boolean jar = p.getFileName().toString().startsWith(service + "-") && entry.endsWith(".jar");
            if (classes) {
                try (Stream<Path> files = Files.walk(p)) {
                    files.map(f -> p.relativize(f).toString()).forEach(names::add);
                }
            } else if (jar) {
                try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(p.toFile())) {
                    zip.stream().map(java.util.zip.ZipEntry::getName).forEach(names::add);
                }
            }
        }
        assertFalse(names.isEmpty(), service + " is not on the test class path");
        return names.stream().filter(n -> n.endsWith(".class") && !n.contains("$") && !n.startsWith("META-INF"))
                .map(n -> n.replace('/', '.').replaceAll("\\.class$", "")).toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}

package org.shangliang.commons.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** Checks event payloads against the JSON Schemas in the top-level contracts/ folder. */
public final class Contracts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Contracts() {
    }

    /** The repository's contracts/ folder, found upwards from the working directory. */
    public static Path folder() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path c = p.resolve("contracts");
            if (Files.isDirectory(c.resolve("schemas"))) return c;
        }
        throw new IllegalStateException("no contracts/ folder above " + Path.of("").toAbsolutePath());
    }

    /** Throws an AssertionError listing every violation when {@code json} is not a valid {@code type}. */
    public static void assertValid(String type, String json) {
        Path schemaFile = folder().resolve("schemas").resolve(type + ".schema.json");
        if (!Files.exists(schemaFile)) throw new AssertionError("no schema for event type " + type + " at " + schemaFile);
        try (InputStream in = Files.newInputStream(schemaFile)) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
            JsonNode node = JSON.readTree(json);
            Set<ValidationMessage> errors = schema.validate(node);
            if (!errors.isEmpty()) throw new AssertionError(type + " breaks its contract: " + errors + "\n" + json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The event types AsyncAPI lists on a stream's channel (contracts/asyncapi.yaml, channels.<stream>.messages). */
    public static java.util.Set<String> typesOn(String stream) {
        java.util.Set<String> types = new java.util.TreeSet<>();
        try {
            String channel = null;
            boolean messages = false;
            for (String line : Files.readAllLines(folder().resolve("asyncapi.yaml"))) {
                if (line.startsWith("operations:")) break;
                java.util.regex.Matcher c = java.util.regex.Pattern.compile("^  ([A-Za-z]+):\\s*$").matcher(line);
                if (c.matches()) {
                    channel = c.group(1);
                    messages = false;
                } else if (line.equals("    messages:")) {
                    messages = true;
                } else if (messages && stream.equals(channel)) {
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("^      ([A-Za-z]+):\\s*$").matcher(line);
                    if (m.matches()) types.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (types.isEmpty()) throw new AssertionError("asyncapi.yaml lists no messages on channel " + stream);
        return types;
    }

    /**
     * Fails unless a subscriber names every type the contract lists on each stream it reads, as
     * handled or deliberately ignored: an event type added by its publisher must be decided on by
     * every consumer, not counted as unknown.
     */
    public static void assertEveryTypeDecided(org.shangliang.commons.events.Subscriptions subscriptions) {
        for (String stream : subscriptions.streams()) {
            var route = subscriptions.route(stream).orElseThrow();
            java.util.Set<String> undecided = new java.util.TreeSet<>(typesOn(stream));
            undecided.removeAll(route.handles());
            undecided.removeAll(route.ignores());
            if (!undecided.isEmpty()) throw new AssertionError("the subscriber of " + stream + " neither handles nor ignores " + undecided);
        }
    }
}

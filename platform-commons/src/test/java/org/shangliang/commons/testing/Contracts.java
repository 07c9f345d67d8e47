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
}

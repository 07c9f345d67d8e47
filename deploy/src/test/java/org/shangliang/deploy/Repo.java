package org.shangliang.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The repository around this module, and the scripts that fetch the tools the checks need. */
final class Repo {

    /** Maven runs the tests in deploy/. */
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    private Repo() {
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    /** Runs a script of the repository and returns what it printed on standard output; its log goes to ours. */
    static String run(String... command) {
        try {
            ProcessBuilder pb = new ProcessBuilder(List.of(command)).directory(ROOT.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int rc = p.waitFor();
            if (rc != 0) throw new IllegalStateException(String.join(" ", command) + " exited " + rc + ": " + out);
            return out.trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The environment variables the services read: every {@code ${NAME...}} in their configuration
     * (platform-commons' shared settings and each service's own), and JAVA_TOOL_OPTIONS, which the JVM reads.
     */
    static java.util.Set<String> variablesTheServicesRead() {
        java.util.Set<String> names = new java.util.TreeSet<>(java.util.Set.of("JAVA_TOOL_OPTIONS"));
        java.util.regex.Pattern ref = java.util.regex.Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
        for (String file : List.of("platform-commons/src/main/resources/META-INF/microprofile-config.properties",
                "topics-service/src/main/resources/application.properties", "sessions-service/src/main/resources/application.properties",
                "followup-service/src/main/resources/application.properties")) {
            java.util.regex.Matcher m = ref.matcher(read(path(file)));
            while (m.find()) names.add(m.group(1));
        }
        return names;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

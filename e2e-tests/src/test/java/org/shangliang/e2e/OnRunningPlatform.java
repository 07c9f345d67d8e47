package org.shangliang.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** A test class that runs against the three packaged services, started once for the class and stopped after it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OnRunningPlatform {

    protected Platform platform;

    @BeforeAll
    void startPlatform() throws Exception {
        platform = new Platform(platformEnvironment()).start();
    }

    /** Settings for every service process of this class's platform; none by default. */
    protected java.util.Map<String, String> platformEnvironment() throws Exception {
        return java.util.Map.of();
    }

    @AfterAll
    void stopPlatform() {
        if (platform != null) platform.close();
    }
}

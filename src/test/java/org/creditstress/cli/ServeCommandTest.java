package org.creditstress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code serve} refuses bad options with one line and exit code 2, before it starts serving. */
class ServeCommandTest {

    @Test
    void aPortOutOfRangeIsBadInput() {
        ExperimentCli.Result r = ExperimentCli.run("serve", "--port", "70000");
        assertEquals(2, r.exitCode());
        assertEquals(List.of("error: --port must be in [0, 65535], got 70000"), r.errLines());
    }

    @Test
    void aPortInUseIsBadInput() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ExperimentCli.Result r = ExperimentCli.run("serve", "--port", Integer.toString(taken.getLocalPort()));
            assertEquals(2, r.exitCode());
            assertEquals(List.of("error: --port " + taken.getLocalPort() + " is in use on 127.0.0.1 (another program, or another "
                    + "serve); pick another with --port"), r.errLines());
        }
    }

    @Test
    void aMissingScenariosFolderIsBadInput() {
        ExperimentCli.Result r = ExperimentCli.run("serve", "--scenarios", "no/such/folder");
        assertEquals(2, r.exitCode());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.errLines().get(0).startsWith("error: --scenarios: no folder at "), r.err());
    }
}

package org.creditstress.cli;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.creditstress.serve.Classroom;
import org.creditstress.serve.ClassroomLimits;
import org.creditstress.serve.ClassroomServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code creditstress serve}: the classroom page, a what-if page on 127.0.0.1 (see
 * docs/classroom.md). Prints the address and serves until stopped (Ctrl-C).
 */
@Command(name = "serve", header = "Serve the classroom what-if page on 127.0.0.1.", mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Serve the classroom page on 127.0.0.1 (this machine only) and print its address: pick a shipped scenario,",
                "move sliders, run one or two settings on common random numbers and watch the fan charts fill in month by month,",
                "with one borrower's story beside them; download a setting as YAML to rerun it with 'creditstress run'.",
                "Stop it with Ctrl-C. See docs/classroom.md."})
final class ServeCommand implements Callable<Integer> {
    /** The default port: unassigned by IANA and rarely taken. */
    static final int DEFAULT_PORT = 8420;

    @Option(names = "--port", paramLabel = "P", description = "Port on 127.0.0.1 (default " + DEFAULT_PORT + "; 0: any free port).")
    int port = DEFAULT_PORT;

    @Option(names = "--scenarios", paramLabel = "DIR", description = "Folder of the scenarios the page offers (default: the project's scenarios/).")
    Path scenarios;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads per month's borrower chunks (default: all processors). Results do not depend on it.")
    Integer threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (port < 0 || port > 65535) {
            throw new UserInputException("--port must be in [0, 65535], got " + port);
        }
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1 || t > 1024) {
            throw new UserInputException("--threads must be between 1 and 1024, got " + t);
        }
        Path folder = scenarios == null ? Launcher.scenariosFolder() : scenarios;
        if (!Files.isDirectory(folder)) {
            throw new UserInputException("--scenarios: no folder at " + folder.toAbsolutePath().normalize());
        }
        var err = spec.commandLine().getErr();
        Classroom classroom = new Classroom(folder, ClassroomLimits.standard(), t, line -> {
            synchronized (err) {
                err.println(line);
                err.flush();
            }
        });
        ClassroomServer server;
        try {
            server = ClassroomServer.start(classroom, port, line -> {
                synchronized (err) {
                    err.println(line);
                    err.flush();
                }
            });
        } catch (BindException e) {
            classroom.close();
            throw new UserInputException("--port " + port + " is in use on 127.0.0.1 (another program, or another serve); pick another with --port");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "classroom-shutdown"));
        var out = spec.commandLine().getOut();
        out.println("Classroom page: " + server.url() + "  (this machine only; Ctrl-C to stop)");
        out.flush();
        stopped.await();
        return 0;
    }
}

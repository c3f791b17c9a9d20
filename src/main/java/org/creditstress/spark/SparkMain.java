package org.creditstress.spark;

import java.io.PrintStream;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.creditstress.cli.Backends;
import org.creditstress.cli.Main;

/**
 * Entry point for {@code spark-submit}: {@code sweep}, {@code sensitivity} or {@code calibrate} with
 * the options of the {@code creditstress} command, their model runs made on the cluster: a sweep's
 * points by {@link SparkPointRunner}, the other commands' replications by {@link SparkRuns}. For example
 * <pre>
 * spark-submit --class org.creditstress.spark.SparkMain --master local[2] target/creditstress.jar \
 *     sweep scenarios/severe-downturn.yaml --vary economy.unemployment.shock_level=0.06:0.14:5 --out output/spark-sweep
 * </pre>
 * Output, errors and exit codes are those of the command line (2 for bad input, which is refused
 * before Spark starts). The Spark session is the one spark-submit configures ({@code --master},
 * {@code --conf}); it is stopped at the end. See docs/spark.md.
 */
public final class SparkMain {
    /** The commands that run on Spark. */
    static final List<String> COMMANDS = List.of("sweep", "sensitivity", "calibrate");
    static final String USAGE = "usage: spark-submit --class " + SparkMain.class.getName()
            + " [spark options] creditstress.jar (sweep|sensitivity|calibrate) [options]\n"
            + "  runs the model runs of these creditstress commands on Spark, with their options ('sweep --help' lists"
            + " sweep's); see docs/spark.md";

    private SparkMain() {
    }

    public static void main(String[] args) {
        Lazy session = new Lazy(() -> SparkSession.builder()
                .appName("creditstress " + (args.length > 0 ? args[0] : "")).getOrCreate());
        int code;
        try {
            code = execute(session, System.err, args);
        } finally {
            session.stopIfStarted();
        }
        System.exit(code);
    }

    /**
     * Runs {@code args} ({@code sweep ...}, {@code sensitivity ...} or {@code calibrate ...}) with
     * the session from {@code session}, asked for only when there is work for Spark; returns the
     * exit code. The session is not stopped.
     */
    public static int execute(Supplier<SparkSession> session, PrintStream err, String... args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            err.println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        if (!COMMANDS.contains(args[0])) {
            err.println("error: '" + args[0] + "' does not run on Spark; give one of " + String.join(", ", COMMANDS)
                    + " (the other commands run with ./creditstress)");
            return 2;
        }
        if (!new SparkConf().contains("spark.master") && !(session instanceof Started)) {
            err.println("error: no Spark master: start this with spark-submit --master URL, or give -Dspark.master=local[2] to java");
            return 2;
        }
        return Main.execute(new Backends(new SparkPointRunner(session), new SparkRuns(session)), args);
    }

    /** A session that is already running (tests, notebooks): handed out as it is. */
    public record Started(SparkSession session) implements Supplier<SparkSession> {
        @Override
        public SparkSession get() {
            return session;
        }
    }

    /** Creates the session on first use, so that bad input never starts Spark. */
    private static final class Lazy implements Supplier<SparkSession> {
        private final Supplier<SparkSession> create;
        private SparkSession session;

        Lazy(Supplier<SparkSession> create) {
            this.create = create;
        }

        @Override
        public synchronized SparkSession get() {
            if (session == null) {
                session = create.get();
            }
            return session;
        }

        synchronized void stopIfStarted() {
            if (session != null) {
                session.stop();
            }
        }
    }
}

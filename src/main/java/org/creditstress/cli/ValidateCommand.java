package org.creditstress.cli;

import java.util.concurrent.Callable;
import org.creditstress.run.Experiment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code creditstress validate}: checks a scenario without running it. */
@Command(name = "validate", header = "Check a scenario without running it.", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Check a scenario (with its extends chain and --set overrides): prints 'ok', or the errors and exits 2.")
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    ScenarioArguments args;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Experiment.checkFits(args.load());
        spec.commandLine().getOut().println("ok");
        return 0;
    }
}

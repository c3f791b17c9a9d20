package org.creditstress.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.creditstress.metric.MetricRegistry;
import org.creditstress.report.ReferenceDocs;
import org.creditstress.run.store.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code creditstress docs}: regenerates the reference documents from the code. */
@Command(name = "docs", header = "Regenerate the reference docs from the code.", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Write docs/scenario-reference.md, docs/scenario.schema.json (JSON Schema for editors) and docs/outputs.md from the scenario schema and the metric registry.")
final class DocsCommand implements Callable<Integer> {
    @Option(names = "--dir", paramLabel = "DIR", description = "Folder to write into (default: docs).")
    Path dir = Path.of("docs");

    @Override
    public Integer call() throws IOException {
        Files.createDirectories(dir);
        AtomicFiles.writeString(dir.resolve("scenario-reference.md"), ReferenceDocs.scenarioReference());
        AtomicFiles.writeString(dir.resolve("scenario.schema.json"),
                org.creditstress.scenario.schema.JsonSchemaWriter.write(org.creditstress.scenario.schema.ScenarioSchema.root()));
        AtomicFiles.writeString(dir.resolve("outputs.md"), ReferenceDocs.outputs(new MetricRegistry(List.of(), List.of(), true)));
        return 0;
    }
}

package org.creditstress.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.api.java.function.Function;
import org.creditstress.experiment.sweep.Sweep;

/**
 * Runs one sweep point on an executor, as the local sweep runs it ({@link Sweep#runPoint}), into a
 * temporary folder of the executor's own disk, and returns the folder's files; the temporary
 * folder is deleted. The scenario file (and any file it extends or reads) is read on the executor
 * from the path the driver was given, so on a cluster it must be at that path there too.
 */
final class PointTask implements Function<PointInput, PointOutput> {
    private static final long serialVersionUID = 1L;

    private final Sweep.PointJob job;

    PointTask(Sweep.PointJob job) {
        this.job = job;
    }

    @Override
    public PointOutput call(PointInput input) throws IOException {
        Path tmp = Files.createTempDirectory("creditstress-point-");
        try {
            Path folder = tmp.resolve(input.id());
            Sweep.PointRun run = Sweep.runPoint(job, input.point(), folder);
            LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();
            if (Files.isDirectory(folder)) {
                List<Path> all;
                try (Stream<Path> walk = Files.walk(folder)) {
                    all = walk.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path f : all) {
                    files.put(folder.relativize(f).toString().replace(java.io.File.separatorChar, '/'), Files.readAllBytes(f));
                }
            }
            return PointOutput.of(input, run, files);
        } finally {
            deleteTree(tmp);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}

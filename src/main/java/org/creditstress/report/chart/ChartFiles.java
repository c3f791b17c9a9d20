package org.creditstress.report.chart;

import java.io.IOException;
import java.nio.file.Path;
import org.creditstress.run.store.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Writes charts as PNG files, atomically and readable as any result file (see {@link AtomicFiles}). */
public final class ChartFiles {
    private ChartFiles() {
    }

    /** Writes {@code chart} to {@code target} as PNG, creating the folder if needed. */
    public static void writePng(Chart<?, ?> chart, Path target) throws IOException {
        AtomicFiles.write(target, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
    }
}

package org.creditstress.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

class ChartStyleTest {

    @Test
    void defaultsAreTheHouseSizeAndVariantsAreIndependent() {
        ChartStyle base = ChartStyle.defaults();
        ChartStyle small = base.withSize(640, 360);

        assertEquals(900, base.width());
        assertEquals(500, base.height());
        assertEquals(640, small.width());
        assertEquals(360, small.height());
        assertEquals(ChartStyle.defaults(), base, "value semantics");
        assertNotEquals(base, small);
        assertNotEquals(base, base.withFontSize(16));
    }

    @Test
    void rejectsUnusableValues() {
        assertThrows(IllegalArgumentException.class, () -> ChartStyle.defaults().withSize(10, 10));
        assertThrows(IllegalArgumentException.class, () -> ChartStyle.defaults().withFontSize(2));
    }

    @Test
    void chartsGetTheStyleSizeTitlesAndTranslucentBands() {
        ChartStyle style = ChartStyle.defaults();
        XYChart chart = style.newChart("T", "Month", "Y (%)");

        assertEquals(900, chart.getWidth());
        assertEquals(500, chart.getHeight());
        assertEquals("T", chart.getTitle());
        assertEquals("Y (%)", chart.getYAxisTitle());
        Color band = style.bandColor(style.seriesColor(0));
        assertTrue(band.getAlpha() > 0 && band.getAlpha() < 255);
        assertNotEquals(style.seriesColor(0), style.seriesColor(1));
        assertEquals(style.seriesColor(0), style.seriesColor(10), "palette cycles");
    }
}

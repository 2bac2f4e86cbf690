package io.kqat.tools.bench;

import io.kqat.tools.bench.file.FileRun;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A PNG chart of compression throughput (log scale) against ratio: one point per backend and level, a backend's levels
 * joined by a line, so the trade-off each offers reads at a glance; whole-file runs (kqat and the C tools) as their
 * own series. Drawn by XChart, headless.
 */
public final class BenchChart {
    private static final int WIDTH = 1000;
    private static final int HEIGHT = 620;

    private BenchChart() {
    }

    public static void write(List<BenchResult> batches, List<FileRun> files, String title, Path file)
            throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title + "  (point labels: gzip level)")
                .xAxisTitle("compression ratio (higher is smaller output)")
                .yAxisTitle("compress throughput, MB/s (log scale)").build();
        XYStyler styler = chart.getStyler();
        styler.setYAxisLogarithmic(true);
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotGridLinesColor(new Color(0xdddddd));
        styler.setAntiAlias(true);
        for (Map.Entry<String, List<Point>> series : group(batches, r -> new Point(r.backend(), r.level(), r.ratio(),
                r.compressMBps())).entrySet()) {
            add(chart, series.getKey(), series.getValue());
        }
        List<FileRun> compressed = files.stream().filter(FileRun::compresses).toList();
        for (Map.Entry<String, List<Point>> series : group(compressed, r -> new Point("file: " + withoutLevel(r.tool()),
                r.level(), r.ratio(), r.megabytesPerSecond())).entrySet()) {
            add(chart, series.getKey(), series.getValue());
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
    }

    /** {@code pigz -6 -p 2} is one point of the series {@code pigz -p 2}. */
    private static String withoutLevel(String tool) {
        return tool.replaceAll(" -\\d+\\b", "");
    }

    private record Point(String series, int level, double ratio, double megabytesPerSecond) {
    }

    private static <T> Map<String, List<Point>> group(List<T> rows, Function<T, Point> point) {
        Map<String, List<Point>> bySeries = new LinkedHashMap<>();
        for (T row : rows) {
            Point p = point.apply(row);
            if (p.megabytesPerSecond() > 0 && p.ratio() > 0) {
                bySeries.computeIfAbsent(p.series(), k -> new ArrayList<>()).add(p);
            }
        }
        return bySeries;
    }

    private static void add(XYChart chart, String name, List<Point> points) {
        XYSeries series = chart.addSeries(name, points.stream().mapToDouble(Point::ratio).toArray(),
                points.stream().mapToDouble(Point::megabytesPerSecond).toArray());
        series.setMarker(SeriesMarkers.CIRCLE);
        for (Point p : points) {
            chart.addAnnotation(new AnnotationText(Integer.toString(p.level()), p.ratio(), p.megabytesPerSecond() * 1.08,
                    false));
        }
    }
}

package io.kqat.tools.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A PNG chart of compression throughput (log scale) against ratio: one point per backend and level, levels of a
 * backend joined by a line, so the trade-off each backend offers reads at a glance. Drawn with java.awt, headless.
 */
public final class BenchChart {
    private static final int W = 960;
    private static final int H = 600;
    private static final int LEFT = 90;
    private static final int RIGHT = 190;
    private static final int TOP = 50;
    private static final int BOTTOM = 70;
    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e), new Color(0x9467bd),
        new Color(0x8c564b)};

    private BenchChart() {
    }

    public static void write(List<BenchResult> results, String title, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);

        double minRatio = results.stream().mapToDouble(BenchResult::ratio).min().orElse(1);
        double maxRatio = results.stream().mapToDouble(BenchResult::ratio).max().orElse(2);
        double pad = Math.max(0.1, (maxRatio - minRatio) * 0.1);
        double x0 = minRatio - pad;
        double x1 = maxRatio + pad;
        double minRate = results.stream().mapToDouble(BenchResult::compressMBps).min().orElse(1);
        double maxRate = results.stream().mapToDouble(BenchResult::compressMBps).max().orElse(10);
        double y0 = Math.log10(Math.max(0.1, minRate / 1.5));
        double y1 = Math.log10(maxRate * 1.5);

        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title + "  (point labels: gzip level)", LEFT, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawRect(LEFT, TOP, W - LEFT - RIGHT, H - TOP - BOTTOM);
        g.drawString("compression ratio (higher is smaller output)", LEFT + 150, H - 20);
        g.rotate(-Math.PI / 2);
        g.drawString("compress throughput, MB/s (log scale)", -(H / 2 + 110), 25);
        g.rotate(Math.PI / 2);

        // Gridlines: decades and their 2x, 5x on the throughput axis, even steps on the ratio axis.
        g.setColor(new Color(0xdddddd));
        for (double decade = Math.floor(y0); decade <= y1; decade++) {
            for (double m : new double[] {1, 2, 5}) {
                double v = Math.log10(m) + decade;
                if (v < y0 || v > y1) {
                    continue;
                }
                int y = py(v, y0, y1);
                g.setColor(new Color(0xdddddd));
                g.drawLine(LEFT + 1, y, W - RIGHT - 1, y);
                g.setColor(Color.DARK_GRAY);
                g.drawString(String.format(Locale.ROOT, "%.0f", Math.pow(10, v)), LEFT - 45, y + 4);
            }
        }
        for (int i = 0; i <= 5; i++) {
            double r = x0 + (x1 - x0) * i / 5;
            int x = px(r, x0, x1);
            g.setColor(new Color(0xdddddd));
            g.drawLine(x, TOP + 1, x, H - BOTTOM - 1);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%.2f", r), x - 12, H - BOTTOM + 18);
        }

        Map<String, List<BenchResult>> byBackend = new LinkedHashMap<>();
        results.forEach(r -> byBackend.computeIfAbsent(r.backend(), k -> new java.util.ArrayList<>()).add(r));
        int legendY = TOP + 10;
        int i = 0;
        for (Map.Entry<String, List<BenchResult>> e : byBackend.entrySet()) {
            Color c = PALETTE[i++ % PALETTE.length];
            g.setColor(c);
            g.setStroke(new BasicStroke(1.5f));
            int px = -1;
            int py = -1;
            for (BenchResult r : e.getValue()) {
                int x = px(r.ratio(), x0, x1);
                int y = py(Math.log10(Math.max(0.1, r.compressMBps())), y0, y1);
                if (px >= 0) {
                    g.drawLine(px, py, x, y);
                }
                g.fillOval(x - 4, y - 4, 9, 9);
                g.drawString(Integer.toString(r.level()), x + 6, y - 6);
                px = x;
                py = y;
            }
            g.fillRect(W - RIGHT + 20, legendY - 9, 12, 12);
            g.setColor(Color.BLACK);
            g.drawString(e.getKey(), W - RIGHT + 38, legendY + 2);
            legendY += 22;
        }
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
    }

    private static int px(double ratio, double x0, double x1) {
        return LEFT + (int) Math.round((ratio - x0) / (x1 - x0) * (W - LEFT - RIGHT));
    }

    private static int py(double logRate, double y0, double y1) {
        return H - BOTTOM - (int) Math.round((logRate - y0) / (y1 - y0) * (H - TOP - BOTTOM));
    }
}

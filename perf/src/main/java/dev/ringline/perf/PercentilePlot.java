package dev.ringline.perf;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A latency-by-percentile chart as a self-contained SVG: x is log10(1 / (1 - percentile)), so 0%, 90%, 99%,
 * 99.9%, 99.99% are evenly spaced (the layout of HdrHistogram's percentile plots); y is latency in µs, linear.
 */
final class PercentilePlot {
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e"};
    private static final int WIDTH = 760;
    private static final int HEIGHT = 420;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;

    private PercentilePlot() {
    }

    /** One curve: a label and a histogram of nanoseconds. */
    record Series(String label, Histogram histogram) {
    }

    static String svg(String title, List<Series> series) {
        double maxX = 4; // 99.99%
        double maxY = 1;
        List<List<double[]>> curves = new ArrayList<>();
        for (Series s : series) {
            List<double[]> points = new ArrayList<>();
            for (HistogramIterationValue v : s.histogram().percentiles(5)) {
                double p = v.getPercentileLevelIteratedTo() / 100.0;
                double x = p >= 1 ? maxX : Math.min(maxX, Math.log10(1 / (1 - p)));
                double y = v.getValueIteratedTo() / 1000.0;
                points.add(new double[] {x, y});
                maxY = Math.max(maxY, y);
                if (x >= maxX) {
                    break;
                }
            }
            curves.add(points);
        }
        maxY = niceCeiling(maxY);
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        StringBuilder sb = new StringBuilder(8192);
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n",
                WIDTH, HEIGHT, WIDTH, HEIGHT));
        sb.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"15\">%s</text>%n", LEFT,
                escape(title)));
        String[] xLabels = {"0%", "90%", "99%", "99.9%", "99.99%"};
        for (int i = 0; i <= 4; i++) {
            double px = LEFT + plotW * i / maxX;
            sb.append(String.format(Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>%n", px, TOP, px, TOP + plotH));
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    px, TOP + plotH + 18, xLabels[i]));
        }
        for (int i = 0; i <= 5; i++) {
            double value = maxY * i / 5;
            double py = TOP + plotH - plotH * i / 5.0;
            sb.append(String.format(Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
                    LEFT, py, LEFT + plotW, py));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    LEFT - 6, py + 4, format(value)));
        }
        sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"#333\"/>%n", LEFT, TOP, plotW, plotH));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">percentile</text>%n",
                LEFT + plotW / 2, HEIGHT - 10));
        sb.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%d\" text-anchor=\"middle\" "
                + "transform=\"rotate(-90 16 %d)\">latency (µs)</text>%n", TOP + plotH / 2, TOP + plotH / 2));
        for (int c = 0; c < curves.size(); c++) {
            String colour = COLOURS[c % COLOURS.length];
            StringBuilder path = new StringBuilder();
            for (double[] p : curves.get(c)) {
                double px = LEFT + plotW * p[0] / maxX;
                double py = TOP + plotH - plotH * Math.min(1, p[1] / maxY);
                path.append(path.length() == 0 ? "M" : " L");
                path.append(String.format(Locale.ROOT, "%.1f %.1f", px, py));
            }
            sb.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                    path, colour));
            int ly = TOP + 16 + 18 * c;
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" "
                    + "stroke-width=\"2\"/>%n", LEFT + 12, ly - 4, LEFT + 36, ly - 4, colour));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", LEFT + 42, ly,
                    escape(series.get(c).label())));
        }
        sb.append("</svg>\n");
        return sb.toString();
    }

    private static double niceCeiling(double v) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= v) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String format(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

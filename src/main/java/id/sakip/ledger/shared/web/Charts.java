package id.sakip.ledger.shared.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.springframework.stereotype.Component;

/**
 * Geometry for the pages' SVG charts ({@code ${@chart.line(values, 100, 600, 200)}}), so templates
 * only place shapes. The plot area starts at {@link #LEFT} and keeps {@link #BOTTOM} pixels for labels.
 */
@Component("chart")
public class Charts {

    public static final int LEFT = 40;
    public static final int BOTTOM = 20;

    /** Where the plot area starts, right of the axis labels. */
    public int left() {
        return LEFT;
    }

    /** Polyline points of values spread evenly across the width, 0 at the bottom and {@code max} at the top. */
    public String line(List<? extends Number> values, double max, int width, int height) {
        List<String> points = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Number v = values.get(i);
            if (v != null) {
                points.add(String.format(Locale.ROOT, "%.1f,%.1f", x(i, values.size(), width), y(v.doubleValue(),
                        max, height)));
            }
        }
        return String.join(" ", points);
    }

    /** A straight line from 1/n of {@code max} to {@code max}: where absorption would be if spent evenly. */
    public String even(int steps, double max, int width, int height) {
        List<Double> values = new ArrayList<>();
        for (int i = 1; i <= steps; i++) {
            values.add(max * i / steps);
        }
        return line(values, max, width, height);
    }

    /** The horizontal position of point {@code index} of {@code count}. */
    public double x(int index, int count, int width) {
        double span = width - LEFT - 10;
        return LEFT + (count <= 1 ? 0 : span * index / (count - 1));
    }

    /** The vertical position of a value. */
    public double y(double value, double max, int height) {
        double plot = height - BOTTOM - 10;
        double clamped = Math.max(0, Math.min(value, max));
        return 10 + plot - (max <= 0 ? 0 : plot * clamped / max);
    }

    /** Height in pixels of a bar for {@code value} on a scale up to {@code max}. */
    public int bar(BigDecimal value, BigDecimal max, int height) {
        if (value == null || max == null || max.signum() <= 0) {
            return 0;
        }
        return (int) Math.round(Math.max(0, value.doubleValue()) * height / max.doubleValue());
    }

    /** Half of a scale's top, for the middle axis label. */
    public BigDecimal half(BigDecimal top) {
        return top.divide(BigDecimal.valueOf(2));
    }

    /** The largest of the given values, for a shared scale. */
    @SafeVarargs
    public final BigDecimal max(List<BigDecimal>... series) {
        return Arrays.stream(series).flatMap(List::stream).filter(Objects::nonNull)
                .max(BigDecimal::compareTo).orElse(BigDecimal.ONE);
    }
}

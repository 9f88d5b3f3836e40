//! Chart geometry as pure functions, so it is tested natively and the SVG components only bind
//! numbers to attributes. Coordinates are in a 0..size viewBox with y growing downwards.

/// A point on a radar chart with `n` spokes: spoke `i` of value `v` (0–100), in a square of
/// `size`, starting at twelve o'clock and going clockwise.
pub fn radar_point(i: usize, n: usize, value: f64, size: f64) -> (f64, f64) {
    let centre = size / 2.0;
    let radius = centre * 0.72 * value.clamp(0.0, 100.0) / 100.0;
    let angle = std::f64::consts::TAU * i as f64 / n.max(1) as f64 - std::f64::consts::FRAC_PI_2;
    (centre + radius * angle.cos(), centre + radius * angle.sin())
}

/// SVG `points` for a closed polygon through `values` on a radar chart.
pub fn radar_polygon(values: &[f64], size: f64) -> String {
    values
        .iter()
        .enumerate()
        .map(|(i, &v)| {
            let (x, y) = radar_point(i, values.len(), v, size);
            format!("{x:.1},{y:.1}")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Where a label sits: just outside the spoke's end, anchored away from the centre.
pub fn radar_label(i: usize, n: usize, size: f64) -> (f64, f64, &'static str) {
    let (x, y) = radar_point(i, n, 112.0, size);
    let anchor = if (x - size / 2.0).abs() < 1.0 {
        "middle"
    } else if x > size / 2.0 {
        "start"
    } else {
        "end"
    };
    (x, y, anchor)
}

/// The person's point on the quadrant plot: AI depth on x, learning agility on y (up is high).
pub fn quadrant_point(ai_depth: f64, learning_agility: f64, size: f64) -> (f64, f64) {
    let x = size * ai_depth.clamp(0.0, 100.0) / 100.0;
    let y = size * (1.0 - learning_agility.clamp(0.0, 100.0) / 100.0);
    (x, y)
}

/// A bar's start and width as percentages, for a score band drawn behind a score marker.
pub fn band_span(band: [f64; 2]) -> (f64, f64) {
    let lo = band[0].clamp(0.0, 100.0);
    let hi = band[1].clamp(lo, 100.0);
    (lo, hi - lo)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: (f64, f64), b: (f64, f64)) -> bool {
        (a.0 - b.0).abs() < 1e-9 && (a.1 - b.1).abs() < 1e-9
    }

    #[test]
    fn radar_starts_at_twelve_and_goes_clockwise() {
        assert!(close(
            radar_point(0, 4, 100.0, 200.0),
            (100.0, 100.0 - 72.0)
        ));
        assert!(close(radar_point(1, 4, 100.0, 200.0), (172.0, 100.0)));
        assert!(close(radar_point(2, 4, 50.0, 200.0), (100.0, 136.0)));
        assert!(close(radar_point(3, 4, 0.0, 200.0), (100.0, 100.0)));
    }

    #[test]
    fn radar_values_are_clamped() {
        assert!(close(
            radar_point(0, 3, 250.0, 100.0),
            radar_point(0, 3, 100.0, 100.0)
        ));
        assert!(close(radar_point(0, 3, -5.0, 100.0), (50.0, 50.0)));
    }

    #[test]
    fn polygon_lists_one_point_per_value() {
        let p = radar_polygon(&[100.0, 100.0, 100.0, 100.0], 200.0);
        assert_eq!(p, "100.0,28.0 172.0,100.0 100.0,172.0 28.0,100.0");
    }

    #[test]
    fn labels_anchor_away_from_the_centre() {
        assert_eq!(radar_label(0, 4, 200.0).2, "middle");
        assert_eq!(radar_label(1, 4, 200.0).2, "start");
        assert_eq!(radar_label(3, 4, 200.0).2, "end");
    }

    #[test]
    fn quadrant_point_puts_high_agility_at_the_top() {
        assert!(close(quadrant_point(0.0, 100.0, 100.0), (0.0, 0.0)));
        assert!(close(quadrant_point(100.0, 0.0, 100.0), (100.0, 100.0)));
        assert!(close(quadrant_point(75.0, 25.0, 200.0), (150.0, 150.0)));
    }

    #[test]
    fn band_span_never_goes_negative() {
        assert_eq!(band_span([20.0, 45.0]), (20.0, 25.0));
        assert_eq!(band_span([60.0, 40.0]), (60.0, 0.0));
        assert_eq!(band_span([-5.0, 130.0]), (0.0, 100.0));
    }
}

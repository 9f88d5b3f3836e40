//! The few statistics the report needs, kept apart so scoring and path fit share them without
//! depending on each other.

/// The item spread assumed when the observed one is smaller, so that three identical answers
/// still leave a likely range about one level wide.
pub(crate) const MIN_SPREAD: f64 = 12.5;
/// No likely range is wider than this either side: beyond it, it says nothing.
const MAX_HALF: f64 = 50.0;

/// One weighted observation.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Weighted {
    pub value: f64,
    pub weight: f64,
}

/// The weighted mean, or `None` without weight.
pub(crate) fn weighted_mean(items: impl Iterator<Item = Weighted> + Clone) -> Option<f64> {
    let total: f64 = items.clone().map(|it| it.weight).sum();
    (total > 0.0).then(|| items.map(|it| it.weight * it.value).sum::<f64>() / total)
}

pub(crate) fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / n as f64)
}

/// Half-width of the 80% likely range of a weighted mean of a few items:
/// t(0.90, n − 1) · s / √n, with n the effective item count (Kish) and s the items' sample
/// standard deviation, at least [`MIN_SPREAD`]. With three to five items a normal 1.96 would
/// claim far more certainty than the data have; the t quantile says what they do support.
pub(crate) fn half_width(items: &[Weighted], centre: f64) -> f64 {
    let sum_w: f64 = items.iter().map(|it| it.weight).sum();
    let sum_w2: f64 = items.iter().map(|it| it.weight * it.weight).sum();
    if sum_w <= 0.0 || sum_w2 <= 0.0 {
        return MAX_HALF;
    }
    let n = sum_w * sum_w / sum_w2;
    if n < 1.5 {
        return MAX_HALF;
    }
    let population = items
        .iter()
        .map(|it| it.weight * (it.value - centre).powi(2))
        .sum::<f64>()
        / sum_w;
    let sample = population * n / (n - 1.0);
    let spread = sample.sqrt().max(MIN_SPREAD);
    (t90(n - 1.0) * spread / n.sqrt()).min(MAX_HALF)
}

/// The half-width of a mean of `k` independent figures, each with its own half-width.
pub(crate) fn combined_half(halves: &[f64]) -> f64 {
    if halves.is_empty() {
        return MAX_HALF;
    }
    halves.iter().map(|h| h * h).sum::<f64>().sqrt() / halves.len() as f64
}

/// Student's t 0.90 quantile (two-sided 80%) for `df` degrees of freedom, rounded down to a
/// whole number. Tabled to 10; beyond, 1.282 + 0.9 / df stays within 0.003 of the true value.
fn t90(df: f64) -> f64 {
    const TABLE: [f64; 10] = [
        3.078, 1.886, 1.638, 1.533, 1.476, 1.440, 1.415, 1.397, 1.383, 1.372,
    ];
    let df = df.floor().max(1.0);
    if df <= 10.0 {
        TABLE[df as usize - 1]
    } else {
        1.282 + 0.9 / df
    }
}

/// A likely range around `centre`, clamped to 0–100 and rounded like every reported figure.
pub(crate) fn range(centre: f64, half: f64) -> [f64; 2] {
    [
        round1((centre - half).clamp(0.0, 100.0)),
        round1((centre + half).clamp(0.0, 100.0)),
    ]
}

/// Rounds to one decimal, which keeps exports stable and readable. Rounding is monotone, so it
/// never breaks "a better answer never lowers a score".
pub(crate) fn round1(x: f64) -> f64 {
    if x.is_finite() {
        (x * 10.0).round() / 10.0
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(values: &[f64]) -> Vec<Weighted> {
        values
            .iter()
            .map(|&value| Weighted { value, weight: 1.0 })
            .collect()
    }

    #[test]
    fn three_identical_items_give_a_range_of_about_one_level() {
        // t(0.90, 2) · 12.5 / √3 = 1.886 · 7.217 = 13.6
        let h = half_width(&items(&[75.0, 75.0, 75.0]), 75.0);
        assert!((h - 13.61).abs() < 0.01, "{h}");
    }

    #[test]
    fn spread_answers_widen_the_range_by_their_sample_deviation() {
        // values 50, 75, 100: sample sd 25, t(2) = 1.886, so 1.886 · 25 / √3 = 27.2
        let h = half_width(&items(&[50.0, 75.0, 100.0]), 75.0);
        assert!((h - 27.22).abs() < 0.01, "{h}");
    }

    #[test]
    fn one_item_says_nothing_and_more_items_narrow_the_range() {
        assert_eq!(half_width(&items(&[75.0]), 75.0), MAX_HALF);
        let three = half_width(&items(&[75.0; 3]), 75.0);
        let five = half_width(&items(&[75.0; 5]), 75.0);
        assert!(five < three);
    }

    #[test]
    fn t_quantiles_fall_towards_the_normal_one() {
        assert_eq!(t90(1.0), 3.078);
        assert_eq!(t90(2.7), 1.886);
        assert!((t90(30.0) - 1.310).abs() < 0.003);
        assert!(t90(1e9) > 1.281);
    }
}

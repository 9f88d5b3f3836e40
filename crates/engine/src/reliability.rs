//! Whether a dimension's items measure one thing, from many people's answers: Cronbach's alpha
//! and each item's correlation with the rest. For the owner of a survey, who can see from a
//! team's results whether their own items hang together.

/// A table of item values: one row per person, one column per item, every cell answered. Row
/// after row in one slice, so ten thousand people are one allocation, not ten thousand.
pub(crate) struct Table<'a> {
    /// Row-major: person `p`'s item `i` is at `p * items + i`.
    pub values: &'a [f64],
    pub items: usize,
}

impl Table<'_> {
    fn rows(&self) -> impl Iterator<Item = &[f64]> + Clone + '_ {
        self.values.chunks_exact(self.items.max(1))
    }

    fn column(&self, item: usize) -> impl Iterator<Item = f64> + Clone + '_ {
        self.rows().map(move |r| r[item])
    }

    fn totals(&self) -> impl Iterator<Item = f64> + Clone + '_ {
        self.rows().map(|r| r.iter().sum())
    }

    /// α = k / (k − 1) · (1 − Σ var(item) / var(total)); `None` with fewer than two items or
    /// two people, or when the totals do not vary (everyone gave the same sum).
    pub fn alpha(&self) -> Option<f64> {
        let k = self.items as f64;
        if self.items < 2 {
            return None;
        }
        let total = variance(self.totals())?;
        if total <= f64::EPSILON {
            return None;
        }
        let items: f64 = (0..self.items)
            .map(|i| variance(self.column(i)))
            .sum::<Option<f64>>()?;
        Some(k / (k - 1.0) * (1.0 - items / total))
    }

    /// The corrected item–total correlation: the item against the sum of the other items, so
    /// the item does not correlate with itself. `None` where either side does not vary.
    pub fn item_rest(&self, item: usize) -> Option<f64> {
        if self.items < 2 {
            return None;
        }
        let rest = self.rows().map(move |r| r.iter().sum::<f64>() - r[item]);
        pearson(self.column(item), rest)
    }
}

/// The sample variance (n − 1); `None` below two values.
fn variance(values: impl Iterator<Item = f64> + Clone) -> Option<f64> {
    let (n, sum) = values
        .clone()
        .fold((0usize, 0.0), |(n, s), v| (n + 1, s + v));
    if n < 2 {
        return None;
    }
    let mean = sum / n as f64;
    Some(values.map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1) as f64)
}

fn pearson(
    x: impl Iterator<Item = f64> + Clone,
    y: impl Iterator<Item = f64> + Clone,
) -> Option<f64> {
    let (n, sx, sy) = x
        .clone()
        .zip(y.clone())
        .fold((0usize, 0.0, 0.0), |(n, sx, sy), (a, b)| {
            (n + 1, sx + a, sy + b)
        });
    if n < 2 {
        return None;
    }
    let (mx, my) = (sx / n as f64, sy / n as f64);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.zip(y) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx).powi(2);
        syy += (b - my).powi(2);
    }
    let r = sxy / (sxx * syy).sqrt();
    (sxx > f64::EPSILON && syy > f64::EPSILON && r.is_finite()).then(|| r.clamp(-1.0, 1.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rows laid out as a table holds them, and the number of items.
    fn flat(rows: &[Vec<f64>]) -> (Vec<f64>, usize) {
        (rows.iter().flatten().copied().collect(), rows[0].len())
    }

    fn table((values, items): &(Vec<f64>, usize)) -> Table<'_> {
        Table {
            values,
            items: *items,
        }
    }

    #[test]
    fn alpha_matches_a_hand_computed_value() {
        // Item variances (n − 1): 5/3, 5/3 and 2/3, summing to 4. Totals 5, 9, 12, 6: mean 8,
        // variance (9 + 1 + 16 + 4) / 3 = 10. α = 3/2 · (1 − 4/10) = 0.9.
        let rows = [
            vec![1.0, 2.0, 2.0],
            vec![3.0, 3.0, 3.0],
            vec![4.0, 4.0, 4.0],
            vec![2.0, 1.0, 3.0],
        ];
        let a = table(&flat(&rows)).alpha().unwrap();
        assert!((a - 0.9).abs() < 1e-9, "{a}");
    }

    #[test]
    fn items_that_move_together_correlate_with_the_rest() {
        let rows: Vec<Vec<f64>> = (0..10)
            .map(|i| {
                let x = f64::from(i);
                vec![x, x + 1.0, 2.0 * x]
            })
            .collect();
        let laid = flat(&rows);
        let t = table(&laid);
        assert!((t.alpha().unwrap() - 1.0).abs() < 0.2);
        for item in 0..3 {
            assert!((t.item_rest(item).unwrap() - 1.0).abs() < 1e-9);
        }
    }

    #[test]
    fn an_item_against_the_grain_lowers_alpha_and_correlates_negatively() {
        let rows: Vec<Vec<f64>> = (0..10)
            .map(|i| {
                let x = f64::from(i);
                vec![x, x, 9.0 - x]
            })
            .collect();
        let laid = flat(&rows);
        let t = table(&laid);
        assert!(t.item_rest(2).unwrap() < -0.99);
        assert!(t.alpha().unwrap() < 0.5);
    }

    #[test]
    fn no_variation_gives_no_figure() {
        let laid = flat(&vec![vec![50.0, 50.0]; 12]);
        let t = table(&laid);
        assert_eq!(t.alpha(), None);
        assert_eq!(t.item_rest(0), None);
        assert_eq!(table(&flat(&[vec![1.0], vec![2.0]])).alpha(), None);
    }
}

//! Whether a dimension's items measure one thing, from many people's answers: Cronbach's alpha
//! and each item's correlation with the rest. For the owner of a survey, who can see from a
//! team's results whether their own items hang together.

/// A table of item values: one row per person, one column per item, every cell answered.
pub(crate) struct Table<'a> {
    pub rows: &'a [Vec<f64>],
    pub items: usize,
}

impl Table<'_> {
    fn column(&self, item: usize) -> impl Iterator<Item = f64> + Clone + '_ {
        self.rows.iter().map(move |r| r[item])
    }

    fn total_without(&self, item: Option<usize>) -> impl Iterator<Item = f64> + Clone + '_ {
        self.rows.iter().map(move |r| {
            r.iter()
                .enumerate()
                .filter(|&(i, _)| Some(i) != item)
                .map(|(_, v)| v)
                .sum()
        })
    }

    /// α = k / (k − 1) · (1 − Σ var(item) / var(total)); `None` with fewer than two items or
    /// two people, or when the totals do not vary (everyone gave the same sum).
    pub fn alpha(&self) -> Option<f64> {
        let k = self.items as f64;
        if self.items < 2 {
            return None;
        }
        let total = variance(self.total_without(None))?;
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
        pearson(self.column(item), self.total_without(Some(item)))
    }
}

/// The sample variance (n − 1); `None` below two values.
fn variance(values: impl Iterator<Item = f64> + Clone) -> Option<f64> {
    let n = values.clone().count();
    if n < 2 {
        return None;
    }
    let mean = values.clone().sum::<f64>() / n as f64;
    Some(values.map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1) as f64)
}

fn pearson(
    x: impl Iterator<Item = f64> + Clone,
    y: impl Iterator<Item = f64> + Clone,
) -> Option<f64> {
    let n = x.clone().count() as f64;
    if n < 2.0 {
        return None;
    }
    let (mx, my) = (x.clone().sum::<f64>() / n, y.clone().sum::<f64>() / n);
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

    fn table(rows: &[Vec<f64>]) -> Table<'_> {
        Table {
            rows,
            items: rows[0].len(),
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
        let a = table(&rows).alpha().unwrap();
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
        let t = table(&rows);
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
        let t = table(&rows);
        assert!(t.item_rest(2).unwrap() < -0.99);
        assert!(t.alpha().unwrap() < 0.5);
    }

    #[test]
    fn no_variation_gives_no_figure() {
        let rows = vec![vec![50.0, 50.0]; 12];
        let t = table(&rows);
        assert_eq!(t.alpha(), None);
        assert_eq!(t.item_rest(0), None);
        assert_eq!(table(&[vec![1.0], vec![2.0]]).alpha(), None);
    }
}

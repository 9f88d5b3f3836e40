//! The dimension positions behind each id-keyed map of a definition, worked out once per survey,
//! so that scoring indexes arrays instead of comparing dimension ids for every answer.

use crate::format::Definition;

#[derive(Clone, Debug, Default)]
pub(crate) struct Positions {
    /// Per question in asking order: (dimension, weight) of each of its weights.
    pub weights: Vec<Vec<(usize, f64)>>,
    /// Per question: the dimensions any of its options scores, in order of first appearance,
    /// each with the question's weight for it (1 when it sets none).
    pub option_dims: Vec<Vec<(usize, f64)>>,
    /// Per question, per option: (dimension, points) of each of its scores.
    pub option_scores: Vec<Vec<Vec<(usize, f64)>>>,
    /// Per question: every dimension it scores, sorted, each once.
    pub scored: Vec<Vec<usize>>,
    /// Per question: the dimension a knowledge check calibrates.
    pub knowledge: Vec<Option<usize>>,
    /// Per path: (dimension, weight) of each fit weight.
    pub path_weights: Vec<Vec<(usize, f64)>>,
    /// Per path: (dimension, minimum score) of each entry threshold.
    pub path_entry: Vec<Vec<(usize, f64)>>,
}

impl Positions {
    /// `order` lists each question's section and index in asking order.
    pub fn of(def: &Definition, order: &[(usize, usize)]) -> Positions {
        let at = |id: &str| def.dimensions.iter().position(|d| d.id == id);
        let pairs = |map: &std::collections::BTreeMap<String, f64>| -> Vec<(usize, f64)> {
            map.iter().filter_map(|(d, &v)| Some((at(d)?, v))).collect()
        };
        let mut p = Positions::default();
        for &(s, q) in order {
            let q = &def.sections[s].questions[q];
            p.weights.push(pairs(&q.weights));
            let mut option_dims: Vec<(usize, f64)> = Vec::new();
            for dim in q.options.iter().flat_map(|o| o.scores.keys()) {
                if let Some(d) = at(dim).filter(|d| !option_dims.iter().any(|(x, _)| x == d)) {
                    option_dims.push((d, q.weights.get(dim).copied().unwrap_or(1.0)));
                }
            }
            p.option_dims.push(option_dims);
            p.option_scores
                .push(q.options.iter().map(|o| pairs(&o.scores)).collect());
            let mut scored: Vec<usize> = q.dimensions().filter_map(at).collect();
            scored.sort_unstable();
            scored.dedup();
            p.scored.push(scored);
            p.knowledge.push(q.dimension.as_deref().and_then(at));
        }
        for path in &def.paths {
            p.path_weights.push(pairs(&path.fit.weights));
            p.path_entry.push(pairs(&path.fit.entry));
        }
        p
    }
}

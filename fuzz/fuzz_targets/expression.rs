//! Any text as a condition: parsing never panics, and what parses evaluates consistently.
#![no_main]

use libfuzzer_sys::fuzz_target;
use skillscope_engine::expr::{Expr, Value};

/// Answers of every type, chosen by the question id, and some questions unanswered.
fn lookup(id: &str) -> Option<Value<'static>> {
    let h = id
        .bytes()
        .fold(0usize, |h, b| h.wrapping_mul(31).wrapping_add(b.into()));
    match h % 6 {
        0 => None,
        1 => Some(Value::Number(h as f64 % 11.0)),
        2 => Some(Value::Number(-0.5)),
        3 => Some(Value::Str("a")),
        4 => Some(Value::Str("lead")),
        _ => Some(Value::List(vec!["a", "b", "lead"])),
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(expr) = Expr::parse(source) else {
        return;
    };
    let _ = expr.references();
    let value = expr.eval(&|id| lookup(id));
    assert_eq!(
        expr.eval(&|id| lookup(id)),
        value,
        "evaluation is not deterministic"
    );
    let _ = expr.eval(&|_| None);
    // Negating the whole expression negates its value (unless that nests too deep to parse).
    if let Ok(negated) = Expr::parse(&format!("not ({source})")) {
        assert_eq!(
            negated.eval(&|id| lookup(id)),
            !value,
            "`not ({source})` is not the negation"
        );
    }
});

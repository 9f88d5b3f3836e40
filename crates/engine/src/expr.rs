//! The expression language of `show_if` and path boosts.
//!
//! Expressions are parsed once, when a survey is validated, so a typo is an authoring error with a
//! column number rather than a surprise while someone is answering. Evaluation is total: an
//! unanswered question or a comparison of mismatched types is simply false, never an error.
//!
//! ```text
//! expr    = or
//! or      = and { "or" and }
//! and     = unary { "and" unary }
//! unary   = "not" unary | compare
//! compare = value [ ("==" | "!=" | "<" | "<=" | ">" | ">=") value | "in" "[" literal { "," literal } "]" ]
//! value   = number | string | "true" | "false" | id | "answered(" id ")" | "unanswered(" id ")" | "(" expr ")"
//! ```

use std::fmt;

/// Longest expression accepted, in bytes; keeps hostile definitions cheap to reject.
const MAX_LEN: usize = 2000;
/// Deepest nesting accepted; the parser is recursive and must not exhaust the stack.
const MAX_DEPTH: usize = 32;

/// A parsed expression.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr(Node);

#[derive(Clone, Debug, PartialEq)]
enum Node {
    Lit(Lit),
    Ref(Var),
    Answered(Var),
    Unanswered(Var),
    Not(Box<Node>),
    And(Box<Node>, Box<Node>),
    Or(Box<Node>, Box<Node>),
    Compare(Box<Node>, Op, Box<Node>),
    In(Box<Node>, Vec<Lit>),
}

/// A question an expression reads: its id, and once resolved against a survey, its position.
#[derive(Clone, Debug, PartialEq)]
struct Var {
    id: String,
    at: Option<usize>,
}

impl Var {
    fn new(id: String) -> Var {
        Var { id, at: None }
    }
}

/// Gives a question's answer, or `None` when unanswered: by id, and by position when the
/// expression was resolved against the survey.
type Lookup<'l, 'a> = dyn Fn(&str, Option<usize>) -> Option<Value<'a>> + 'l;

#[derive(Clone, Debug, PartialEq)]
enum Lit {
    Num(f64),
    Str(String),
    Bool(bool),
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Op {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

/// What an answer looks like to an expression.
#[derive(Clone, Debug, PartialEq)]
pub enum Value<'a> {
    Number(f64),
    Str(&'a str),
    /// The chosen options of a multi-choice question.
    List(Vec<&'a str>),
}

/// A parse failure at a 1-based column of the expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub column: usize,
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "column {}: {}", self.column, self.message)
    }
}

impl Expr {
    pub fn parse(source: &str) -> Result<Expr, ParseError> {
        if source.len() > MAX_LEN {
            return Err(ParseError {
                column: 1,
                message: format!("expression is longer than {MAX_LEN} characters"),
            });
        }
        let tokens = tokenize(source)?;
        let mut parser = Parser {
            tokens,
            pos: 0,
            depth: 0,
            end: source.chars().count() + 1,
        };
        let node = parser.or()?;
        match parser.peek() {
            None => Ok(Expr(node)),
            Some(t) => Err(parser.error_at(t.column, format!("unexpected {}", t.kind))),
        }
    }

    /// An expression that is always false: the stand-in for one that did not parse.
    pub(crate) fn never() -> Expr {
        Expr(Node::Lit(Lit::Bool(false)))
    }

    /// The question ids this expression reads, in order of appearance.
    pub fn references(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.0.collect_refs(&mut out);
        out
    }

    /// Evaluates against answers; `lookup` gives a question's answer, or `None` when unanswered.
    pub fn eval<'a>(&'a self, lookup: &dyn Fn(&str) -> Option<Value<'a>>) -> bool {
        self.0.truthy(&|id, _| lookup(id))
    }

    /// Evaluates with a lookup that is also given each question's position, once [`resolve`]d.
    ///
    /// [`resolve`]: Expr::resolve
    pub(crate) fn eval_at<'a>(&'a self, lookup: &Lookup<'_, 'a>) -> bool {
        self.0.truthy(lookup)
    }

    /// Records each referenced question's position, so evaluation need not look ids up.
    pub(crate) fn resolve(&mut self, position: &dyn Fn(&str) -> Option<usize>) {
        self.0.resolve(position);
    }
}

impl Node {
    fn resolve(&mut self, position: &dyn Fn(&str) -> Option<usize>) {
        match self {
            Node::Lit(_) => {}
            Node::Ref(v) | Node::Answered(v) | Node::Unanswered(v) => v.at = position(&v.id),
            Node::Not(a) | Node::In(a, _) => a.resolve(position),
            Node::And(a, b) | Node::Or(a, b) | Node::Compare(a, _, b) => {
                a.resolve(position);
                b.resolve(position);
            }
        }
    }

    fn collect_refs<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Node::Lit(_) => {}
            Node::Ref(v) | Node::Answered(v) | Node::Unanswered(v) => out.push(&v.id),
            Node::Not(a) | Node::In(a, _) => a.collect_refs(out),
            Node::And(a, b) | Node::Or(a, b) | Node::Compare(a, _, b) => {
                a.collect_refs(out);
                b.collect_refs(out);
            }
        }
    }

    fn truthy<'a>(&'a self, lookup: &Lookup<'_, 'a>) -> bool {
        match self {
            Node::Lit(Lit::Bool(b)) => *b,
            Node::Lit(_) => true,
            Node::Ref(v) | Node::Answered(v) => lookup(&v.id, v.at).is_some(),
            Node::Unanswered(v) => lookup(&v.id, v.at).is_none(),
            Node::Not(a) => !a.truthy(lookup),
            Node::And(a, b) => a.truthy(lookup) && b.truthy(lookup),
            Node::Or(a, b) => a.truthy(lookup) || b.truthy(lookup),
            Node::Compare(a, op, b) => match (a.value(lookup), b.value(lookup)) {
                (Some(x), Some(y)) => compare(&x, *op, &y),
                _ => false,
            },
            Node::In(a, list) => match a.value(lookup) {
                Some(Operand::List(items)) => items
                    .iter()
                    .any(|item| list.iter().any(|l| matches!(l, Lit::Str(s) if s == item))),
                Some(x) => list.iter().any(|l| compare(&x, Op::Eq, &Operand::from(l))),
                None => false,
            },
        }
    }

    fn value<'a>(&'a self, lookup: &Lookup<'_, 'a>) -> Option<Operand<'a>> {
        match self {
            Node::Lit(l) => Some(Operand::from(l)),
            Node::Ref(v) => lookup(&v.id, v.at).map(|v| match v {
                Value::Number(n) => Operand::Num(n),
                Value::Str(s) => Operand::Str(s),
                Value::List(l) => Operand::List(l),
            }),
            other => Some(Operand::Bool(other.truthy(lookup))),
        }
    }
}

enum Operand<'a> {
    Num(f64),
    Str(&'a str),
    Bool(bool),
    List(Vec<&'a str>),
}

impl<'a> From<&'a Lit> for Operand<'a> {
    fn from(l: &'a Lit) -> Self {
        match l {
            Lit::Num(n) => Operand::Num(*n),
            Lit::Str(s) => Operand::Str(s),
            Lit::Bool(b) => Operand::Bool(*b),
        }
    }
}

fn compare(a: &Operand, op: Op, b: &Operand) -> bool {
    use std::cmp::Ordering;
    let ordering = match (a, b) {
        (Operand::Num(x), Operand::Num(y)) => x.partial_cmp(y),
        (Operand::Str(x), Operand::Str(y)) => Some(x.cmp(y)),
        (Operand::Bool(x), Operand::Bool(y)) => Some(x.cmp(y)),
        // A multi answer equals a string when that option was chosen.
        (Operand::List(l), Operand::Str(s)) | (Operand::Str(s), Operand::List(l)) => {
            let chosen = l.iter().any(|x| x == s);
            return match op {
                Op::Eq => chosen,
                Op::Ne => !chosen,
                _ => false,
            };
        }
        _ => None,
    };
    match (ordering, op) {
        (None, Op::Ne) => true,
        (None, _) => false,
        (Some(o), Op::Eq) => o == Ordering::Equal,
        (Some(o), Op::Ne) => o != Ordering::Equal,
        (Some(o), Op::Lt) => o == Ordering::Less,
        (Some(o), Op::Le) => o != Ordering::Greater,
        (Some(o), Op::Gt) => o == Ordering::Greater,
        (Some(o), Op::Ge) => o != Ordering::Less,
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Num(f64),
    Str(String),
    Ident(String),
    Op(Op),
    LParen,
    RParen,
    LBracket,
    RBracket,
    Comma,
}

impl fmt::Display for Tok {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Tok::Num(n) => write!(f, "number {n}"),
            Tok::Str(s) => write!(f, "string \"{s}\""),
            Tok::Ident(s) => write!(f, "`{s}`"),
            Tok::Op(op) => write!(f, "`{}`", op_str(*op)),
            Tok::LParen => f.write_str("`(`"),
            Tok::RParen => f.write_str("`)`"),
            Tok::LBracket => f.write_str("`[`"),
            Tok::RBracket => f.write_str("`]`"),
            Tok::Comma => f.write_str("`,`"),
        }
    }
}

fn op_str(op: Op) -> &'static str {
    match op {
        Op::Eq => "==",
        Op::Ne => "!=",
        Op::Lt => "<",
        Op::Le => "<=",
        Op::Gt => ">",
        Op::Ge => ">=",
    }
}

struct Token {
    kind: Tok,
    column: usize,
}

fn tokenize(source: &str) -> Result<Vec<Token>, ParseError> {
    let chars: Vec<char> = source.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    let err = |column: usize, message: String| ParseError { column, message };
    while i < chars.len() {
        let c = chars[i];
        let column = i + 1;
        let single = |kind| Token { kind, column };
        match c {
            c if c.is_whitespace() => {
                i += 1;
                continue;
            }
            '(' => tokens.push(single(Tok::LParen)),
            ')' => tokens.push(single(Tok::RParen)),
            '[' => tokens.push(single(Tok::LBracket)),
            ']' => tokens.push(single(Tok::RBracket)),
            ',' => tokens.push(single(Tok::Comma)),
            '=' | '!' | '<' | '>' => {
                let next_is_eq = chars.get(i + 1) == Some(&'=');
                let op = match (c, next_is_eq) {
                    ('=', true) => Op::Eq,
                    ('!', true) => Op::Ne,
                    ('<', true) => Op::Le,
                    ('>', true) => Op::Ge,
                    ('<', false) => Op::Lt,
                    ('>', false) => Op::Gt,
                    ('=', false) => return Err(err(column, "use `==` to compare".into())),
                    _ => return Err(err(column, "use `not` or `!=`".into())),
                };
                tokens.push(single(Tok::Op(op)));
                i += if next_is_eq { 2 } else { 1 };
                continue;
            }
            '"' | '\'' => {
                let end = chars[i + 1..]
                    .iter()
                    .position(|&x| x == c)
                    .ok_or_else(|| err(column, "string is not closed".into()))?;
                let text: String = chars[i + 1..i + 1 + end].iter().collect();
                tokens.push(single(Tok::Str(text)));
                i += end + 2;
                continue;
            }
            c if c.is_ascii_digit()
                || (c == '-' && chars.get(i + 1).is_some_and(char::is_ascii_digit)) =>
            {
                let len = 1 + chars[i + 1..]
                    .iter()
                    .take_while(|x| x.is_ascii_digit() || **x == '.')
                    .count();
                let text: String = chars[i..i + len].iter().collect();
                let n: f64 = text
                    .parse()
                    .map_err(|_| err(column, format!("`{text}` is not a number")))?;
                tokens.push(single(Tok::Num(n)));
                i += len;
                continue;
            }
            c if c.is_ascii_alphabetic() || c == '_' => {
                let len = chars[i..]
                    .iter()
                    .take_while(|x| x.is_ascii_alphanumeric() || matches!(x, '-' | '_' | '.'))
                    .count();
                tokens.push(single(Tok::Ident(chars[i..i + len].iter().collect())));
                i += len;
                continue;
            }
            other => return Err(err(column, format!("unexpected character `{other}`"))),
        }
        i += 1;
    }
    Ok(tokens)
}

struct Parser {
    tokens: Vec<Token>,
    pos: usize,
    depth: usize,
    end: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.pos)
    }

    fn column(&self) -> usize {
        self.peek().map_or(self.end, |t| t.column)
    }

    fn error_at(&self, column: usize, message: String) -> ParseError {
        ParseError { column, message }
    }

    fn next_if_ident(&mut self, word: &str) -> bool {
        let hit = matches!(self.peek(), Some(Token { kind: Tok::Ident(w), .. }) if w == word);
        if hit {
            self.pos += 1;
        }
        hit
    }

    fn expect(&mut self, kind: Tok, what: &str) -> Result<(), ParseError> {
        match self.peek() {
            Some(t) if t.kind == kind => {
                self.pos += 1;
                Ok(())
            }
            Some(t) => Err(self.error_at(t.column, format!("expected {what}, found {}", t.kind))),
            None => Err(self.error_at(self.end, format!("expected {what} at the end"))),
        }
    }

    fn descend(&mut self) -> Result<(), ParseError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error_at(self.column(), "expression is nested too deeply".into()));
        }
        Ok(())
    }

    fn or(&mut self) -> Result<Node, ParseError> {
        self.descend()?;
        let mut left = self.and()?;
        while self.next_if_ident("or") {
            let right = self.and()?;
            left = Node::Or(Box::new(left), Box::new(right));
        }
        self.depth -= 1;
        Ok(left)
    }

    fn and(&mut self) -> Result<Node, ParseError> {
        let mut left = self.unary()?;
        while self.next_if_ident("and") {
            let right = self.unary()?;
            left = Node::And(Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn unary(&mut self) -> Result<Node, ParseError> {
        if self.next_if_ident("not") {
            self.descend()?;
            let inner = self.unary()?;
            self.depth -= 1;
            return Ok(Node::Not(Box::new(inner)));
        }
        self.compare()
    }

    fn compare(&mut self) -> Result<Node, ParseError> {
        let left = self.value()?;
        if let Some(Token {
            kind: Tok::Op(op), ..
        }) = self.peek()
        {
            let op = *op;
            self.pos += 1;
            let right = self.value()?;
            return Ok(Node::Compare(Box::new(left), op, Box::new(right)));
        }
        if self.next_if_ident("in") {
            self.expect(Tok::LBracket, "`[` after `in`")?;
            let mut list = Vec::new();
            loop {
                match self.value()? {
                    Node::Lit(l) => list.push(l),
                    _ => {
                        return Err(self.error_at(
                            self.tokens[self.pos - 1].column,
                            "a list after `in` may hold only numbers and strings".into(),
                        ))
                    }
                }
                if matches!(
                    self.peek(),
                    Some(Token {
                        kind: Tok::Comma,
                        ..
                    })
                ) {
                    self.pos += 1;
                } else {
                    break;
                }
            }
            self.expect(Tok::RBracket, "`]` to close the list")?;
            return Ok(Node::In(Box::new(left), list));
        }
        Ok(left)
    }

    fn value(&mut self) -> Result<Node, ParseError> {
        let Some(token) = self.tokens.get(self.pos) else {
            return Err(self.error_at(self.end, "expected a value at the end".into()));
        };
        let column = token.column;
        let kind = token.kind.clone();
        self.pos += 1;
        match kind {
            Tok::Num(n) => Ok(Node::Lit(Lit::Num(n))),
            Tok::Str(s) => Ok(Node::Lit(Lit::Str(s))),
            Tok::LParen => {
                let inner = self.or()?;
                self.expect(Tok::RParen, "`)`")?;
                Ok(inner)
            }
            Tok::Ident(word) => match word.as_str() {
                "true" => Ok(Node::Lit(Lit::Bool(true))),
                "false" => Ok(Node::Lit(Lit::Bool(false))),
                "answered" | "unanswered" => {
                    self.expect(Tok::LParen, &format!("`(` after `{word}`"))?;
                    let id = match self.peek() {
                        Some(Token {
                            kind: Tok::Ident(id),
                            ..
                        }) => id.clone(),
                        _ => {
                            return Err(
                                self.error_at(self.column(), "expected a question id".into())
                            )
                        }
                    };
                    self.pos += 1;
                    self.expect(Tok::RParen, "`)`")?;
                    Ok(if word == "answered" {
                        Node::Answered(Var::new(id))
                    } else {
                        Node::Unanswered(Var::new(id))
                    })
                }
                "and" | "or" | "not" | "in" => {
                    Err(self.error_at(column, format!("expected a value, found `{word}`")))
                }
                _ => Ok(Node::Ref(Var::new(word))),
            },
            other => Err(self.error_at(column, format!("expected a value, found {other}"))),
        }
    }
}

/// Words of the language; a question cannot be named after them, so renames leave them alone.
const KEYWORDS: [&str; 8] = [
    "and",
    "or",
    "not",
    "in",
    "true",
    "false",
    "answered",
    "unanswered",
];

/// `source` with every reference to question `old` renamed to `new`, and nothing else changed:
/// strings, spacing and the other ids stay as written. A source that does not tokenize comes
/// back as it is, since there is no telling which of its words are ids.
pub fn rename_question(source: &str, old: &str, new: &str) -> String {
    if KEYWORDS.contains(&old) {
        return source.to_string();
    }
    let Ok(tokens) = tokenize(source) else {
        return source.to_string();
    };
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len());
    let mut copied = 0;
    for token in tokens {
        if matches!(&token.kind, Tok::Ident(id) if id == old) {
            let start = token.column - 1;
            out.extend(&chars[copied..start]);
            out.push_str(new);
            copied = start + old.chars().count();
        }
    }
    out.extend(&chars[copied..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eval(src: &str, answers: &[(&str, Value<'static>)]) -> bool {
        let expr = Expr::parse(src).unwrap();
        expr.eval(&|id| {
            answers
                .iter()
                .find(|(k, _)| *k == id)
                .map(|(_, v)| v.clone())
        })
    }

    #[test]
    fn renames_only_the_question_named() {
        let src = "role == 'role' and answered(role) and not roles in ['a', \"role\"] or  role>1";
        assert_eq!(
            rename_question(src, "role", "job"),
            "job == 'role' and answered(job) and not roles in ['a', \"role\"] or  job>1"
        );
        assert_eq!(rename_question("a-b == 1", "a", "x"), "a-b == 1");
        assert_eq!(rename_question("and == 1", "and", "x"), "and == 1");
        assert_eq!(rename_question("q == 'open", "q", "x"), "q == 'open");
        // Columns count characters, so text before an id may be any script.
        assert_eq!(
            rename_question("'üü' == q or q == 1", "q", "nu"),
            "'üü' == nu or nu == 1"
        );
    }

    #[test]
    fn compares_choices_and_numbers() {
        let a = [("role", Value::Str("lead")), ("hours", Value::Number(4.0))];
        assert!(eval("role == 'lead'", &a));
        assert!(eval("role in [\"lead\", \"ld-hr\"] and hours >= 3", &a));
        assert!(!eval("hours > 4", &a));
        assert!(eval("not (role != \"lead\")", &a));
    }

    #[test]
    fn unanswered_is_false_except_when_asked_for() {
        assert!(!eval("role == 'lead'", &[]));
        assert!(!eval("hours < 3", &[]));
        assert!(eval("unanswered(role)", &[]));
        assert!(eval("not answered(role) or role == 'x'", &[]));
    }

    #[test]
    fn multi_answers_match_any_choice() {
        let a = [("tools", Value::List(vec!["a", "c"]))];
        assert!(eval("tools in ['c']", &a));
        assert!(eval("tools == 'a'", &a));
        assert!(!eval("tools == 'b'", &a));
    }

    #[test]
    fn errors_name_the_column() {
        let e = Expr::parse("role == ").unwrap_err();
        assert_eq!(e.column, 9);
        let e = Expr::parse("role = 'x'").unwrap_err();
        assert_eq!((e.column, e.message.as_str()), (6, "use `==` to compare"));
        let e = Expr::parse("role == 'x' hours").unwrap_err();
        assert_eq!(e.column, 13);
        assert!(Expr::parse("'open").is_err());
        assert!(Expr::parse("x in [y]").is_err());
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let src = format!("{}a{}", "(".repeat(500), ")".repeat(500));
        assert!(Expr::parse(&src).is_err());
        let src = "not ".repeat(500) + "a";
        assert!(Expr::parse(&src).is_err());
    }

    #[test]
    fn lists_references() {
        let e = Expr::parse("answered(a) and b in [1, 2] or c == d").unwrap();
        assert_eq!(e.references(), ["a", "b", "c", "d"]);
    }
}

//! `match` statements (PEP 634), lowered while parsing to the statements the compiler already
//! knows: the subject goes to a hidden temporary, each `case` becomes an `if`/`elif` whose test
//! checks the pattern, and captures bind with `:=` (so the symbol table sees them as ordinary
//! assignments in the enclosing scope), first to temporaries and to their names only once the
//! whole pattern has matched. The structural checks CPython does with its
//! MATCH_SEQUENCE / MATCH_MAPPING / MATCH_CLASS instructions are the builtins `$match_seq`,
//! `$match_map` and `$match_class` (src/vm/matching.rs); their names cannot be written in
//! Python, so no script can shadow them.

use super::*;

/// A parsed pattern, before lowering.
enum Pat {
    Wild,
    Capture(String),
    /// A literal or dotted name: compared with `==`.
    Value(Expr),
    /// `None`, `True`, `False`: compared with `is`.
    Singleton(Expr),
    /// `*name` / `*_` inside a sequence pattern.
    Star(Option<String>),
    Seq(Vec<(Pat, Span)>),
    Map(Vec<(Expr, (Pat, Span))>, Option<String>),
    Class(Expr, Vec<(Pat, Span)>, Vec<(String, (Pat, Span))>),
    Or(Vec<(Pat, Span)>),
    As(Box<(Pat, Span)>, String),
}

fn name(id: &str, span: Span) -> Expr {
    Expr::new(
        ExprKind::Name {
            id: id.to_string(),
            ctx: ExprContext::Load,
        },
        span,
    )
}

fn constant(c: Constant, span: Span) -> Expr {
    Expr::new(ExprKind::Constant(c), span)
}

fn and_all(mut parts: Vec<Expr>, span: Span) -> Option<Expr> {
    match parts.len() {
        0 => None,
        1 => parts.pop(),
        _ => Some(Expr::new(
            ExprKind::BoolOp {
                op: BoolOp::And,
                values: parts,
            },
            span,
        )),
    }
}

/// `(target := value,)`: binds and is always true, without asking the value's `__bool__`.
fn bind(target: &str, value: Expr, span: Span) -> Expr {
    let walrus = Expr::new(
        ExprKind::NamedExpr {
            target: Box::new(Expr::new(
                ExprKind::Name {
                    id: target.to_string(),
                    ctx: ExprContext::Store,
                },
                span,
            )),
            value: Box::new(value),
        },
        span,
    );
    Expr::new(
        ExprKind::Tuple {
            elts: vec![walrus],
            ctx: ExprContext::Load,
        },
        span,
    )
}

fn irrefutable(p: &Pat) -> bool {
    match p {
        Pat::Wild | Pat::Capture(_) => true,
        Pat::Or(alts) => alts.iter().any(|(a, _)| irrefutable(a)),
        Pat::As(inner, _) => irrefutable(&inner.0),
        _ => false,
    }
}

impl<'a> Parser<'a> {
    fn at_name(&self, n: &str) -> bool {
        matches!(self.kind(), TokenKind::Name(x) if x == n)
    }

    #[inline(never)]
    pub(super) fn match_stmt(&mut self) -> PResult<Vec<Stmt>> {
        let start = self.bump().span;
        let subject = self.star_expressions()?;
        self.expect_colon()?;
        if !matches!(self.kind(), TokenKind::Newline) {
            return Err(self.invalid());
        }
        self.bump();
        if !matches!(self.kind(), TokenKind::Indent) {
            return Err(self.expected_block("'match' statement", start.line));
        }
        self.bump();
        self.enter()?;
        let subj_name = self.fresh_tmp();
        let mut chain: Vec<(Span, Expr, Vec<Stmt>)> = Vec::new();
        let mut unreachable: Option<(String, Span)> = None;
        while !matches!(self.kind(), TokenKind::Dedent | TokenKind::EndMarker) {
            if !self.at_name("case") {
                return Err(self.invalid());
            }
            if let Some((msg, span)) = unreachable.take() {
                return Err(self.err(&msg, span));
            }
            let case_span = self.bump().span;
            let (pat, pspan) = self.patterns()?;
            let guard = if self.eat_kw(Kw::If) {
                Some(self.named_expression()?)
            } else {
                None
            };
            self.expect_colon()?;
            let body = self.block("'case' statement", case_span.line)?;
            if guard.is_none() && irrefutable(&pat) {
                let msg = match &pat {
                    Pat::Capture(n) => {
                        format!("name capture '{n}' makes remaining patterns unreachable")
                    }
                    _ => "wildcard makes remaining patterns unreachable".to_string(),
                };
                unreachable = Some((msg, pspan));
            }
            let mut parts = Vec::new();
            self.match_caps.clear();
            if let Some(c) = self.lower(&pat, pspan, name(&subj_name, pspan)) {
                parts.push(c);
            }
            // CPython stores a case's captures only once its whole pattern has matched (a
            // case that fails partway binds nothing), and before the guard runs.
            for (n, tmp) in std::mem::take(&mut self.match_caps) {
                parts.push(bind(&n, name(&tmp, pspan), pspan));
            }
            parts.extend(guard);
            let test = and_all(parts, pspan).unwrap_or_else(|| constant(Constant::True, pspan));
            chain.push((case_span, test, body));
        }
        if matches!(self.kind(), TokenKind::Dedent) {
            self.bump();
        }
        self.depth -= 1;
        let sspan = subject.span;
        let assign = Stmt::new(
            StmtKind::Assign {
                targets: vec![Expr::new(
                    ExprKind::Name {
                        id: subj_name,
                        ctx: ExprContext::Store,
                    },
                    sspan,
                )],
                value: subject,
            },
            self.since(start),
        );
        let ifs = self.fold_if(chain, Vec::new());
        Ok(vec![assign, ifs])
    }

    /// Where a capture of `n` goes until the pattern has matched: one temporary per name in a
    /// case, so each alternative of an or-pattern fills the same one.
    fn capture(&mut self, n: &str, subj: Expr, span: Span) -> Expr {
        let tmp = match self.match_caps.iter().find(|(c, _)| c == n) {
            Some((_, t)) => t.clone(),
            None => {
                let t = self.fresh_tmp();
                self.match_caps.push((n.to_string(), t.clone()));
                t
            }
        };
        bind(&tmp, subj, span)
    }

    fn fresh_tmp(&mut self) -> String {
        self.match_tmp += 1;
        format!("$m{}", self.match_tmp - 1)
    }

    /// The patterns of a `case`: an open sequence (`case a, *b:`) or one pattern.
    fn patterns(&mut self) -> PResult<(Pat, Span)> {
        let start = self.span();
        let first = self.maybe_star_pattern()?;
        if !self.at_op(Op::Comma) {
            if matches!(first.0, Pat::Star(_)) {
                return Err(self.err("invalid syntax", first.1));
            }
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_op(Op::Comma) {
            if self.at_op(Op::Colon) || self.at_kw(Kw::If) {
                break;
            }
            items.push(self.maybe_star_pattern()?);
        }
        Ok((Pat::Seq(items), self.since(start)))
    }

    fn maybe_star_pattern(&mut self) -> PResult<(Pat, Span)> {
        let start = self.span();
        if self.eat_op(Op::Star) {
            let (n, _) = self.expect_name()?;
            let target = if n == "_" { None } else { Some(n) };
            return Ok((Pat::Star(target), self.since(start)));
        }
        self.pattern()
    }

    fn pattern(&mut self) -> PResult<(Pat, Span)> {
        self.enter()?;
        let r = self.pattern_inner();
        self.depth -= 1;
        r
    }

    fn pattern_inner(&mut self) -> PResult<(Pat, Span)> {
        let start = self.span();
        let first = self.closed_pattern()?;
        let mut p = if self.at_op(Op::VBar) {
            let mut alts = vec![first];
            while self.eat_op(Op::VBar) {
                alts.push(self.closed_pattern()?);
            }
            (Pat::Or(alts), self.since(start))
        } else {
            first
        };
        if self.eat_kw(Kw::As) {
            let (n, nspan) = self.expect_name()?;
            if n == "_" {
                return Err(self.err("cannot use '_' as a target", nspan));
            }
            p = (Pat::As(Box::new(p), n), self.since(start));
        }
        Ok(p)
    }

    fn closed_pattern(&mut self) -> PResult<(Pat, Span)> {
        let start = self.span();
        let pat = match self.kind().clone() {
            TokenKind::Name(n) => {
                self.bump();
                let mut e = name(&n, start);
                let mut dotted = false;
                while self.eat_op(Op::Dot) {
                    let (attr, _) = self.expect_name()?;
                    e = Expr::new(
                        ExprKind::Attribute {
                            value: Box::new(e),
                            attr,
                            ctx: ExprContext::Load,
                        },
                        self.since(start),
                    );
                    dotted = true;
                }
                if self.at_op(Op::LPar) {
                    return self.class_pattern(e, start);
                }
                if dotted {
                    Pat::Value(e)
                } else if n == "_" {
                    Pat::Wild
                } else {
                    Pat::Capture(n)
                }
            }
            TokenKind::Kw(Kw::None | Kw::True | Kw::False) => Pat::Singleton(self.simple_atom()?),
            TokenKind::Str(_) => {
                let e = self.strings()?;
                if matches!(e.kind, ExprKind::JoinedStr(_)) {
                    return Err(self.err(
                        "patterns may only match literals and attribute lookups",
                        e.span,
                    ));
                }
                Pat::Value(e)
            }
            TokenKind::Number(_) => Pat::Value(self.simple_atom()?),
            TokenKind::Op(Op::Minus) => {
                self.bump();
                let operand = self.simple_atom()?;
                if !matches!(
                    operand.kind,
                    ExprKind::Constant(Constant::Int(_) | Constant::Float(_))
                ) {
                    return Err(self.err("invalid syntax", operand.span));
                }
                Pat::Value(Expr::new(
                    ExprKind::UnaryOp {
                        op: UnaryOp::USub,
                        operand: Box::new(operand),
                    },
                    self.since(start),
                ))
            }
            TokenKind::Op(Op::LPar) => {
                self.bump();
                if self.eat_op(Op::RPar) {
                    Pat::Seq(Vec::new())
                } else {
                    let first = self.maybe_star_pattern()?;
                    if self.eat_op(Op::RPar) {
                        if matches!(first.0, Pat::Star(_)) {
                            Pat::Seq(vec![first])
                        } else {
                            // A group: the pattern itself, with the parentheses' span.
                            return Ok((first.0, self.since(start)));
                        }
                    } else {
                        let mut items = vec![first];
                        while self.eat_op(Op::Comma) {
                            if self.at_op(Op::RPar) {
                                break;
                            }
                            items.push(self.maybe_star_pattern()?);
                        }
                        self.expect_op(Op::RPar)?;
                        Pat::Seq(items)
                    }
                }
            }
            TokenKind::Op(Op::LSqb) => {
                self.bump();
                let mut items = Vec::new();
                while !self.at_op(Op::RSqb) {
                    items.push(self.maybe_star_pattern()?);
                    if !self.eat_op(Op::Comma) {
                        break;
                    }
                }
                self.expect_op(Op::RSqb)?;
                Pat::Seq(items)
            }
            TokenKind::Op(Op::LBrace) => {
                self.bump();
                let mut items = Vec::new();
                let mut rest = None;
                while !self.at_op(Op::RBrace) {
                    if self.eat_op(Op::DoubleStar) {
                        let (n, _) = self.expect_name()?;
                        rest = Some(n);
                        self.eat_op(Op::Comma);
                        break;
                    }
                    let kstart = self.span();
                    let key = match self.closed_pattern()? {
                        (Pat::Value(e) | Pat::Singleton(e), _) => e,
                        _ => return Err(self.err(
                            "mapping pattern keys may only match literals and attribute lookups",
                            self.since(kstart),
                        )),
                    };
                    self.expect_op(Op::Colon)?;
                    let value = self.pattern()?;
                    items.push((key, value));
                    if !self.eat_op(Op::Comma) {
                        break;
                    }
                }
                self.expect_op(Op::RBrace)?;
                Pat::Map(items, rest)
            }
            _ => return Err(self.invalid()),
        };
        Ok((pat, self.since(start)))
    }

    fn class_pattern(&mut self, cls: Expr, start: Span) -> PResult<(Pat, Span)> {
        self.expect_op(Op::LPar)?;
        let mut args = Vec::new();
        let mut kwargs: Vec<(String, (Pat, Span))> = Vec::new();
        while !self.at_op(Op::RPar) {
            let is_kw = matches!(self.kind(), TokenKind::Name(_))
                && matches!(self.peek_kind(1), TokenKind::Op(Op::Equal));
            if is_kw {
                let (n, _) = self.expect_name()?;
                self.bump();
                kwargs.push((n, self.pattern()?));
            } else {
                let p = self.pattern()?;
                if !kwargs.is_empty() {
                    return Err(self.err("positional patterns follow keyword patterns", p.1));
                }
                args.push(p);
            }
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        self.expect_op(Op::RPar)?;
        Ok((Pat::Class(cls, args, kwargs), self.since(start)))
    }

    /// `$t := value` as a test that the helper did not return None.
    fn helper_result(&mut self, call: Expr, span: Span) -> (Expr, String) {
        let t = self.fresh_tmp();
        let walrus = Expr::new(
            ExprKind::NamedExpr {
                target: Box::new(Expr::new(
                    ExprKind::Name {
                        id: t.clone(),
                        ctx: ExprContext::Store,
                    },
                    span,
                )),
                value: Box::new(call),
            },
            span,
        );
        let test = Expr::new(
            ExprKind::Compare {
                left: Box::new(walrus),
                ops: vec![CmpOp::IsNot],
                comparators: vec![constant(Constant::None, span)],
            },
            span,
        );
        (test, t)
    }

    fn call_helper(f: &str, args: Vec<Expr>, span: Span) -> Expr {
        Expr::new(
            ExprKind::Call {
                func: Box::new(name(f, span)),
                args,
                keywords: Vec::new(),
            },
            span,
        )
    }

    fn item(t: &str, i: usize, span: Span) -> Expr {
        Expr::new(
            ExprKind::Subscript {
                value: Box::new(name(t, span)),
                slice: Box::new(constant(Constant::Int(i as i64), span)),
                ctx: ExprContext::Load,
            },
            span,
        )
    }

    fn str_tuple(names: Vec<String>, span: Span) -> Expr {
        Expr::new(
            ExprKind::Tuple {
                elts: names
                    .into_iter()
                    .map(|n| constant(Constant::Str(n), span))
                    .collect(),
                ctx: ExprContext::Load,
            },
            span,
        )
    }

    /// The test that `subj` matches `p` (binding its captures), or None when it always does.
    fn lower(&mut self, p: &Pat, span: Span, subj: Expr) -> Option<Expr> {
        match p {
            Pat::Wild | Pat::Star(None) => None,
            Pat::Capture(n) | Pat::Star(Some(n)) => Some(self.capture(n, subj, span)),
            Pat::Value(v) | Pat::Singleton(v) => {
                let op = if matches!(p, Pat::Singleton(_)) {
                    CmpOp::Is
                } else {
                    CmpOp::Eq
                };
                Some(Expr::new(
                    ExprKind::Compare {
                        left: Box::new(subj),
                        ops: vec![op],
                        comparators: vec![v.clone()],
                    },
                    span,
                ))
            }
            Pat::As(inner, n) => {
                let mut parts = Vec::new();
                parts.extend(self.lower(&inner.0, inner.1, subj.clone()));
                parts.push(self.capture(n, subj, span));
                and_all(parts, span)
            }
            Pat::Or(alts) => {
                let mut tests = Vec::new();
                for (a, aspan) in alts {
                    match self.lower(a, *aspan, subj.clone()) {
                        Some(t) => tests.push(t),
                        None => {
                            tests.push(constant(Constant::True, *aspan));
                            break;
                        }
                    }
                }
                Some(Expr::new(
                    ExprKind::BoolOp {
                        op: BoolOp::Or,
                        values: tests,
                    },
                    span,
                ))
            }
            Pat::Seq(items) => {
                let star = items
                    .iter()
                    .position(|(p, _)| matches!(p, Pat::Star(_)))
                    .map_or(-1, |i| i as i64);
                let call = Self::call_helper(
                    "$match_seq",
                    vec![
                        subj,
                        constant(Constant::Int(items.len() as i64), span),
                        constant(Constant::Int(star), span),
                    ],
                    span,
                );
                let (test, t) = self.helper_result(call, span);
                let mut parts = vec![test];
                for (i, (ip, ispan)) in items.iter().enumerate() {
                    parts.extend(self.lower(ip, *ispan, Self::item(&t, i, *ispan)));
                }
                and_all(parts, span)
            }
            Pat::Map(items, rest) => {
                let keys = Expr::new(
                    ExprKind::Tuple {
                        elts: items.iter().map(|(k, _)| k.clone()).collect(),
                        ctx: ExprContext::Load,
                    },
                    span,
                );
                let want_rest = if rest.is_some() {
                    Constant::True
                } else {
                    Constant::False
                };
                let call = Self::call_helper(
                    "$match_map",
                    vec![subj, keys, constant(want_rest, span)],
                    span,
                );
                let (test, t) = self.helper_result(call, span);
                let mut parts = vec![test];
                for (i, (_, (vp, vspan))) in items.iter().enumerate() {
                    parts.extend(self.lower(vp, *vspan, Self::item(&t, i, *vspan)));
                }
                if let Some(r) = rest {
                    let rest = Self::item(&t, items.len(), span);
                    parts.push(self.capture(r, rest, span));
                }
                and_all(parts, span)
            }
            Pat::Class(cls, args, kwargs) => {
                let kwnames = kwargs.iter().map(|(n, _)| n.clone()).collect();
                let call = Self::call_helper(
                    "$match_class",
                    vec![
                        subj,
                        cls.clone(),
                        constant(Constant::Int(args.len() as i64), span),
                        Self::str_tuple(kwnames, span),
                    ],
                    span,
                );
                let (test, t) = self.helper_result(call, span);
                let mut parts = vec![test];
                let all = args.iter().chain(kwargs.iter().map(|(_, p)| p));
                for (i, (ap, aspan)) in all.enumerate() {
                    parts.extend(self.lower(ap, *aspan, Self::item(&t, i, *aspan)));
                }
                and_all(parts, span)
            }
        }
    }
}

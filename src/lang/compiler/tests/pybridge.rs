//! Test-only bridge to CPython: `python3` parses snippets with its own `ast` module (so compiler
//! tests do not depend on loopscope's parser) and reports what its compiler produced for them
//! (code object attributes, or the SyntaxError). Tests skip when `python3` is missing.

use crate::lang::ast::*;
use crate::lang::span::{SourceFile, Span};
use serde_json::Value;
use std::io::Write;
use std::process::{Command, Stdio};

const SCRIPT: &str = r#"
import ast, dis, json, sys
POS_OPS = {"CALL", "BINARY_OP", "BINARY_SUBSCR", "LOAD_ATTR", "LOAD_METHOD", "STORE_ATTR", "STORE_SUBSCR", "RAISE_VARARGS", "GET_ITER", "FOR_ITER", "COMPARE_OP", "GET_AWAITABLE", "YIELD_VALUE", "RETURN_VALUE"}
def conv(n):
    if isinstance(n, ast.Constant):
        v = n.value
        if v is None: c = {"k": "None"}
        elif v is True: c = {"k": "True"}
        elif v is False: c = {"k": "False"}
        elif v is Ellipsis: c = {"k": "Ellipsis"}
        elif isinstance(v, int): c = {"k": "Int", "v": str(v)}
        elif isinstance(v, float): c = {"k": "Float", "v": repr(v)}
        elif isinstance(v, str): c = {"k": "Str", "v": v}
        elif isinstance(v, bytes): c = {"k": "Bytes", "v": list(v)}
        else: c = {"k": "Unsupported"}
        d = {"_t": "Constant", "c": c}
    elif isinstance(n, ast.AST):
        d = {"_t": type(n).__name__}
        for f in n._fields:
            d[f] = conv(getattr(n, f))
    elif isinstance(n, list):
        return [conv(x) for x in n]
    else:
        return n
    for a in ("lineno", "col_offset", "end_lineno", "end_col_offset"):
        if hasattr(n, a):
            d[a] = getattr(n, a)
    return d
def body_lines(c):
    # Lines of the instructions after the RESUME prologue (which makes no line events).
    ins = list(dis.get_instructions(c))
    start = next((k for k, i in enumerate(ins) if i.opname == "RESUME"), -1) + 1
    return sorted(set(i.positions.lineno for i in ins[start:]
                      if i.opname != "CACHE" and i.positions.lineno is not None))
def codes(c):
    out = [dict(name=c.co_name, qualname=c.co_qualname, firstlineno=c.co_firstlineno,
                varnames=list(c.co_varnames), cellvars=list(c.co_cellvars),
                freevars=list(c.co_freevars), flags=c.co_flags, argcount=c.co_argcount,
                posonlyargcount=c.co_posonlyargcount, kwonlyargcount=c.co_kwonlyargcount,
                names=list(c.co_names),
                lines=body_lines(c),
                positions=[[i.opname, i.positions.lineno, i.positions.col_offset,
                            i.positions.end_lineno, i.positions.end_col_offset]
                           for i in dis.get_instructions(c) if i.opname in POS_OPS])]
    for k in c.co_consts:
        if hasattr(k, "co_code"):
            out += codes(k)
    return out
res = []
for src in json.load(sys.stdin):
    r = {}
    try:
        r["ast"] = conv(ast.parse(src))
    except SyntaxError as e:
        r["parse_error"] = str(e)
        res.append(r)
        continue
    try:
        r["codes"] = codes(compile(src, "t.py", "exec"))
    except SyntaxError as e:
        r["error"] = {"msg": e.msg, "lineno": e.lineno}
    res.append(r)
json.dump(res, sys.stdout)
"#;

/// Run CPython over the sources; `None` when python3 is unavailable.
pub fn run(sources: &[String]) -> Option<Vec<Value>> {
    let mut child = Command::new("python3")
        .arg("-c")
        .arg(SCRIPT)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .ok()?;
    let input = serde_json::to_string(sources).ok()?;
    child.stdin.take()?.write_all(input.as_bytes()).ok()?;
    let out = child.wait_with_output().ok()?;
    let v: Value = serde_json::from_slice(&out.stdout).ok()?;
    v.as_array().cloned()
}

pub struct Conv<'s> {
    pub src: &'s SourceFile,
    line_starts: Vec<usize>,
}

impl<'s> Conv<'s> {
    pub fn new(src: &'s SourceFile) -> Self {
        let mut line_starts = vec![0];
        for (i, b) in src.text.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i + 1);
            }
        }
        Conv { src, line_starts }
    }

    fn span(&self, v: &Value) -> Span {
        let g = |k: &str| v.get(k).and_then(Value::as_u64).unwrap_or(0) as usize;
        let (l, c, el, ec) = (
            g("lineno"),
            g("col_offset"),
            g("end_lineno"),
            g("end_col_offset"),
        );
        if l == 0 {
            return Span::default();
        }
        let ls = self.line_starts.get(l - 1).copied().unwrap_or(0);
        let start = ls + c;
        let end = self.line_starts.get(el.max(1) - 1).copied().unwrap_or(0) + ec;
        let col = self
            .src
            .text
            .get(ls..start)
            .map_or(c, |p| p.chars().count())
            + 1;
        Span::new(start as u32, end as u32, l as u32, col as u32)
    }

    pub fn module(&self, v: &Value) -> Module {
        Module {
            body: self.stmts(&v["body"]),
        }
    }

    fn stmts(&self, v: &Value) -> Vec<Stmt> {
        v.as_array()
            .map(|a| a.iter().map(|s| self.stmt(s)).collect())
            .unwrap_or_default()
    }

    fn exprs(&self, v: &Value) -> Vec<Expr> {
        v.as_array()
            .map(|a| a.iter().map(|s| self.expr(s)).collect())
            .unwrap_or_default()
    }

    fn opt_expr(&self, v: &Value) -> Option<Expr> {
        if v.is_null() {
            None
        } else {
            Some(self.expr(v))
        }
    }

    fn bexpr(&self, v: &Value) -> Box<Expr> {
        Box::new(self.expr(v))
    }

    fn ident(v: &Value) -> String {
        v.as_str().unwrap_or("").to_string()
    }

    fn opt_ident(v: &Value) -> Option<String> {
        v.as_str().map(str::to_string)
    }

    fn args(&self, v: &Value) -> Arguments {
        let arg = |a: &Value| Arg {
            name: Self::ident(&a["arg"]),
            annotation: self.opt_expr(&a["annotation"]),
            span: self.span(a),
        };
        let list = |k: &str| {
            v[k].as_array()
                .map(|a| a.iter().map(arg).collect())
                .unwrap_or_default()
        };
        Arguments {
            posonlyargs: list("posonlyargs"),
            args: list("args"),
            vararg: if v["vararg"].is_null() {
                None
            } else {
                Some(arg(&v["vararg"]))
            },
            kwonlyargs: list("kwonlyargs"),
            kw_defaults: v["kw_defaults"]
                .as_array()
                .map(|a| a.iter().map(|d| self.opt_expr(d)).collect())
                .unwrap_or_default(),
            kwarg: if v["kwarg"].is_null() {
                None
            } else {
                Some(arg(&v["kwarg"]))
            },
            defaults: self.exprs(&v["defaults"]),
        }
    }

    fn keywords(&self, v: &Value) -> Vec<Keyword> {
        v.as_array()
            .map(|a| {
                a.iter()
                    .map(|k| Keyword {
                        arg: Self::opt_ident(&k["arg"]),
                        value: self.expr(&k["value"]),
                        span: self.span(k),
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    fn aliases(&self, v: &Value) -> Vec<Alias> {
        v.as_array()
            .map(|a| {
                a.iter()
                    .map(|k| Alias {
                        name: Self::ident(&k["name"]),
                        asname: Self::opt_ident(&k["asname"]),
                        span: self.span(k),
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    fn stmt(&self, v: &Value) -> Stmt {
        let span = self.span(v);
        let t = v["_t"].as_str().unwrap_or("");
        let kind = match t {
            "FunctionDef" | "AsyncFunctionDef" => {
                // CPython's node starts at `def`; the name follows `def ` / `async def `.
                let kw = if t == "FunctionDef" { 4 } else { 10 };
                let name = Self::ident(&v["name"]);
                let ns = Span::new(
                    span.start + kw,
                    span.start + kw + name.len() as u32,
                    span.line,
                    span.col + kw,
                );
                StmtKind::FunctionDef(Box::new(FunctionDef {
                    name,
                    args: self.args(&v["args"]),
                    body: self.stmts(&v["body"]),
                    decorators: self.exprs(&v["decorator_list"]),
                    returns: self.opt_expr(&v["returns"]),
                    is_async: t == "AsyncFunctionDef",
                    name_span: ns,
                }))
            }
            "ClassDef" => StmtKind::ClassDef(Box::new(ClassDef {
                name: Self::ident(&v["name"]),
                bases: self.exprs(&v["bases"]),
                keywords: self.keywords(&v["keywords"]),
                body: self.stmts(&v["body"]),
                decorators: self.exprs(&v["decorator_list"]),
                name_span: span,
            })),
            "Return" => StmtKind::Return(self.opt_expr(&v["value"])),
            "Delete" => StmtKind::Delete(self.exprs(&v["targets"])),
            "Assign" => StmtKind::Assign {
                targets: self.exprs(&v["targets"]),
                value: self.expr(&v["value"]),
            },
            "AugAssign" => StmtKind::AugAssign {
                target: self.expr(&v["target"]),
                op: binop(&v["op"]),
                value: self.expr(&v["value"]),
            },
            "AnnAssign" => StmtKind::AnnAssign {
                target: self.expr(&v["target"]),
                annotation: self.expr(&v["annotation"]),
                value: self.opt_expr(&v["value"]),
                simple: v["simple"].as_i64() == Some(1),
            },
            "For" | "AsyncFor" => StmtKind::For {
                target: self.expr(&v["target"]),
                iter: self.expr(&v["iter"]),
                body: self.stmts(&v["body"]),
                orelse: self.stmts(&v["orelse"]),
                is_async: t == "AsyncFor",
            },
            "While" => StmtKind::While {
                test: self.expr(&v["test"]),
                body: self.stmts(&v["body"]),
                orelse: self.stmts(&v["orelse"]),
            },
            "If" => StmtKind::If {
                test: self.expr(&v["test"]),
                body: self.stmts(&v["body"]),
                orelse: self.stmts(&v["orelse"]),
            },
            "With" | "AsyncWith" => StmtKind::With {
                items: v["items"]
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .map(|i| WithItem {
                                context_expr: self.expr(&i["context_expr"]),
                                optional_vars: self.opt_expr(&i["optional_vars"]),
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
                body: self.stmts(&v["body"]),
                is_async: t == "AsyncWith",
            },
            "Raise" => StmtKind::Raise {
                exc: self.opt_expr(&v["exc"]),
                cause: self.opt_expr(&v["cause"]),
            },
            "Try" | "TryStar" => StmtKind::Try {
                body: self.stmts(&v["body"]),
                handlers: v["handlers"]
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .map(|h| ExceptHandler {
                                typ: self.opt_expr(&h["type"]),
                                name: Self::opt_ident(&h["name"]),
                                body: self.stmts(&h["body"]),
                                span: self.span(h),
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
                orelse: self.stmts(&v["orelse"]),
                finalbody: self.stmts(&v["finalbody"]),
                is_star: t == "TryStar",
            },
            "Assert" => StmtKind::Assert {
                test: self.expr(&v["test"]),
                msg: self.opt_expr(&v["msg"]),
            },
            "Import" => StmtKind::Import(self.aliases(&v["names"])),
            "ImportFrom" => StmtKind::ImportFrom {
                module: Self::opt_ident(&v["module"]),
                names: self.aliases(&v["names"]),
                level: v["level"].as_u64().unwrap_or(0) as u32,
            },
            "Global" => StmtKind::Global(
                v["names"]
                    .as_array()
                    .map(|a| a.iter().map(Self::ident).collect())
                    .unwrap_or_default(),
            ),
            "Nonlocal" => StmtKind::Nonlocal(
                v["names"]
                    .as_array()
                    .map(|a| a.iter().map(Self::ident).collect())
                    .unwrap_or_default(),
            ),
            "Expr" => StmtKind::Expr(self.expr(&v["value"])),
            "Break" => StmtKind::Break,
            "Continue" => StmtKind::Continue,
            _ => StmtKind::Pass,
        };
        Stmt { kind, span }
    }

    fn comprehensions(&self, v: &Value) -> Vec<Comprehension> {
        v.as_array()
            .map(|a| {
                a.iter()
                    .map(|g| Comprehension {
                        target: self.expr(&g["target"]),
                        iter: self.expr(&g["iter"]),
                        ifs: self.exprs(&g["ifs"]),
                        is_async: g["is_async"].as_i64() == Some(1),
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    fn expr(&self, v: &Value) -> Expr {
        let span = self.span(v);
        let t = v["_t"].as_str().unwrap_or("");
        let kind = match t {
            "BoolOp" => ExprKind::BoolOp {
                op: if v["op"]["_t"] == "And" {
                    BoolOp::And
                } else {
                    BoolOp::Or
                },
                values: self.exprs(&v["values"]),
            },
            "NamedExpr" => ExprKind::NamedExpr {
                target: self.bexpr(&v["target"]),
                value: self.bexpr(&v["value"]),
            },
            "BinOp" => ExprKind::BinOp {
                left: self.bexpr(&v["left"]),
                op: binop(&v["op"]),
                right: self.bexpr(&v["right"]),
            },
            "UnaryOp" => ExprKind::UnaryOp {
                op: match v["op"]["_t"].as_str() {
                    Some("Invert") => UnaryOp::Invert,
                    Some("Not") => UnaryOp::Not,
                    Some("UAdd") => UnaryOp::UAdd,
                    _ => UnaryOp::USub,
                },
                operand: self.bexpr(&v["operand"]),
            },
            "Lambda" => ExprKind::Lambda {
                args: Box::new(self.args(&v["args"])),
                body: self.bexpr(&v["body"]),
            },
            "IfExp" => ExprKind::IfExp {
                test: self.bexpr(&v["test"]),
                body: self.bexpr(&v["body"]),
                orelse: self.bexpr(&v["orelse"]),
            },
            "Dict" => ExprKind::Dict {
                keys: v["keys"]
                    .as_array()
                    .map(|a| a.iter().map(|k| self.opt_expr(k)).collect())
                    .unwrap_or_default(),
                values: self.exprs(&v["values"]),
            },
            "Set" => ExprKind::Set(self.exprs(&v["elts"])),
            "ListComp" => ExprKind::ListComp {
                elt: self.bexpr(&v["elt"]),
                generators: self.comprehensions(&v["generators"]),
            },
            "SetComp" => ExprKind::SetComp {
                elt: self.bexpr(&v["elt"]),
                generators: self.comprehensions(&v["generators"]),
            },
            "GeneratorExp" => ExprKind::GeneratorExp {
                elt: self.bexpr(&v["elt"]),
                generators: self.comprehensions(&v["generators"]),
            },
            "DictComp" => ExprKind::DictComp {
                key: self.bexpr(&v["key"]),
                value: self.bexpr(&v["value"]),
                generators: self.comprehensions(&v["generators"]),
            },
            "Await" => ExprKind::Await(self.bexpr(&v["value"])),
            "Yield" => ExprKind::Yield(self.opt_expr(&v["value"]).map(Box::new)),
            "YieldFrom" => ExprKind::YieldFrom(self.bexpr(&v["value"])),
            "Compare" => ExprKind::Compare {
                left: self.bexpr(&v["left"]),
                ops: v["ops"]
                    .as_array()
                    .map(|a| a.iter().map(cmpop).collect())
                    .unwrap_or_default(),
                comparators: self.exprs(&v["comparators"]),
            },
            "Call" => ExprKind::Call {
                func: self.bexpr(&v["func"]),
                args: self.exprs(&v["args"]),
                keywords: self.keywords(&v["keywords"]),
            },
            "FormattedValue" => ExprKind::FormattedValue {
                value: self.bexpr(&v["value"]),
                conversion: match v["conversion"].as_i64() {
                    Some(115) => Conversion::Str,
                    Some(114) => Conversion::Repr,
                    Some(97) => Conversion::Ascii,
                    _ => Conversion::None,
                },
                format_spec: self.opt_expr(&v["format_spec"]).map(Box::new),
            },
            "JoinedStr" => ExprKind::JoinedStr(self.exprs(&v["values"])),
            "Constant" => {
                let c = &v["c"];
                ExprKind::Constant(match c["k"].as_str() {
                    Some("True") => Constant::True,
                    Some("False") => Constant::False,
                    Some("Ellipsis") => Constant::Ellipsis,
                    Some("Int") => {
                        Constant::Int(c["v"].as_str().and_then(|s| s.parse().ok()).unwrap_or(0))
                    }
                    Some("Float") => {
                        Constant::Float(c["v"].as_str().and_then(|s| s.parse().ok()).unwrap_or(0.0))
                    }
                    Some("Str") => Constant::Str(Self::ident(&c["v"])),
                    Some("Bytes") => Constant::Bytes(
                        c["v"]
                            .as_array()
                            .map(|a| a.iter().map(|b| b.as_u64().unwrap_or(0) as u8).collect())
                            .unwrap_or_default(),
                    ),
                    _ => Constant::None,
                })
            }
            "Attribute" => ExprKind::Attribute {
                value: self.bexpr(&v["value"]),
                attr: Self::ident(&v["attr"]),
                ctx: ctx(&v["ctx"]),
            },
            "Subscript" => ExprKind::Subscript {
                value: self.bexpr(&v["value"]),
                slice: self.bexpr(&v["slice"]),
                ctx: ctx(&v["ctx"]),
            },
            "Starred" => ExprKind::Starred {
                value: self.bexpr(&v["value"]),
                ctx: ctx(&v["ctx"]),
            },
            "Name" => ExprKind::Name {
                id: Self::ident(&v["id"]),
                ctx: ctx(&v["ctx"]),
            },
            "List" => ExprKind::List {
                elts: self.exprs(&v["elts"]),
                ctx: ctx(&v["ctx"]),
            },
            "Tuple" => ExprKind::Tuple {
                elts: self.exprs(&v["elts"]),
                ctx: ctx(&v["ctx"]),
            },
            "Slice" => ExprKind::Slice {
                lower: self.opt_expr(&v["lower"]).map(Box::new),
                upper: self.opt_expr(&v["upper"]).map(Box::new),
                step: self.opt_expr(&v["step"]).map(Box::new),
            },
            _ => ExprKind::Constant(Constant::None),
        };
        Expr { kind, span }
    }
}

fn ctx(v: &Value) -> ExprContext {
    match v["_t"].as_str() {
        Some("Store") => ExprContext::Store,
        Some("Del") => ExprContext::Del,
        _ => ExprContext::Load,
    }
}

fn binop(v: &Value) -> BinOp {
    match v["_t"].as_str().unwrap_or("") {
        "Add" => BinOp::Add,
        "Sub" => BinOp::Sub,
        "Mult" => BinOp::Mult,
        "MatMult" => BinOp::MatMult,
        "Div" => BinOp::Div,
        "Mod" => BinOp::Mod,
        "Pow" => BinOp::Pow,
        "LShift" => BinOp::LShift,
        "RShift" => BinOp::RShift,
        "BitOr" => BinOp::BitOr,
        "BitXor" => BinOp::BitXor,
        "BitAnd" => BinOp::BitAnd,
        _ => BinOp::FloorDiv,
    }
}

fn cmpop(v: &Value) -> CmpOp {
    match v["_t"].as_str().unwrap_or("") {
        "Eq" => CmpOp::Eq,
        "NotEq" => CmpOp::NotEq,
        "Lt" => CmpOp::Lt,
        "LtE" => CmpOp::LtE,
        "Gt" => CmpOp::Gt,
        "GtE" => CmpOp::GtE,
        "Is" => CmpOp::Is,
        "IsNot" => CmpOp::IsNot,
        "In" => CmpOp::In,
        _ => CmpOp::NotIn,
    }
}

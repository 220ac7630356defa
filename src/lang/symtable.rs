//! Scope analysis, mirroring CPython 3.11's `Python/symtable.c`: one pass records how each name
//! is used in each block (module, class, function, lambda, comprehension), a second pass decides
//! whether it is local, global (explicit or implicit), free or a cell. The compiler then picks
//! `*_FAST`, `*_DEREF`, `*_GLOBAL` or `*_NAME` instructions from the result, exactly as CPython.
//!
//! Blocks are found again by the compiler through the address of their AST node (the AST is not
//! moved while compiling), which is how CPython keys its table too.

use super::ast::*;
use super::span::Span;
use std::collections::{HashMap, HashSet};

/// A compile-time error: message and the span CPython would point at.
#[derive(Clone, Debug, PartialEq)]
pub struct CompileError {
    pub msg: String,
    pub span: Span,
}

impl CompileError {
    pub fn new(msg: impl Into<String>, span: Span) -> CompileError {
        CompileError {
            msg: msg.into(),
            span,
        }
    }
}

pub type CResult<T> = Result<T, CompileError>;

// Symbol flags, CPython's values (`Include/internal/pycore_symtable.h`).
pub const DEF_GLOBAL: u32 = 1;
pub const DEF_LOCAL: u32 = 2;
pub const DEF_PARAM: u32 = 4;
pub const DEF_NONLOCAL: u32 = 8;
pub const USE: u32 = 16;
pub const DEF_FREE_CLASS: u32 = 64;
pub const DEF_IMPORT: u32 = 128;
pub const DEF_ANNOT: u32 = 256;
pub const DEF_COMP_ITER: u32 = 512;
pub const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

/// How deep the symbol table walker may recurse before reporting an error (scripts are
/// untrusted; the parser caps nesting too, this is a second guard).
pub const MAX_NESTING: u32 = 400;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameScope {
    /// Not analysed (a name the block never mentions, e.g. `__name__` in a class body).
    Unknown,
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    Module,
    Class,
    Function,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompKind {
    List,
    Set,
    Dict,
    Gen,
}

impl CompKind {
    fn yield_error(self) -> &'static str {
        match self {
            CompKind::List => "'yield' inside list comprehension",
            CompKind::Set => "'yield' inside set comprehension",
            CompKind::Dict => "'yield' inside dict comprehension",
            CompKind::Gen => "'yield' inside generator expression",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Symbol {
    pub name: String,
    pub flags: u32,
    pub scope: NameScope,
}

pub type ScopeId = usize;

#[derive(Clone, Debug)]
pub struct Scope {
    pub kind: BlockKind,
    pub name: String,
    pub comp: Option<CompKind>,
    pub is_lambda: bool,
    /// Symbols in first-mention order (CPython's dict order; decides which error comes first).
    pub symbols: Vec<Symbol>,
    index: HashMap<String, usize>,
    /// Parameters in definition order.
    pub varnames: Vec<String>,
    pub children: Vec<ScopeId>,
    pub is_generator: bool,
    pub is_coroutine: bool,
    pub is_async_def: bool,
    pub nested: bool,
    pub needs_class_closure: bool,
    pub varargs: bool,
    pub varkeywords: bool,
    comp_iter_target: bool,
    comp_iter_expr: u32,
    /// `global`/`nonlocal` statements (and walrus targets), for error locations.
    directives: Vec<(String, Span)>,
    pub span: Span,
}

impl Scope {
    fn new(kind: BlockKind, name: &str, span: Span, nested: bool) -> Scope {
        Scope {
            kind,
            name: name.to_string(),
            comp: None,
            is_lambda: false,
            symbols: Vec::new(),
            index: HashMap::new(),
            varnames: Vec::new(),
            children: Vec::new(),
            is_generator: false,
            is_coroutine: false,
            is_async_def: false,
            nested,
            needs_class_closure: false,
            varargs: false,
            varkeywords: false,
            comp_iter_target: false,
            comp_iter_expr: 0,
            directives: Vec::new(),
            span,
        }
    }

    pub fn flags_of(&self, name: &str) -> u32 {
        self.index
            .get(name)
            .and_then(|&i| self.symbols.get(i))
            .map_or(0, |s| s.flags)
    }

    pub fn scope_of(&self, name: &str) -> NameScope {
        self.index
            .get(name)
            .and_then(|&i| self.symbols.get(i))
            .map_or(NameScope::Unknown, |s| s.scope)
    }

    /// Names with the given scope (or, with `also_flag`, carrying that flag), sorted as CPython's
    /// `dictbytype` sorts them: this gives `co_cellvars`/`co_freevars` their order.
    pub fn names_sorted(&self, scope: NameScope, also_flag: u32) -> Vec<String> {
        let mut v: Vec<String> = self
            .symbols
            .iter()
            .filter(|s| s.scope == scope || (also_flag != 0 && s.flags & also_flag != 0))
            .map(|s| s.name.clone())
            .collect();
        v.sort();
        v
    }

    fn directive_span(&self, name: &str) -> Span {
        self.directives
            .iter()
            .find(|(n, _)| n == name)
            .map_or(self.span, |(_, s)| *s)
    }
}

#[derive(Debug)]
pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    by_node: HashMap<usize, ScopeId>,
}

impl SymbolTable {
    pub fn scope(&self, id: ScopeId) -> Option<&Scope> {
        self.scopes.get(id)
    }

    /// The block created for a `def`/`class` statement.
    pub fn scope_for_stmt(&self, s: &Stmt) -> Option<ScopeId> {
        self.by_node.get(&(s as *const Stmt as usize)).copied()
    }

    /// The block created for a lambda or comprehension.
    pub fn scope_for_expr(&self, e: &Expr) -> Option<ScopeId> {
        self.by_node.get(&(e as *const Expr as usize)).copied()
    }

    pub fn build(module: &Module) -> CResult<SymbolTable> {
        let mut b = Builder {
            scopes: vec![Scope::new(BlockKind::Module, "top", Span::default(), false)],
            by_node: HashMap::new(),
            stack: vec![0],
            private: None,
            depth: 0,
        };
        for s in &module.body {
            b.stmt(s)?;
        }
        let mut st = SymbolTable {
            scopes: b.scopes,
            by_node: b.by_node,
        };
        st.analyze()?;
        Ok(st)
    }

    fn analyze(&mut self) -> CResult<()> {
        // Iterative post-order over the block tree, carrying CPython's (bound, global) sets down
        // and the free sets back up. Depth is bounded by the builder's nesting cap anyway.
        let mut free = HashSet::new();
        let mut global = HashSet::new();
        self.analyze_block(0, None, &mut free, &mut global, 0)
    }

    fn analyze_block(
        &mut self,
        id: ScopeId,
        bound: Option<&HashSet<String>>,
        free: &mut HashSet<String>,
        global: &mut HashSet<String>,
        depth: u32,
    ) -> CResult<()> {
        if depth > MAX_NESTING {
            return Err(CompileError::new("too many nested blocks", Span::default()));
        }
        let kind = self.scopes[id].kind;
        let mut bound: Option<HashSet<String>> = bound.cloned();
        let mut local: HashSet<String> = HashSet::new();
        let mut scopes: HashMap<String, NameScope> = HashMap::new();
        let mut newglobal: HashSet<String> = HashSet::new();
        let mut newfree: HashSet<String> = HashSet::new();
        let mut newbound: HashSet<String> = HashSet::new();

        if kind == BlockKind::Class {
            newglobal.extend(global.iter().cloned());
            if let Some(b) = &bound {
                newbound.extend(b.iter().cloned());
            }
        }
        let symbols: Vec<(String, u32)> = self.scopes[id]
            .symbols
            .iter()
            .map(|s| (s.name.clone(), s.flags))
            .collect();
        for (name, flags) in &symbols {
            let sc = analyze_name(
                &self.scopes[id],
                name,
                *flags,
                bound.as_mut(),
                &mut local,
                free,
                global,
            )?;
            scopes.insert(name.clone(), sc);
        }
        if kind != BlockKind::Class {
            if kind == BlockKind::Function {
                newbound.extend(local.iter().cloned());
            }
            if let Some(b) = &bound {
                newbound.extend(b.iter().cloned());
            }
            newglobal.extend(global.iter().cloned());
        } else {
            newbound.insert("__class__".to_string());
        }

        let children = self.scopes[id].children.clone();
        let mut allfree = HashSet::new();
        for child in children {
            let mut child_free = newfree.clone();
            let mut child_global = newglobal.clone();
            self.analyze_block(
                child,
                Some(&newbound),
                &mut child_free,
                &mut child_global,
                depth + 1,
            )?;
            allfree.extend(child_free);
        }
        newfree.extend(allfree);

        match kind {
            BlockKind::Function => {
                // Locals captured by children become cells.
                let names: Vec<String> = newfree.iter().cloned().collect();
                for name in names {
                    if scopes.get(&name) == Some(&NameScope::Local) {
                        scopes.insert(name.clone(), NameScope::Cell);
                        newfree.remove(&name);
                    }
                }
            }
            BlockKind::Class => {
                if newfree.remove("__class__") {
                    self.scopes[id].needs_class_closure = true;
                }
            }
            BlockKind::Module => {}
        }

        // update_symbols
        let scope = &mut self.scopes[id];
        for sym in scope.symbols.iter_mut() {
            if let Some(sc) = scopes.get(&sym.name) {
                sym.scope = *sc;
            }
        }
        let mut pending: Vec<String> = newfree.iter().cloned().collect();
        pending.sort(); // deterministic insertion order of propagated free names
        for name in pending {
            if let Some(&i) = scope.index.get(&name) {
                if kind == BlockKind::Class {
                    if let Some(sym) = scope.symbols.get_mut(i) {
                        if sym.flags & (DEF_BOUND | DEF_GLOBAL) != 0 {
                            sym.flags |= DEF_FREE_CLASS;
                        }
                    }
                }
                continue;
            }
            if let Some(b) = &bound {
                if !b.contains(&name) {
                    continue;
                }
            }
            scope.index.insert(name.clone(), scope.symbols.len());
            scope.symbols.push(Symbol {
                name,
                flags: 0,
                scope: NameScope::Free,
            });
        }
        free.extend(newfree);
        Ok(())
    }
}

fn analyze_name(
    ste: &Scope,
    name: &str,
    flags: u32,
    bound: Option<&mut HashSet<String>>,
    local: &mut HashSet<String>,
    free: &mut HashSet<String>,
    global: &mut HashSet<String>,
) -> CResult<NameScope> {
    if flags & DEF_GLOBAL != 0 {
        if flags & DEF_NONLOCAL != 0 {
            return Err(CompileError::new(
                format!("name '{name}' is nonlocal and global"),
                ste.directive_span(name),
            ));
        }
        global.insert(name.to_string());
        if let Some(b) = bound {
            b.remove(name);
        }
        return Ok(NameScope::GlobalExplicit);
    }
    if flags & DEF_NONLOCAL != 0 {
        let Some(b) = bound else {
            return Err(CompileError::new(
                "nonlocal declaration not allowed at module level",
                ste.directive_span(name),
            ));
        };
        if !b.contains(name) {
            return Err(CompileError::new(
                format!("no binding for nonlocal '{name}' found"),
                ste.directive_span(name),
            ));
        }
        free.insert(name.to_string());
        return Ok(NameScope::Free);
    }
    if flags & DEF_BOUND != 0 {
        local.insert(name.to_string());
        global.remove(name);
        return Ok(NameScope::Local);
    }
    if let Some(b) = &bound {
        if b.contains(name) {
            free.insert(name.to_string());
            return Ok(NameScope::Free);
        }
    }
    Ok(NameScope::GlobalImplicit)
}

/// CPython's `_Py_Mangle`: `__x` inside class `C` becomes `_C__x`.
pub fn mangle(private: Option<&str>, name: &str) -> String {
    let Some(class) = private else {
        return name.to_string();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

struct Builder {
    scopes: Vec<Scope>,
    by_node: HashMap<usize, ScopeId>,
    stack: Vec<ScopeId>,
    private: Option<String>,
    depth: u32,
}

impl Builder {
    fn cur_id(&self) -> ScopeId {
        self.stack.last().copied().unwrap_or(0)
    }

    fn cur(&mut self) -> &mut Scope {
        let id = self.cur_id();
        &mut self.scopes[id]
    }

    fn enter(&mut self, kind: BlockKind, name: &str, key: usize, span: Span) -> ScopeId {
        let parent = self.cur_id();
        let p = &self.scopes[parent];
        let nested = p.nested || p.kind == BlockKind::Function;
        let id = self.scopes.len();
        self.scopes.push(Scope::new(kind, name, span, nested));
        self.scopes[parent].children.push(id);
        self.by_node.insert(key, id);
        self.stack.push(id);
        id
    }

    fn exit(&mut self) {
        self.stack.pop();
    }

    fn guard(&mut self, span: Span) -> CResult<()> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(CompileError::new(
                "too many nested expressions or statements",
                span,
            ));
        }
        Ok(())
    }

    fn add_def(&mut self, name: &str, flag: u32, span: Span) -> CResult<()> {
        let id = self.cur_id();
        self.add_def_in(id, name, flag, span)
    }

    fn add_def_in(&mut self, id: ScopeId, name: &str, mut flag: u32, span: Span) -> CResult<()> {
        let mangled = mangle(self.private.as_deref(), name);
        let scope = &mut self.scopes[id];
        if flag & DEF_LOCAL != 0 && scope.comp_iter_target {
            flag |= DEF_COMP_ITER;
        }
        let i = match scope.index.get(&mangled) {
            Some(&i) => i,
            None => {
                scope.index.insert(mangled.clone(), scope.symbols.len());
                scope.symbols.push(Symbol {
                    name: mangled.clone(),
                    flags: 0,
                    scope: NameScope::Unknown,
                });
                scope.symbols.len() - 1
            }
        };
        let old = scope.symbols[i].flags;
        if flag & DEF_PARAM != 0 && old & DEF_PARAM != 0 {
            return Err(CompileError::new(
                format!("duplicate argument '{mangled}' in function definition"),
                span,
            ));
        }
        scope.symbols[i].flags = old | flag;
        if flag & DEF_PARAM != 0 {
            scope.varnames.push(mangled.clone());
        }
        if flag & DEF_GLOBAL != 0 && id != 0 {
            // CPython also records `global x` in the module's own table.
            let top = &mut self.scopes[0];
            match top.index.get(&mangled) {
                Some(&j) => top.symbols[j].flags |= flag,
                None => {
                    top.index.insert(mangled.clone(), top.symbols.len());
                    top.symbols.push(Symbol {
                        name: mangled,
                        flags: flag,
                        scope: NameScope::Unknown,
                    });
                }
            }
        }
        Ok(())
    }

    fn lookup(&self, name: &str) -> u32 {
        let mangled = mangle(self.private.as_deref(), name);
        self.scopes[self.cur_id()].flags_of(&mangled)
    }

    fn stmts(&mut self, body: &[Stmt]) -> CResult<()> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn exprs(&mut self, es: &[Expr]) -> CResult<()> {
        for e in es {
            self.expr(e)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> CResult<()> {
        self.guard(s.span)?;
        let r = self.stmt_inner(s);
        self.depth -= 1;
        r
    }

    fn stmt_inner(&mut self, s: &Stmt) -> CResult<()> {
        // Thin dispatch, as in `expr_inner`: one frame per nesting level.
        match &s.kind {
            StmtKind::FunctionDef(f) => self.function_def(s, f),
            StmtKind::ClassDef(c) => self.class_def(s, c),
            StmtKind::Return(v) => self.opt(v.as_ref()),
            StmtKind::Delete(ts) => self.exprs(ts),
            StmtKind::Assign { targets, value } => {
                self.exprs(targets)?;
                self.expr(value)
            }
            StmtKind::AugAssign { target, value, .. } => self.two(target, value),
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => self.annassign(s, target, annotation, value.as_ref(), *simple),
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                ..
            } => self.block(Some(target), Some(iter), body, orelse),
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.block(None, Some(test), body, orelse)
            }
            StmtKind::With { items, body, .. } => self.with(items, body),
            StmtKind::Raise { exc, cause } => self.raise(exc.as_ref(), cause.as_ref()),
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                ..
            } => self.try_stmt(body, handlers, orelse, finalbody),
            StmtKind::Assert { test, msg } => self.opt_two(test, msg.as_ref()),
            StmtKind::Import(names) | StmtKind::ImportFrom { names, .. } => self.aliases(names),
            StmtKind::Global(names) => self.global(s, names),
            StmtKind::Nonlocal(names) => self.nonlocal(s, names),
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => Ok(()),
        }
    }

    fn opt(&mut self, e: Option<&Expr>) -> CResult<()> {
        match e {
            Some(e) => self.expr(e),
            None => Ok(()),
        }
    }

    fn function_def(&mut self, s: &Stmt, f: &FunctionDef) -> CResult<()> {
        self.add_def(&f.name, DEF_LOCAL, f.name_span)?;
        self.exprs(&f.args.defaults)?;
        for d in f.args.kw_defaults.iter().flatten() {
            self.expr(d)?;
        }
        self.annotations(&f.args, f.returns.as_ref())?;
        self.exprs(&f.decorators)?;
        self.enter(
            BlockKind::Function,
            &f.name,
            s as *const Stmt as usize,
            s.span,
        );
        if f.is_async {
            let c = self.cur();
            c.is_coroutine = true;
            c.is_async_def = true;
        }
        self.arguments(&f.args)?;
        self.stmts(&f.body)?;
        self.exit();
        Ok(())
    }

    fn class_def(&mut self, s: &Stmt, c: &ClassDef) -> CResult<()> {
        self.add_def(&c.name, DEF_LOCAL, c.name_span)?;
        self.exprs(&c.bases)?;
        for k in &c.keywords {
            self.expr(&k.value)?;
        }
        self.exprs(&c.decorators)?;
        self.enter(BlockKind::Class, &c.name, s as *const Stmt as usize, s.span);
        let saved = self.private.replace(c.name.clone());
        let r = self.stmts(&c.body);
        self.private = saved;
        r?;
        self.exit();
        Ok(())
    }

    fn annassign(
        &mut self,
        s: &Stmt,
        target: &Expr,
        annotation: &Expr,
        value: Option<&Expr>,
        simple: bool,
    ) -> CResult<()> {
        if let ExprKind::Name { id, .. } = &target.kind {
            let cur = self.lookup(id);
            if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && self.cur_id() != 0 && simple {
                let msg = if cur & DEF_GLOBAL != 0 {
                    format!("annotated name '{id}' can't be global")
                } else {
                    format!("annotated name '{id}' can't be nonlocal")
                };
                return Err(CompileError::new(msg, s.span));
            }
            if simple {
                self.add_def(id, DEF_ANNOT | DEF_LOCAL, target.span)?;
            } else if value.is_some() {
                self.add_def(id, DEF_LOCAL, target.span)?;
            }
        } else {
            self.expr(target)?;
        }
        self.expr(annotation)?;
        self.opt(value)
    }

    /// `for`/`while`/`if`: optional target, the header expression, body, else.
    fn block(
        &mut self,
        target: Option<&Expr>,
        head: Option<&Expr>,
        body: &[Stmt],
        orelse: &[Stmt],
    ) -> CResult<()> {
        self.opt(target)?;
        self.opt(head)?;
        self.stmts(body)?;
        self.stmts(orelse)
    }

    fn with(&mut self, items: &[WithItem], body: &[Stmt]) -> CResult<()> {
        for it in items {
            self.expr(&it.context_expr)?;
            self.opt(it.optional_vars.as_ref())?;
        }
        self.stmts(body)
    }

    fn raise(&mut self, exc: Option<&Expr>, cause: Option<&Expr>) -> CResult<()> {
        if let Some(e) = exc {
            self.expr(e)?;
            self.opt(cause)?;
        }
        Ok(())
    }

    fn try_stmt(
        &mut self,
        body: &[Stmt],
        handlers: &[ExceptHandler],
        orelse: &[Stmt],
        finalbody: &[Stmt],
    ) -> CResult<()> {
        self.stmts(body)?;
        self.stmts(orelse)?;
        for h in handlers {
            self.opt(h.typ.as_ref())?;
            if let Some(n) = &h.name {
                self.add_def(n, DEF_LOCAL, h.span)?;
            }
            self.stmts(&h.body)?;
        }
        self.stmts(finalbody)
    }

    fn aliases(&mut self, names: &[Alias]) -> CResult<()> {
        for a in names {
            self.alias(a)?;
        }
        Ok(())
    }

    fn global(&mut self, s: &Stmt, names: &[Ident]) -> CResult<()> {
        for name in names {
            let cur = self.lookup(name);
            if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                let msg = if cur & DEF_PARAM != 0 {
                    format!("name '{name}' is parameter and global")
                } else if cur & USE != 0 {
                    format!("name '{name}' is used prior to global declaration")
                } else if cur & DEF_ANNOT != 0 {
                    format!("annotated name '{name}' can't be global")
                } else {
                    format!("name '{name}' is assigned to before global declaration")
                };
                return Err(CompileError::new(msg, s.span));
            }
            self.add_def(name, DEF_GLOBAL, s.span)?;
            let m = mangle(self.private.as_deref(), name);
            self.cur().directives.push((m, s.span));
        }
        Ok(())
    }

    fn nonlocal(&mut self, s: &Stmt, names: &[Ident]) -> CResult<()> {
        for name in names {
            let cur = self.lookup(name);
            if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                let msg = if cur & DEF_PARAM != 0 {
                    format!("name '{name}' is parameter and nonlocal")
                } else if cur & USE != 0 {
                    format!("name '{name}' is used prior to nonlocal declaration")
                } else if cur & DEF_ANNOT != 0 {
                    format!("annotated name '{name}' can't be nonlocal")
                } else {
                    format!("name '{name}' is assigned to before nonlocal declaration")
                };
                return Err(CompileError::new(msg, s.span));
            }
            self.add_def(name, DEF_NONLOCAL, s.span)?;
            let m = mangle(self.private.as_deref(), name);
            self.cur().directives.push((m, s.span));
        }
        Ok(())
    }

    fn alias(&mut self, a: &Alias) -> CResult<()> {
        let store = match &a.asname {
            Some(n) => n.clone(),
            None => a.name.split('.').next().unwrap_or(&a.name).to_string(),
        };
        if store == "*" {
            if self.cur_id() != 0 && self.scopes[self.cur_id()].kind != BlockKind::Module {
                return Err(CompileError::new(
                    "import * only allowed at module level",
                    a.span,
                ));
            }
            return Ok(());
        }
        self.add_def(&store, DEF_IMPORT, a.span)
    }

    fn annotations(&mut self, args: &Arguments, returns: Option<&Expr>) -> CResult<()> {
        let all = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(args.vararg.iter())
            .chain(&args.kwonlyargs)
            .chain(args.kwarg.iter());
        for a in all {
            if let Some(ann) = &a.annotation {
                self.expr(ann)?;
            }
        }
        if let Some(r) = returns {
            self.expr(r)?;
        }
        Ok(())
    }

    fn arguments(&mut self, args: &Arguments) -> CResult<()> {
        for a in args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(&args.kwonlyargs)
        {
            self.add_def(&a.name, DEF_PARAM, a.span)?;
        }
        if let Some(a) = &args.vararg {
            self.add_def(&a.name, DEF_PARAM, a.span)?;
            self.cur().varargs = true;
        }
        if let Some(a) = &args.kwarg {
            self.add_def(&a.name, DEF_PARAM, a.span)?;
            self.cur().varkeywords = true;
        }
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> CResult<()> {
        self.guard(e.span)?;
        let r = self.expr_inner(e);
        self.depth -= 1;
        r
    }

    fn expr_inner(&mut self, e: &Expr) -> CResult<()> {
        // A thin dispatch: this frame is paid once per nesting level, so the work (and its
        // temporaries) lives in separate functions.
        match &e.kind {
            ExprKind::BoolOp { values, .. } => self.exprs(values),
            ExprKind::NamedExpr { target, value } => self.named_expr(e, target, value),
            ExprKind::BinOp { left, right, .. } => self.two(left, right),
            ExprKind::UnaryOp { operand, .. } => self.expr(operand),
            ExprKind::Lambda { args, body } => self.lambda(e, args, body),
            ExprKind::IfExp { test, body, orelse } => self.three(test, body, orelse),
            ExprKind::Dict { keys, values } => self.dict(keys, values),
            ExprKind::Set(elts) => self.exprs(elts),
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, CompKind::List, "listcomp", generators, elt, None)
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, CompKind::Set, "setcomp", generators, elt, None)
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e, CompKind::Dict, "dictcomp", generators, key, Some(value)),
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, CompKind::Gen, "genexpr", generators, elt, None)
            }
            ExprKind::Await(v) => self.await_expr(v),
            ExprKind::Yield(v) => self.yield_expr(e, v.as_deref()),
            ExprKind::YieldFrom(v) => self.yield_expr(e, Some(v)),
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.expr(left)?;
                self.exprs(comparators)
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.call(func, args, keywords),
            ExprKind::FormattedValue {
                value, format_spec, ..
            } => self.opt_two(value, format_spec.as_deref()),
            ExprKind::JoinedStr(parts) => self.exprs(parts),
            ExprKind::Constant(_) => Ok(()),
            ExprKind::Attribute { value, .. } => self.expr(value),
            ExprKind::Subscript { value, slice, .. } => self.two(value, slice),
            ExprKind::Starred { value, .. } => self.expr(value),
            ExprKind::Name { id, ctx } => self.name(e, id, *ctx),
            ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => self.exprs(elts),
            ExprKind::Slice { lower, upper, step } => {
                self.slice(lower.as_deref(), upper.as_deref(), step.as_deref())
            }
        }
    }

    fn two(&mut self, a: &Expr, b: &Expr) -> CResult<()> {
        self.expr(a)?;
        self.expr(b)
    }

    fn three(&mut self, a: &Expr, b: &Expr, c: &Expr) -> CResult<()> {
        self.expr(a)?;
        self.expr(b)?;
        self.expr(c)
    }

    fn opt_two(&mut self, a: &Expr, b: Option<&Expr>) -> CResult<()> {
        self.expr(a)?;
        match b {
            Some(b) => self.expr(b),
            None => Ok(()),
        }
    }

    fn slice(
        &mut self,
        lower: Option<&Expr>,
        upper: Option<&Expr>,
        step: Option<&Expr>,
    ) -> CResult<()> {
        for p in [lower, upper, step].into_iter().flatten() {
            self.expr(p)?;
        }
        Ok(())
    }

    fn dict(&mut self, keys: &[Option<Expr>], values: &[Expr]) -> CResult<()> {
        for (k, v) in keys.iter().zip(values) {
            if let Some(k) = k {
                self.expr(k)?;
            }
            self.expr(v)?;
        }
        Ok(())
    }

    fn call(&mut self, func: &Expr, args: &[Expr], keywords: &[Keyword]) -> CResult<()> {
        self.expr(func)?;
        self.exprs(args)?;
        for k in keywords {
            self.expr(&k.value)?;
        }
        Ok(())
    }

    fn named_expr(&mut self, e: &Expr, target: &Expr, value: &Expr) -> CResult<()> {
        if self.scopes[self.cur_id()].comp_iter_expr > 0 {
            return Err(CompileError::new(
                "assignment expression cannot be used in a comprehension iterable expression",
                e.span,
            ));
        }
        if self.scopes[self.cur_id()].comp.is_some() {
            self.extend_namedexpr_scope(target)?;
        }
        self.expr(value)?;
        self.expr(target)
    }

    fn lambda(&mut self, e: &Expr, args: &Arguments, body: &Expr) -> CResult<()> {
        self.exprs(&args.defaults)?;
        for d in args.kw_defaults.iter().flatten() {
            self.expr(d)?;
        }
        let id = self.enter(
            BlockKind::Function,
            "lambda",
            e as *const Expr as usize,
            e.span,
        );
        self.scopes[id].is_lambda = true;
        self.arguments(args)?;
        self.expr(body)?;
        self.exit();
        Ok(())
    }

    fn await_expr(&mut self, v: &Expr) -> CResult<()> {
        self.expr(v)?;
        self.cur().is_coroutine = true;
        Ok(())
    }

    fn yield_expr(&mut self, e: &Expr, v: Option<&Expr>) -> CResult<()> {
        if let Some(v) = v {
            self.expr(v)?;
        }
        self.yield_seen(e.span)
    }

    fn name(&mut self, e: &Expr, id: &str, ctx: ExprContext) -> CResult<()> {
        let flag = if ctx == ExprContext::Load {
            USE
        } else {
            DEF_LOCAL
        };
        self.add_def(id, flag, e.span)?;
        if ctx == ExprContext::Load
            && self.scopes[self.cur_id()].kind == BlockKind::Function
            && id == "super"
        {
            self.add_def("__class__", USE, e.span)?;
        }
        Ok(())
    }

    fn yield_seen(&mut self, span: Span) -> CResult<()> {
        let c = self.cur();
        c.is_generator = true;
        if let Some(k) = c.comp {
            return Err(CompileError::new(k.yield_error(), span));
        }
        Ok(())
    }

    fn extend_namedexpr_scope(&mut self, target: &Expr) -> CResult<()> {
        let ExprKind::Name { id: name, .. } = &target.kind else {
            return Ok(());
        };
        let span = target.span;
        let cur = self.cur_id();
        for &sid in self.stack.clone().iter().rev() {
            let ste = &self.scopes[sid];
            if ste.comp.is_some() {
                if ste.flags_of(name) & DEF_COMP_ITER != 0 {
                    return Err(CompileError::new(
                        format!("assignment expression cannot rebind comprehension iteration variable '{name}'"),
                        span,
                    ));
                }
                continue;
            }
            match ste.kind {
                BlockKind::Function => {
                    let in_scope = ste.flags_of(name);
                    if in_scope & DEF_GLOBAL != 0 {
                        self.add_def_in(cur, name, DEF_GLOBAL, span)?;
                    } else {
                        self.add_def_in(cur, name, DEF_NONLOCAL, span)?;
                    }
                    self.scopes[cur].directives.push((name.clone(), span));
                    return self.add_def_in(sid, name, DEF_LOCAL, span);
                }
                BlockKind::Module => {
                    self.add_def_in(cur, name, DEF_GLOBAL, span)?;
                    self.scopes[cur].directives.push((name.clone(), span));
                    return self.add_def_in(sid, name, DEF_GLOBAL, span);
                }
                BlockKind::Class => {
                    return Err(CompileError::new(
                        "assignment expression within a comprehension cannot be used in a class body",
                        span,
                    ));
                }
            }
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        e: &Expr,
        kind: CompKind,
        name: &str,
        generators: &[Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
    ) -> CResult<()> {
        let Some(outermost) = generators.first() else {
            return Err(CompileError::new(
                "comprehension without generators",
                e.span,
            ));
        };
        self.cur().comp_iter_expr += 1;
        let r = self.expr(&outermost.iter);
        self.cur().comp_iter_expr -= 1;
        r?;
        let id = self.enter(BlockKind::Function, name, e as *const Expr as usize, e.span);
        self.scopes[id].comp = Some(kind);
        if outermost.is_async {
            self.scopes[id].is_coroutine = true;
        }
        self.add_def(".0", DEF_PARAM, e.span)?;
        self.scopes[id].comp_iter_target = true;
        let r = self.expr(&outermost.target);
        self.scopes[id].comp_iter_target = false;
        r?;
        self.exprs(&outermost.ifs)?;
        for g in generators.iter().skip(1) {
            self.scopes[id].comp_iter_target = true;
            let r = self.expr(&g.target);
            self.scopes[id].comp_iter_target = false;
            r?;
            self.scopes[id].comp_iter_expr += 1;
            let r = self.expr(&g.iter);
            self.scopes[id].comp_iter_expr -= 1;
            r?;
            self.exprs(&g.ifs)?;
            if g.is_async {
                self.scopes[id].is_coroutine = true;
            }
        }
        if let Some(v) = value {
            self.expr(v)?;
        }
        self.expr(elt)?;
        let is_gen = kind == CompKind::Gen;
        if is_gen {
            self.scopes[id].is_generator = true;
        }
        let is_async = self.scopes[id].is_coroutine && !is_gen;
        self.exit();
        if is_async {
            self.cur().is_coroutine = true;
        }
        Ok(())
    }
}

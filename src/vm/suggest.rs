//! CPython 3.11's "Did you mean: 'x'?" after an uncaught `NameError` or `AttributeError`
//! (Python/suggestions.c): the closest name by a Levenshtein distance where a case change costs
//! 1 and any other edit 2, within a third of the characters involved.

use super::exceptions::ExcKind;
use super::value::Value;
use super::{Exc, Vm};

const MAX_CANDIDATE_ITEMS: usize = 750;
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

fn substitution_cost(a: u8, b: u8) -> usize {
    if a & 31 != b & 31 {
        return MOVE_COST;
    }
    if a == b {
        return 0;
    }
    if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

fn levenshtein<'s>(mut a: &'s [u8], mut b: &'s [u8], max_cost: usize) -> usize {
    while !a.is_empty() && !b.is_empty() && a[0] == b[0] {
        a = &a[1..];
        b = &b[1..];
    }
    while !a.is_empty() && !b.is_empty() && a[a.len() - 1] == b[b.len() - 1] {
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut buffer: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (b_index, &code) in b.iter().enumerate() {
        let mut distance = b_index * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (index, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(code, ac);
            distance = buffer[index];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            buffer[index] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

fn calculate(dir: &[String], name: &str) -> Option<String> {
    if dir.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best: Option<(&String, usize)> = None;
    for item in dir {
        if item == name {
            continue;
        }
        let mut max_distance = (name.len() + item.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = best {
            max_distance = max_distance.min(d.saturating_sub(1));
        }
        let d = levenshtein(name.as_bytes(), item.as_bytes(), max_distance);
        if d > max_distance {
            continue;
        }
        if best.is_none_or(|(_, bd)| d < bd) {
            best = Some((item, d));
        }
    }
    best.map(|(s, _)| s.clone())
}

fn str_keys(keys: Vec<Value>) -> Vec<String> {
    keys.into_iter()
        .filter_map(|k| match k {
            // The hidden `$match_*` helpers are no names a script could mean.
            Value::Str(s) if !s.s.starts_with('$') => Some(s.s.to_string()),
            _ => None,
        })
        .collect()
}

impl Vm {
    /// The name to suggest for an uncaught NameError/AttributeError, as CPython prints it.
    pub fn suggestion_for(&mut self, exc: &Exc) -> Option<String> {
        let cls = exc.class();
        let name = match exc.dict.borrow().get("name") {
            Some(Value::Str(s)) => s.s.to_string(),
            _ => return None,
        };
        if cls.is_subtype(&self.exc_type(ExcKind::AttributeError)) {
            let obj = exc.dict.borrow().get("obj").cloned()?;
            let dir = self.builtins.get_str("dir")?;
            let names = self.call(&dir, &[obj], &[]).ok()?;
            let Value::List(l) = names else {
                return None;
            };
            let items = str_keys(l.items.borrow().clone());
            return calculate(&items, &name);
        }
        if !cls.is_subtype(&self.exc_type(ExcKind::NameError)) {
            return None;
        }
        // The frame where the name was looked up: its locals, then the script's globals,
        // then the builtins.
        let tb = exc.exc().map(|d| d.borrow().tb.clone()).unwrap_or_default();
        if let Some(inner) = tb.first() {
            let co = &inner.code.co;
            let locals: Vec<String> = co
                .varnames
                .iter()
                .chain(co.cellvars.iter().filter(|c| !co.varnames.contains(c)))
                .map(|s| s.to_string())
                .collect();
            if let Some(s) = calculate(&locals, &name) {
                return Some(s);
            }
        }
        if let Some(Value::Module(m)) = self.modules.get_str("__main__") {
            let globals = str_keys(m.dict.t.borrow().keys());
            if let Some(s) = calculate(&globals, &name) {
                return Some(s);
            }
        }
        let builtins = str_keys(self.builtins.t.borrow().keys());
        calculate(&builtins, &name)
    }
}

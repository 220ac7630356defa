//! The matcher: CPython's `SRE(match)` and `SRE(search)` (Modules/_sre/sre_lib.h) told in Rust.
//!
//! The pattern is the list of opcodes `re._compiler` builds. Matching is backtracking, as in
//! sre, and like sre it keeps its backtracking points in an explicit stack of contexts instead
//! of the Rust stack: a child context is pushed where sre "jumps" into a sub-match and, when it
//! returns, the parent resumes at the point its `Jump` names. Every opcode costs one unit of
//! fuel, so a catastrophic pattern ends with `Error::OutOfFuel` instead of hanging the tab.
//! The code comes from Python (scripts can call `_sre.compile` themselves), so every read of it
//! is checked: a malformed program is `Error::Illegal`, never a panic.

use crate::vm::strops;

pub const MAXREPEAT: u32 = u32::MAX;

/// Opcodes, in `re._constants.OPCODES` order.
mod op {
    pub const FAILURE: u32 = 0;
    pub const SUCCESS: u32 = 1;
    pub const ANY: u32 = 2;
    pub const ANY_ALL: u32 = 3;
    pub const ASSERT: u32 = 4;
    pub const ASSERT_NOT: u32 = 5;
    pub const AT: u32 = 6;
    pub const BRANCH: u32 = 7;
    pub const CATEGORY: u32 = 8;
    pub const CHARSET: u32 = 9;
    pub const BIGCHARSET: u32 = 10;
    pub const GROUPREF: u32 = 11;
    pub const GROUPREF_EXISTS: u32 = 12;
    pub const IN: u32 = 13;
    pub const INFO: u32 = 14;
    pub const JUMP: u32 = 15;
    pub const LITERAL: u32 = 16;
    pub const MARK: u32 = 17;
    pub const MAX_UNTIL: u32 = 18;
    pub const MIN_UNTIL: u32 = 19;
    pub const NOT_LITERAL: u32 = 20;
    pub const NEGATE: u32 = 21;
    pub const RANGE: u32 = 22;
    pub const REPEAT: u32 = 23;
    pub const REPEAT_ONE: u32 = 24;
    pub const MIN_REPEAT_ONE: u32 = 26;
    pub const ATOMIC_GROUP: u32 = 27;
    pub const POSSESSIVE_REPEAT: u32 = 28;
    pub const POSSESSIVE_REPEAT_ONE: u32 = 29;
    pub const GROUPREF_IGNORE: u32 = 30;
    pub const IN_IGNORE: u32 = 31;
    pub const LITERAL_IGNORE: u32 = 32;
    pub const NOT_LITERAL_IGNORE: u32 = 33;
    pub const GROUPREF_LOC_IGNORE: u32 = 34;
    pub const IN_LOC_IGNORE: u32 = 35;
    pub const LITERAL_LOC_IGNORE: u32 = 36;
    pub const NOT_LITERAL_LOC_IGNORE: u32 = 37;
    pub const GROUPREF_UNI_IGNORE: u32 = 38;
    pub const IN_UNI_IGNORE: u32 = 39;
    pub const LITERAL_UNI_IGNORE: u32 = 40;
    pub const NOT_LITERAL_UNI_IGNORE: u32 = 41;
    pub const RANGE_UNI_IGNORE: u32 = 42;
}

/// `AT` codes, in `re._constants.ATCODES` order.
mod at {
    pub const BEGINNING: u32 = 0;
    pub const BEGINNING_LINE: u32 = 1;
    pub const BEGINNING_STRING: u32 = 2;
    pub const BOUNDARY: u32 = 3;
    pub const NON_BOUNDARY: u32 = 4;
    pub const END: u32 = 5;
    pub const END_LINE: u32 = 6;
    pub const END_STRING: u32 = 7;
    pub const LOC_BOUNDARY: u32 = 8;
    pub const LOC_NON_BOUNDARY: u32 = 9;
    pub const UNI_BOUNDARY: u32 = 10;
    pub const UNI_NON_BOUNDARY: u32 = 11;
}

const INFO_PREFIX: u32 = 1;
const INFO_LITERAL: u32 = 2;
const INFO_CHARSET: u32 = 4;

#[derive(Debug, PartialEq, Eq)]
pub enum Error {
    /// The step budget ran out (a catastrophic pattern, or a long script).
    OutOfFuel,
    /// The program is not one `re._compiler` makes.
    Illegal,
    /// The backtracking stack outgrew `State::max_depth`.
    Memory,
}

type R<T> = Result<T, Error>;

fn ch(c: u32) -> Option<char> {
    char::from_u32(c)
}

pub fn ascii_lower(c: u32) -> u32 {
    if (b'A' as u32..=b'Z' as u32).contains(&c) {
        c + 32
    } else {
        c
    }
}

fn ascii_upper(c: u32) -> u32 {
    if (b'a' as u32..=b'z' as u32).contains(&c) {
        c - 32
    } else {
        c
    }
}

/// `_PyUnicode_ToLowercase`: the simple (one character) mapping. Rust knows the full one; the
/// only character whose full lowercase is longer (U+0130) maps simply to its first character.
pub fn unicode_lower(c: u32) -> u32 {
    if c < 128 {
        return ascii_lower(c);
    }
    match ch(c) {
        Some(x) => x.to_lowercase().next().map_or(c, |l| l as u32),
        None => c,
    }
}

/// `_PyUnicode_ToUppercase`: the simple mapping; characters whose full uppercase is longer
/// (ß, ŉ, ...) have none and stay themselves.
pub fn unicode_upper(c: u32) -> u32 {
    if c < 128 {
        return ascii_upper(c);
    }
    match ch(c) {
        Some(x) => {
            let mut u = x.to_uppercase();
            match (u.next(), u.next()) {
                (Some(one), None) => one as u32,
                _ => c,
            }
        }
        None => c,
    }
}

pub fn ascii_iscased(c: u32) -> bool {
    c < 128 && (c as u8).is_ascii_alphabetic()
}

pub fn unicode_iscased(c: u32) -> bool {
    c != unicode_lower(c) || c != unicode_upper(c)
}

fn is_ascii_space(c: u32) -> bool {
    matches!(c, 9..=13 | 32)
}

fn is_ascii_word(c: u32) -> bool {
    c < 128 && ((c as u8).is_ascii_alphanumeric() || c == b'_' as u32)
}

fn is_uni_word(c: u32) -> bool {
    if c < 128 {
        return is_ascii_word(c);
    }
    match ch(c) {
        Some('_') => true,
        Some(x) => {
            strops::is_alpha_char(x)
                || strops::is_decimal_char(x)
                || strops::is_digit_char(x)
                || strops::is_numeric_char(x)
        }
        None => false,
    }
}

fn category(code: u32, c: u32) -> bool {
    let uni = |f: fn(char) -> bool| ch(c).is_some_and(f);
    match code {
        0 => c < 128 && (c as u8).is_ascii_digit(),
        1 => !(c < 128 && (c as u8).is_ascii_digit()),
        2 => is_ascii_space(c),
        3 => !is_ascii_space(c),
        4 | 8 => is_ascii_word(c),
        5 | 9 => !is_ascii_word(c),
        6 => c == 10,
        7 => c != 10,
        10 => uni(strops::is_decimal_char),
        11 => !uni(strops::is_decimal_char),
        12 => uni(strops::is_space),
        13 => !uni(strops::is_space),
        14 => is_uni_word(c),
        15 => !is_uni_word(c),
        16 => uni(strops::is_linebreak),
        17 => !uni(strops::is_linebreak),
        _ => false,
    }
}

/// A `REPEAT` in progress (sre's `SRE_REPEAT`): its count, where its operands start, the
/// repeat it is nested in, and where the last iteration started (zero-width protection).
struct Repeat {
    count: isize,
    pc: usize,
    prev: Option<usize>,
    last_ptr: Option<usize>,
}

/// Where a parent context resumes once its child returns (sre's `JUMP_*` labels).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Jump {
    None,
    MaxUntil1,
    MaxUntil2,
    MaxUntil3,
    MinUntil1,
    MinUntil2,
    MinUntil3,
    Repeat,
    RepeatOne1,
    RepeatOne2,
    MinRepeatOne,
    Branch,
    Assert,
    AssertNot,
    PossRepeat1,
    PossRepeat2,
    AtomicGroup,
}

/// One activation of the matcher (sre's `match_context`).
struct Ctx {
    /// The operands of the opcode that made the call (the opcode is `code[pc - 1]`).
    pc: usize,
    ptr: usize,
    count: isize,
    chr: u32,
    rep: usize,
    lastmark: isize,
    lastindex: isize,
    toplevel: bool,
    /// POSSESSIVE_REPEAT has started its optional iterations.
    poss_started: bool,
    /// How the parent resumes when this context returns.
    jump: Jump,
}

impl Ctx {
    fn new(pc: usize, toplevel: bool, jump: Jump) -> Ctx {
        Ctx {
            pc,
            ptr: 0,
            count: 0,
            chr: 0,
            rep: 0,
            lastmark: -1,
            lastindex: -1,
            toplevel,
            poss_started: false,
            jump,
        }
    }
}

/// The memory one backtracking context takes.
pub const CTX_BYTES: usize = std::mem::size_of::<Ctx>();

/// What the interpreter does next.
enum Act {
    /// Start a new context at its pattern (after the `INFO` check).
    Enter,
    /// Go on with the current context at `pc`, `ptr`.
    Run(usize, usize),
    /// Push a child context: its pattern, toplevel flag and the parent's resume point; the
    /// parent's `pc`/`ptr` are saved first.
    Call {
        pc: usize,
        ptr: usize,
        child: usize,
        toplevel: bool,
        jump: Jump,
    },
    /// The current context returns this result.
    Return(bool),
}

/// The state of one match or search over `s` (sre's `SRE_STATE`).
pub struct State<'a> {
    code: &'a [u32],
    s: &'a [u32],
    /// Where the current attempt starts (moved by `search` and by iteration).
    pub start: usize,
    pub end: usize,
    /// Where the match ended (after success), and the start position of sub-matches.
    pub ptr: usize,
    pub marks: Vec<Option<usize>>,
    pub lastmark: isize,
    pub lastindex: isize,
    repeat: Option<usize>,
    reps: Vec<Repeat>,
    mark_stack: Vec<Option<usize>>,
    lp_stack: Vec<Option<usize>>,
    /// `fullmatch`: success only at `end`.
    pub match_all: bool,
    /// After an empty match, the next one must not be empty at the same place.
    pub must_advance: bool,
    /// Steps left before `Error::OutOfFuel`.
    pub fuel: u64,
    /// Two marks per capturing group: a `MARK` beyond them is a malformed program.
    nmarks: usize,
    /// Contexts the backtracking stack may hold (the memory the run may still use).
    pub max_depth: usize,
    /// `count` runs one-character items as sub-matches; `re._compiler` never nests them, a
    /// hand-made program could (and would overflow the Rust stack).
    nesting: u32,
    /// The context stack of the last `run`, kept for the next (a search runs one per
    /// position: no allocation each time).
    spare: Vec<Ctx>,
}

impl<'a> State<'a> {
    /// A state over `s[..end]` starting at `start` (both already clamped by the caller).
    pub fn new(
        code: &'a [u32],
        s: &'a [u32],
        groups: usize,
        (start, end): (usize, usize),
        fuel: u64,
    ) -> Self {
        State {
            code,
            s,
            start,
            end,
            ptr: start,
            marks: Vec::new(),
            lastmark: -1,
            lastindex: -1,
            repeat: None,
            reps: Vec::new(),
            mark_stack: Vec::new(),
            lp_stack: Vec::new(),
            match_all: false,
            must_advance: false,
            fuel,
            nmarks: 2 * groups,
            max_depth: usize::MAX,
            nesting: 0,
            spare: Vec::new(),
        }
    }

    /// Forget the previous attempt's groups (sre's `state_reset`).
    pub fn reset(&mut self) {
        self.lastmark = -1;
        self.lastindex = -1;
        self.repeat = None;
        self.reps.clear();
        self.mark_stack.clear();
        self.lp_stack.clear();
    }

    /// The span of group `g` (1-based) if it took part in the match.
    pub fn group_span(&self, g: usize) -> Option<(usize, usize)> {
        let j = 2 * (g - 1);
        if (j + 1) as isize > self.lastmark {
            return None;
        }
        match (
            self.marks.get(j).copied().flatten(),
            self.marks.get(j + 1).copied().flatten(),
        ) {
            (Some(a), Some(b)) if a <= b => Some((a, b)),
            _ => None,
        }
    }

    fn code_at(&self, i: usize) -> R<u32> {
        self.code.get(i).copied().ok_or(Error::Illegal)
    }

    fn at(&self, ptr: usize, code: u32) -> bool {
        let s = self.s;
        let end = self.end;
        let prev_is = |f: fn(u32) -> bool| ptr > 0 && s.get(ptr - 1).is_some_and(|&c| f(c));
        let this_is = |f: fn(u32) -> bool| ptr < end && s.get(ptr).is_some_and(|&c| f(c));
        let boundary = |f: fn(u32) -> bool| {
            if end == 0 {
                None
            } else {
                Some(prev_is(f) != this_is(f))
            }
        };
        match code {
            at::BEGINNING | at::BEGINNING_STRING => ptr == 0,
            at::BEGINNING_LINE => ptr == 0 || prev_is(|c| c == 10),
            at::END => (ptr + 1 == end && s.get(ptr) == Some(&10)) || ptr == end,
            at::END_LINE => ptr == end || this_is(|c| c == 10),
            at::END_STRING => ptr == end,
            at::BOUNDARY | at::LOC_BOUNDARY => boundary(is_ascii_word) == Some(true),
            at::NON_BOUNDARY | at::LOC_NON_BOUNDARY => boundary(is_ascii_word) == Some(false),
            at::UNI_BOUNDARY => boundary(is_uni_word) == Some(true),
            at::UNI_NON_BOUNDARY => boundary(is_uni_word) == Some(false),
            _ => false,
        }
    }

    /// Whether `c` is in the set starting at `code[pc]` (sre's `SRE(charset)`).
    fn in_charset(&self, mut pc: usize, c: u32) -> R<bool> {
        let mut ok = true;
        loop {
            let o = self.code_at(pc)?;
            pc += 1;
            match o {
                op::FAILURE => return Ok(!ok),
                op::LITERAL => {
                    if c == self.code_at(pc)? {
                        return Ok(ok);
                    }
                    pc += 1;
                }
                op::CATEGORY => {
                    if category(self.code_at(pc)?, c) {
                        return Ok(ok);
                    }
                    pc += 1;
                }
                op::CHARSET => {
                    if c < 256 && self.code_at(pc + (c as usize >> 5))? & (1 << (c & 31)) != 0 {
                        return Ok(ok);
                    }
                    pc += 8;
                }
                op::RANGE => {
                    if self.code_at(pc)? <= c && c <= self.code_at(pc + 1)? {
                        return Ok(ok);
                    }
                    pc += 2;
                }
                op::RANGE_UNI_IGNORE => {
                    let (lo, hi) = (self.code_at(pc)?, self.code_at(pc + 1)?);
                    if lo <= c && c <= hi {
                        return Ok(ok);
                    }
                    let u = unicode_upper(c);
                    if lo <= u && u <= hi {
                        return Ok(ok);
                    }
                    pc += 2;
                }
                op::NEGATE => ok = !ok,
                op::BIGCHARSET => {
                    // <BIGCHARSET> <blockcount> <256 block indices as bytes> <blocks>
                    let count = self.code_at(pc)? as usize;
                    pc += 1;
                    if c < 0x10000 {
                        let hi = (c >> 8) as usize;
                        let word = self.code_at(pc + hi / 4)?;
                        let block = (word.to_le_bytes())[hi % 4] as usize;
                        let bit = block * 256 + (c as usize & 255);
                        if self.code_at(pc + 64 + bit / 32)? & (1 << (bit & 31)) != 0 {
                            return Ok(ok);
                        }
                    }
                    pc += 64 + count * 8;
                }
                _ => return Err(Error::Illegal),
            }
        }
    }

    fn in_charset_loc_ignore(&self, pc: usize, c: u32) -> R<bool> {
        let lo = ascii_lower(c);
        if self.in_charset(pc, lo)? {
            return Ok(true);
        }
        let up = ascii_upper(c);
        Ok(up != lo && self.in_charset(pc, up)?)
    }

    fn char_loc_ignore(pattern: u32, c: u32) -> bool {
        c == pattern || ascii_lower(c) == pattern || ascii_upper(c) == pattern
    }

    fn burn(&mut self) -> R<()> {
        if self.fuel == 0 {
            return Err(Error::OutOfFuel);
        }
        self.fuel -= 1;
        Ok(())
    }

    /// How many times (up to `maxcount`) the one-character item at `pc` matches from
    /// `self.ptr` (sre's `SRE(count)`).
    fn count(&mut self, pc: usize, maxcount: u32) -> R<usize> {
        let start = self.ptr;
        let mut end = self.end;
        if maxcount != MAXREPEAT && (maxcount as usize) < end.saturating_sub(start) {
            end = start + maxcount as usize;
        }
        let s = self.s;
        let mut p = start;
        let arg = self.code.get(pc + 1).copied().unwrap_or(0);
        let scan = |p: &mut usize, f: &dyn Fn(u32) -> bool| {
            while *p < end && s.get(*p).is_some_and(|&c| f(c)) {
                *p += 1;
            }
        };
        match self.code_at(pc)? {
            op::IN => {
                while p < end && self.in_charset(pc + 2, s.get(p).copied().unwrap_or(0))? {
                    p += 1;
                }
            }
            op::ANY => scan(&mut p, &|c| c != 10),
            op::ANY_ALL => p = end.max(start),
            op::LITERAL => scan(&mut p, &|c| c == arg),
            op::LITERAL_IGNORE => scan(&mut p, &|c| ascii_lower(c) == arg),
            op::LITERAL_UNI_IGNORE => scan(&mut p, &|c| unicode_lower(c) == arg),
            op::LITERAL_LOC_IGNORE => scan(&mut p, &|c| Self::char_loc_ignore(arg, c)),
            op::NOT_LITERAL => scan(&mut p, &|c| c != arg),
            op::NOT_LITERAL_IGNORE => scan(&mut p, &|c| ascii_lower(c) != arg),
            op::NOT_LITERAL_UNI_IGNORE => scan(&mut p, &|c| unicode_lower(c) != arg),
            op::NOT_LITERAL_LOC_IGNORE => scan(&mut p, &|c| !Self::char_loc_ignore(arg, c)),
            _ => {
                // A general one-character item: run it as a sub-match. Its code has no
                // repeats (re._compiler's `_simple`), so this nests one level only.
                if self.nesting > 8 {
                    return Err(Error::Illegal);
                }
                while self.ptr < end {
                    let here = self.ptr;
                    self.nesting += 1;
                    let r = self.run(pc, false);
                    self.nesting -= 1;
                    if !r? || self.ptr <= here {
                        self.ptr = here;
                        break;
                    }
                }
                let n = self.ptr.saturating_sub(start);
                self.ptr = start;
                return Ok(n);
            }
        }
        Ok(p - start)
    }

    fn mark_push(&mut self, lastmark: isize) {
        if lastmark >= 0 {
            let n = (lastmark as usize + 1).min(self.marks.len());
            self.mark_stack.extend_from_slice(&self.marks[..n]);
        }
    }

    /// Restore the marks pushed for `lastmark`, dropping them from the stack if `discard`.
    fn mark_pop(&mut self, lastmark: isize, discard: bool) {
        if lastmark >= 0 {
            // Pushed by `mark_push` with the same `lastmark`, so `n` entries are there.
            let n = (lastmark as usize + 1)
                .min(self.marks.len())
                .min(self.mark_stack.len());
            let from = self.mark_stack.len() - n;
            self.marks[..n].copy_from_slice(&self.mark_stack[from..]);
            if discard {
                self.mark_stack.truncate(from);
            }
        }
    }

    fn mark_discard(&mut self, lastmark: isize) {
        if lastmark >= 0 {
            let n = (lastmark as usize + 1).min(self.marks.len());
            let from = self.mark_stack.len().saturating_sub(n);
            self.mark_stack.truncate(from);
        }
    }

    fn set_mark(&mut self, i: usize, ptr: usize) {
        if i & 1 == 1 {
            self.lastindex = (i / 2 + 1) as isize;
        }
        if self.marks.len() <= i {
            self.marks.resize(i + 1, None);
        }
        if i as isize > self.lastmark {
            for j in (self.lastmark + 1) as usize..i {
                self.marks[j] = None;
            }
            self.lastmark = i as isize;
        }
        self.marks[i] = Some(ptr);
    }

    /// The span of group `g` (0-based, as in `GROUPREF`) as sre's backreferences see it.
    fn ref_span(&self, g: u32) -> Option<(usize, usize)> {
        let i = 2 * g as usize;
        if i as isize >= self.lastmark {
            return None;
        }
        match (
            self.marks.get(i).copied().flatten(),
            self.marks.get(i + 1).copied().flatten(),
        ) {
            (Some(a), Some(b)) if a <= b => Some((a, b)),
            _ => None,
        }
    }

    fn rep(&mut self, i: usize) -> R<&mut Repeat> {
        self.reps.get_mut(i).ok_or(Error::Illegal)
    }

    /// Match at `self.ptr` (sre's `SRE(match)` from the top of the program).
    pub fn do_match(&mut self) -> R<bool> {
        self.run(0, true)
    }

    /// sre's `SRE(match)`: the pattern at `pc` against the text at `self.ptr`.
    fn run(&mut self, pc: usize, toplevel: bool) -> R<bool> {
        let mut stack = std::mem::take(&mut self.spare);
        stack.clear();
        stack.push(Ctx::new(pc, toplevel, Jump::None));
        let r = self.run_on(&mut stack);
        self.spare = stack;
        r
    }

    fn run_on(&mut self, stack: &mut Vec<Ctx>) -> R<bool> {
        let mut act = Act::Enter;
        loop {
            act = match act {
                Act::Enter => {
                    let Some(ctx) = stack.last() else {
                        return Err(Error::Illegal);
                    };
                    let (mut pc, ptr) = (ctx.pc, self.ptr);
                    if self.code_at(pc)? == op::INFO {
                        let min = self.code_at(pc + 3)? as usize;
                        if min != 0 && self.end.saturating_sub(ptr) < min {
                            Act::Return(false)
                        } else {
                            pc += self.code_at(pc + 1)? as usize + 1;
                            Act::Run(pc, ptr)
                        }
                    } else {
                        Act::Run(pc, ptr)
                    }
                }
                Act::Run(pc, ptr) => {
                    let Some(ctx) = stack.last_mut() else {
                        return Err(Error::Illegal);
                    };
                    self.step(ctx, pc, ptr)?
                }
                Act::Call {
                    pc,
                    ptr,
                    child,
                    toplevel,
                    jump,
                } => {
                    if let Some(ctx) = stack.last_mut() {
                        ctx.pc = pc;
                        ctx.ptr = ptr;
                    }
                    if stack.len() >= self.max_depth {
                        return Err(Error::Memory);
                    }
                    stack.push(Ctx::new(child, toplevel, jump));
                    Act::Enter
                }
                Act::Return(ret) => {
                    let Some(done) = stack.pop() else {
                        return Err(Error::Illegal);
                    };
                    match stack.last_mut() {
                        None => return Ok(ret),
                        Some(ctx) => self.resume(ctx, done.jump, ret)?,
                    }
                }
            };
        }
    }

    /// Run opcodes of `ctx` from `pc` until it calls a child or returns.
    fn step(&mut self, ctx: &mut Ctx, mut pc: usize, mut ptr: usize) -> R<Act> {
        let end = self.end;
        loop {
            self.burn()?;
            let o = self.code_at(pc)?;
            pc += 1;
            // The subject character at `ptr`, if any.
            let cur = if ptr < end {
                self.s.get(ptr).copied()
            } else {
                None
            };
            macro_rules! fail {
                () => {
                    return Ok(Act::Return(false))
                };
            }
            macro_rules! one_char {
                ($ok:expr) => {{
                    match cur {
                        Some(c) if ($ok)(c)? => {
                            ptr += 1;
                        }
                        _ => fail!(),
                    }
                }};
            }
            match o {
                op::MARK => {
                    let i = self.code_at(pc)? as usize;
                    if i >= self.nmarks {
                        return Err(Error::Illegal);
                    }
                    self.set_mark(i, ptr);
                    pc += 1;
                }
                op::LITERAL => {
                    let a = self.code_at(pc)?;
                    one_char!(|c| R::Ok(c == a));
                    pc += 1;
                }
                op::NOT_LITERAL => {
                    let a = self.code_at(pc)?;
                    one_char!(|c| R::Ok(c != a));
                    pc += 1;
                }
                op::LITERAL_IGNORE => {
                    let a = self.code_at(pc)?;
                    one_char!(|c| R::Ok(ascii_lower(c) == a));
                    pc += 1;
                }
                op::NOT_LITERAL_IGNORE => {
                    let a = self.code_at(pc)?;
                    one_char!(|c| R::Ok(ascii_lower(c) != a));
                    pc += 1;
                }
                op::LITERAL_UNI_IGNORE => {
                    let a = self.code_at(pc)?;
                    one_char!(|c| R::Ok(unicode_lower(c) == a));
                    pc += 1;
                }
                op::NOT_LITERAL_UNI_IGNORE => {
                    let a = self.code_at(pc)?;
                    one_char!(|c| R::Ok(unicode_lower(c) != a));
                    pc += 1;
                }
                op::LITERAL_LOC_IGNORE => {
                    let a = self.code_at(pc)?;
                    one_char!(|c| R::Ok(Self::char_loc_ignore(a, c)));
                    pc += 1;
                }
                op::NOT_LITERAL_LOC_IGNORE => {
                    let a = self.code_at(pc)?;
                    one_char!(|c| R::Ok(!Self::char_loc_ignore(a, c)));
                    pc += 1;
                }
                op::SUCCESS => {
                    if ctx.toplevel
                        && ((self.match_all && ptr != end)
                            || (self.must_advance && ptr == self.start))
                    {
                        fail!();
                    }
                    self.ptr = ptr;
                    return Ok(Act::Return(true));
                }
                op::AT => {
                    if !self.at(ptr, self.code_at(pc)?) {
                        fail!();
                    }
                    pc += 1;
                }
                op::CATEGORY => {
                    let a = self.code_at(pc)?;
                    one_char!(|c| R::Ok(category(a, c)));
                    pc += 1;
                }
                op::ANY => {
                    one_char!(|c| R::Ok(c != 10));
                }
                op::ANY_ALL => {
                    one_char!(|_| R::Ok(true));
                }
                op::IN => {
                    one_char!(|c| self.in_charset(pc + 1, c));
                    pc += self.code_at(pc)? as usize;
                }
                op::IN_IGNORE => {
                    one_char!(|c| self.in_charset(pc + 1, ascii_lower(c)));
                    pc += self.code_at(pc)? as usize;
                }
                op::IN_UNI_IGNORE => {
                    one_char!(|c| self.in_charset(pc + 1, unicode_lower(c)));
                    pc += self.code_at(pc)? as usize;
                }
                op::IN_LOC_IGNORE => {
                    one_char!(|c| self.in_charset_loc_ignore(pc + 1, c));
                    pc += self.code_at(pc)? as usize;
                }
                op::JUMP | op::INFO => {
                    pc += self.code_at(pc)? as usize;
                }
                op::BRANCH => {
                    ctx.lastmark = self.lastmark;
                    ctx.lastindex = self.lastindex;
                    if self.repeat.is_some() {
                        self.mark_push(ctx.lastmark);
                    }
                    return self.branch_next(ctx, pc, ptr);
                }
                op::REPEAT_ONE | op::MIN_REPEAT_ONE | op::POSSESSIVE_REPEAT_ONE => {
                    // <op> <skip> <1=min> <2=max> item <SUCCESS> tail
                    let min = self.code_at(pc + 1)? as usize;
                    let max = self.code_at(pc + 2)?;
                    if min > end.saturating_sub(ptr) {
                        fail!();
                    }
                    self.ptr = ptr;
                    let tail = pc + self.code_at(pc)? as usize;
                    let tail_op = self.code_at(tail)?;
                    if o == op::MIN_REPEAT_ONE {
                        ctx.count = 0;
                        if min > 0 {
                            let n = self.count(pc + 3, min as u32)?;
                            if n < min {
                                fail!();
                            }
                            ctx.count = n as isize;
                            ptr += n;
                        }
                        if tail_op == op::SUCCESS
                            && !(ctx.toplevel
                                && ((self.match_all && ptr != end)
                                    || (self.must_advance && ptr == self.start)))
                        {
                            self.ptr = ptr;
                            return Ok(Act::Return(true));
                        }
                        ctx.lastmark = self.lastmark;
                        ctx.lastindex = self.lastindex;
                        if self.repeat.is_some() {
                            self.mark_push(ctx.lastmark);
                        }
                        return self.min_repeat_one_next(ctx, pc, ptr);
                    }
                    let n = self.count(pc + 3, max)?;
                    ctx.count = n as isize;
                    ptr += n;
                    if n < min {
                        fail!();
                    }
                    if tail_op == op::SUCCESS
                        && ptr == end
                        && !(ctx.toplevel && self.must_advance && ptr == self.start)
                    {
                        self.ptr = ptr;
                        return Ok(Act::Return(true));
                    }
                    if o == op::POSSESSIVE_REPEAT_ONE {
                        pc = tail;
                        continue;
                    }
                    ctx.lastmark = self.lastmark;
                    ctx.lastindex = self.lastindex;
                    if self.repeat.is_some() {
                        self.mark_push(ctx.lastmark);
                    }
                    if tail_op == op::LITERAL {
                        ctx.chr = self.code_at(tail + 1)?;
                        return self.repeat_one_next(ctx, pc, ptr, true);
                    }
                    return self.repeat_one_next(ctx, pc, ptr, false);
                }
                op::REPEAT => {
                    // <REPEAT> <skip> <1=min> <2=max> item <UNTIL> tail
                    self.reps.push(Repeat {
                        count: -1,
                        pc,
                        prev: self.repeat,
                        last_ptr: None,
                    });
                    ctx.rep = self.reps.len() - 1;
                    self.repeat = Some(ctx.rep);
                    self.ptr = ptr;
                    let child = pc + self.code_at(pc)? as usize;
                    return Ok(self.call(ctx, pc, ptr, child, Jump::Repeat));
                }
                op::MAX_UNTIL | op::MIN_UNTIL => {
                    let Some(r) = self.repeat else {
                        return Err(Error::Illegal);
                    };
                    ctx.rep = r;
                    self.ptr = ptr;
                    let (count, rpc) = {
                        let rep = self.rep(r)?;
                        (rep.count + 1, rep.pc)
                    };
                    ctx.count = count;
                    let min = self.code_at(rpc + 1)? as isize;
                    let max = self.code_at(rpc + 2)?;
                    if count < min {
                        // not enough matches
                        self.rep(r)?.count = count;
                        let jump = if o == op::MAX_UNTIL {
                            Jump::MaxUntil1
                        } else {
                            Jump::MinUntil1
                        };
                        return Ok(self.call(ctx, pc, ptr, rpc + 3, jump));
                    }
                    if o == op::MIN_UNTIL {
                        // see if the tail matches
                        self.repeat = self.rep(r)?.prev;
                        ctx.lastmark = self.lastmark;
                        ctx.lastindex = self.lastindex;
                        if self.repeat.is_some() {
                            self.mark_push(ctx.lastmark);
                        }
                        return Ok(self.call(ctx, pc, ptr, pc, Jump::MinUntil2));
                    }
                    let last_ptr = self.rep(r)?.last_ptr;
                    if (count < max as isize || max == MAXREPEAT) && Some(ptr) != last_ptr {
                        // we may have enough matches, but if we can match another item, do so
                        self.rep(r)?.count = count;
                        ctx.lastmark = self.lastmark;
                        ctx.lastindex = self.lastindex;
                        self.mark_push(ctx.lastmark);
                        self.lp_stack.push(last_ptr);
                        self.rep(r)?.last_ptr = Some(ptr);
                        return Ok(self.call(ctx, pc, ptr, rpc + 3, Jump::MaxUntil2));
                    }
                    return self.max_until_tail(ctx, pc, ptr);
                }
                op::POSSESSIVE_REPEAT => {
                    // <POSSESSIVE_REPEAT> <skip> <1=min> <2=max> pattern <SUCCESS> tail
                    self.ptr = ptr;
                    ctx.count = 0;
                    return self.poss_repeat_next(ctx, pc, ptr);
                }
                op::ATOMIC_GROUP => {
                    // <ATOMIC_GROUP> <skip> pattern <SUCCESS> tail
                    self.ptr = ptr;
                    return Ok(Act::Call {
                        pc,
                        ptr,
                        child: pc + 1,
                        toplevel: false,
                        jump: Jump::AtomicGroup,
                    });
                }
                op::GROUPREF
                | op::GROUPREF_IGNORE
                | op::GROUPREF_UNI_IGNORE
                | op::GROUPREF_LOC_IGNORE => {
                    let Some((a, b)) = self.ref_span(self.code_at(pc)?) else {
                        fail!();
                    };
                    let fold: fn(u32) -> u32 = match o {
                        op::GROUPREF => |c| c,
                        op::GROUPREF_UNI_IGNORE => unicode_lower,
                        _ => ascii_lower,
                    };
                    for i in a..b {
                        let want = self.s.get(i).copied().map(fold);
                        let got = if ptr < end {
                            self.s.get(ptr).copied().map(fold)
                        } else {
                            None
                        };
                        if got.is_none() || got != want {
                            fail!();
                        }
                        ptr += 1;
                    }
                    pc += 1;
                }
                op::GROUPREF_EXISTS => {
                    // <GROUPREF_EXISTS> <group> <skip> codeyes <JUMP> codeno ...
                    if self.ref_span(self.code_at(pc)?).is_some() {
                        pc += 2;
                    } else {
                        pc += self.code_at(pc + 1)? as usize;
                    }
                }
                op::ASSERT | op::ASSERT_NOT => {
                    // <ASSERT> <skip> <back> <pattern>
                    let back = self.code_at(pc + 1)? as usize;
                    if o == op::ASSERT {
                        if ptr < back {
                            fail!();
                        }
                        self.ptr = ptr - back;
                        return Ok(self.call0(pc, ptr, pc + 2, Jump::Assert));
                    }
                    if ptr >= back {
                        self.ptr = ptr - back;
                        ctx.lastmark = self.lastmark;
                        ctx.lastindex = self.lastindex;
                        if self.repeat.is_some() {
                            self.mark_push(ctx.lastmark);
                        }
                        return Ok(self.call0(pc, ptr, pc + 2, Jump::AssertNot));
                    }
                    pc += self.code_at(pc)? as usize;
                }
                op::FAILURE => fail!(),
                _ => return Err(Error::Illegal),
            }
        }
    }

    fn call(&self, ctx: &Ctx, pc: usize, ptr: usize, child: usize, jump: Jump) -> Act {
        Act::Call {
            pc,
            ptr,
            child,
            toplevel: ctx.toplevel,
            jump,
        }
    }

    fn call0(&self, pc: usize, ptr: usize, child: usize, jump: Jump) -> Act {
        Act::Call {
            pc,
            ptr,
            child,
            toplevel: false,
            jump,
        }
    }

    fn lastmark_restore(&mut self, ctx: &Ctx) {
        self.lastmark = ctx.lastmark;
        self.lastindex = ctx.lastindex;
    }

    /// BRANCH: try the alternatives from the one whose skip word is at `pc`.
    fn branch_next(&mut self, ctx: &mut Ctx, mut pc: usize, ptr: usize) -> R<Act> {
        let cur = if ptr < self.end {
            self.s.get(ptr).copied()
        } else {
            None
        };
        loop {
            let skip = self.code_at(pc)? as usize;
            if skip == 0 {
                break;
            }
            let first = self.code_at(pc + 1)?;
            let skip_it = match first {
                op::LITERAL => cur != Some(self.code_at(pc + 2)?),
                op::IN => match cur {
                    None => true,
                    Some(c) => !self.in_charset(pc + 3, c)?,
                },
                _ => false,
            };
            if !skip_it {
                self.ptr = ptr;
                return Ok(self.call(ctx, pc, ptr, pc + 1, Jump::Branch));
            }
            pc += skip;
        }
        if self.repeat.is_some() {
            self.mark_discard(ctx.lastmark);
        }
        Ok(Act::Return(false))
    }

    /// REPEAT_ONE's backtracking loop: give back one character at a time.
    fn repeat_one_next(
        &mut self,
        ctx: &mut Ctx,
        pc: usize,
        mut ptr: usize,
        literal_tail: bool,
    ) -> R<Act> {
        let min = self.code_at(pc + 1)? as isize;
        let tail = pc + self.code_at(pc)? as usize;
        if literal_tail {
            // skip positions where the literal that starts the tail cannot match
            while ctx.count >= min && (ptr >= self.end || self.s.get(ptr).copied() != Some(ctx.chr))
            {
                ptr = ptr.wrapping_sub(1);
                ctx.count -= 1;
            }
        }
        if ctx.count < min {
            if self.repeat.is_some() {
                self.mark_discard(ctx.lastmark);
            }
            return Ok(Act::Return(false));
        }
        self.ptr = ptr;
        let jump = if literal_tail {
            Jump::RepeatOne1
        } else {
            Jump::RepeatOne2
        };
        Ok(self.call(ctx, pc, ptr, tail, jump))
    }

    /// MIN_REPEAT_ONE's loop: try the tail, then take one more character.
    fn min_repeat_one_next(&mut self, ctx: &mut Ctx, pc: usize, ptr: usize) -> R<Act> {
        let max = self.code_at(pc + 2)?;
        if max == MAXREPEAT || ctx.count <= max as isize {
            self.ptr = ptr;
            let tail = pc + self.code_at(pc)? as usize;
            return Ok(self.call(ctx, pc, ptr, tail, Jump::MinRepeatOne));
        }
        if self.repeat.is_some() {
            self.mark_discard(ctx.lastmark);
        }
        Ok(Act::Return(false))
    }

    /// MAX_UNTIL when no more items can be matched here: the tail must match.
    fn max_until_tail(&mut self, ctx: &mut Ctx, pc: usize, ptr: usize) -> R<Act> {
        self.repeat = self.rep(ctx.rep)?.prev;
        Ok(self.call(ctx, pc, ptr, pc, Jump::MaxUntil3))
    }

    /// POSSESSIVE_REPEAT: first the minimum, then as many more as match, never giving back.
    /// Until the minimum is reached `ptr` is where the repeat started; after it, where the
    /// last iteration started.
    fn poss_repeat_next(&mut self, ctx: &mut Ctx, pc: usize, ptr: usize) -> R<Act> {
        let min = self.code_at(pc + 1)? as isize;
        let max = self.code_at(pc + 2)?;
        if ctx.count < min {
            return Ok(self.call0(pc, ptr, pc + 3, Jump::PossRepeat1));
        }
        // Right after the minimum no iteration has been tried yet (sre's `ptr = NULL`).
        let last = if ctx.count == min && !ctx.poss_started {
            ctx.poss_started = true;
            None
        } else {
            Some(ptr)
        };
        if (ctx.count < max as isize || max == MAXREPEAT) && Some(self.ptr) != last {
            ctx.lastmark = self.lastmark;
            ctx.lastindex = self.lastindex;
            self.mark_push(ctx.lastmark);
            let here = self.ptr;
            return Ok(self.call0(pc, here, pc + 3, Jump::PossRepeat2));
        }
        let next = pc + self.code_at(pc)? as usize + 1;
        Ok(Act::Run(next, self.ptr))
    }

    /// Continue `ctx` after a child it called returned `ret`.
    fn resume(&mut self, ctx: &mut Ctx, jump: Jump, ret: bool) -> R<Act> {
        let (pc, ptr) = (ctx.pc, ctx.ptr);
        let success = Ok(Act::Return(true));
        let failure = Ok(Act::Return(false));
        match jump {
            Jump::None => Err(Error::Illegal),
            Jump::Branch => {
                if ret {
                    if self.repeat.is_some() {
                        self.mark_discard(ctx.lastmark);
                    }
                    return success;
                }
                if self.repeat.is_some() {
                    self.mark_pop(ctx.lastmark, false);
                }
                self.lastmark_restore(ctx);
                let next = pc + self.code_at(pc)? as usize;
                self.branch_next(ctx, next, ptr)
            }
            Jump::RepeatOne1 | Jump::RepeatOne2 => {
                if ret {
                    if self.repeat.is_some() {
                        self.mark_discard(ctx.lastmark);
                    }
                    return success;
                }
                if self.repeat.is_some() {
                    self.mark_pop(ctx.lastmark, false);
                }
                self.lastmark_restore(ctx);
                ctx.count -= 1;
                self.repeat_one_next(ctx, pc, ptr.wrapping_sub(1), jump == Jump::RepeatOne1)
            }
            Jump::MinRepeatOne => {
                if ret {
                    if self.repeat.is_some() {
                        self.mark_discard(ctx.lastmark);
                    }
                    return success;
                }
                if self.repeat.is_some() {
                    self.mark_pop(ctx.lastmark, false);
                }
                self.lastmark_restore(ctx);
                self.ptr = ptr;
                if self.count(pc + 3, 1)? == 0 {
                    if self.repeat.is_some() {
                        self.mark_discard(ctx.lastmark);
                    }
                    return failure;
                }
                ctx.count += 1;
                self.min_repeat_one_next(ctx, pc, ptr + 1)
            }
            Jump::Repeat => {
                self.repeat = self.rep(ctx.rep)?.prev;
                self.reps.truncate(ctx.rep);
                Ok(Act::Return(ret))
            }
            Jump::MaxUntil1 | Jump::MinUntil1 => {
                if ret {
                    return success;
                }
                self.rep(ctx.rep)?.count = ctx.count - 1;
                self.ptr = ptr;
                failure
            }
            Jump::MaxUntil2 => {
                let lp = self.lp_stack.pop().flatten();
                self.rep(ctx.rep)?.last_ptr = lp;
                if ret {
                    self.mark_discard(ctx.lastmark);
                    return success;
                }
                self.mark_pop(ctx.lastmark, true);
                self.lastmark_restore(ctx);
                self.rep(ctx.rep)?.count = ctx.count - 1;
                self.ptr = ptr;
                self.max_until_tail(ctx, pc, ptr)
            }
            Jump::MaxUntil3 => {
                self.repeat = Some(ctx.rep);
                if ret {
                    return success;
                }
                self.ptr = ptr;
                failure
            }
            Jump::MinUntil2 => {
                let repeat_of_tail = self.repeat;
                self.repeat = Some(ctx.rep);
                if ret {
                    if repeat_of_tail.is_some() {
                        self.mark_discard(ctx.lastmark);
                    }
                    return success;
                }
                if repeat_of_tail.is_some() {
                    self.mark_pop(ctx.lastmark, true);
                }
                self.lastmark_restore(ctx);
                self.ptr = ptr;
                let (rpc, last_ptr) = {
                    let rep = self.rep(ctx.rep)?;
                    (rep.pc, rep.last_ptr)
                };
                let max = self.code_at(rpc + 2)?;
                if (ctx.count >= max as isize && max != MAXREPEAT) || Some(ptr) == last_ptr {
                    return failure;
                }
                self.rep(ctx.rep)?.count = ctx.count;
                self.lp_stack.push(last_ptr);
                self.rep(ctx.rep)?.last_ptr = Some(ptr);
                Ok(self.call(ctx, pc, ptr, rpc + 3, Jump::MinUntil3))
            }
            Jump::MinUntil3 => {
                let lp = self.lp_stack.pop().flatten();
                self.rep(ctx.rep)?.last_ptr = lp;
                if ret {
                    return success;
                }
                self.rep(ctx.rep)?.count = ctx.count - 1;
                self.ptr = ptr;
                failure
            }
            Jump::PossRepeat1 => {
                if !ret {
                    self.ptr = ptr;
                    return failure;
                }
                ctx.count += 1;
                self.poss_repeat_next(ctx, pc, ptr)
            }
            Jump::PossRepeat2 => {
                if ret {
                    self.mark_discard(ctx.lastmark);
                    ctx.count += 1;
                    return self.poss_repeat_next(ctx, pc, ptr);
                }
                self.mark_pop(ctx.lastmark, true);
                self.lastmark_restore(ctx);
                self.ptr = ptr;
                let next = pc + self.code_at(pc)? as usize + 1;
                Ok(Act::Run(next, ptr))
            }
            Jump::AtomicGroup => {
                if !ret {
                    self.ptr = ptr;
                    return failure;
                }
                let next = pc + self.code_at(pc)? as usize;
                Ok(Act::Run(next, self.ptr))
            }
            Jump::Assert => {
                if !ret {
                    return failure;
                }
                let next = pc + self.code_at(pc)? as usize;
                Ok(Act::Run(next, ptr))
            }
            Jump::AssertNot => {
                if ret {
                    if self.repeat.is_some() {
                        self.mark_discard(ctx.lastmark);
                    }
                    return failure;
                }
                if self.repeat.is_some() {
                    self.mark_pop(ctx.lastmark, true);
                }
                self.lastmark_restore(ctx);
                let next = pc + self.code_at(pc)? as usize;
                Ok(Act::Run(next, ptr))
            }
        }
    }

    /// sre's `SRE(search)`: the first match at or after `self.start`.
    pub fn search(&mut self) -> R<bool> {
        let mut ptr = self.start;
        let end = self.end;
        if ptr > end {
            return Ok(false);
        }
        let mut pc = 0;
        let mut prefix: Option<(usize, usize, usize)> = None;
        let mut charset = None;
        let mut literal = false;
        if self.code_at(0)? == op::INFO {
            // <INFO> <1=skip> <2=flags> <3=min> <4=max> <5=prefix info>
            let flags = self.code_at(2)?;
            let min = self.code_at(3)? as usize;
            if min != 0 && end - ptr < min {
                return Ok(false);
            }
            if flags & INFO_PREFIX != 0 {
                // <length> <skip> <prefix data> <overlap data>
                prefix = Some((self.code_at(5)? as usize, self.code_at(6)? as usize, 7));
                literal = flags & INFO_LITERAL != 0;
            } else if flags & INFO_CHARSET != 0 {
                charset = Some(5);
            }
            pc = 1 + self.code_at(1)? as usize;
        }
        if let Some((len, skip, at)) = prefix.filter(|p| p.0 >= 1) {
            // The pattern starts with a literal prefix: look for its first character.
            let first = self.code_at(at)?;
            self.must_advance = false;
            while ptr < end {
                while self.s.get(ptr).copied() != Some(first) {
                    ptr += 1;
                    if ptr >= end {
                        return Ok(false);
                    }
                }
                let fits = len <= end - ptr
                    && (1..len)
                        .all(|i| self.s.get(ptr + i).copied() == self.code.get(at + i).copied());
                if fits {
                    self.start = ptr;
                    self.ptr = ptr + skip;
                    if literal && skip == len {
                        self.ptr = ptr + len;
                        return Ok(true);
                    }
                    if self.run(pc + 2 * skip, false)? {
                        return Ok(true);
                    }
                    self.reset();
                }
                self.burn()?;
                ptr += 1;
            }
            return Ok(false);
        }
        if let Some(set) = charset {
            self.must_advance = false;
            loop {
                while ptr < end && !self.in_charset(set, self.s.get(ptr).copied().unwrap_or(0))? {
                    ptr += 1;
                }
                if ptr >= end {
                    return Ok(false);
                }
                self.start = ptr;
                self.ptr = ptr;
                if self.run(pc, false)? {
                    return Ok(true);
                }
                ptr += 1;
                self.reset();
            }
        }
        self.start = ptr;
        self.ptr = ptr;
        let mut status = self.run(pc, true)?;
        self.must_advance = false;
        if !status
            && self.code.get(pc) == Some(&op::AT)
            && matches!(
                self.code.get(pc + 1),
                Some(&at::BEGINNING) | Some(&at::BEGINNING_STRING)
            )
        {
            self.start = end;
            self.ptr = end;
            return Ok(false);
        }
        while !status && ptr < end {
            ptr += 1;
            self.reset();
            self.start = ptr;
            self.ptr = ptr;
            status = self.run(pc, false)?;
        }
        Ok(status)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Vec<u32> {
        s.chars().map(|c| c as u32).collect()
    }

    #[test]
    fn literal_and_repeat() {
        // re._compiler's code for 'a+b' (flags 32): INFO block, REPEAT_ONE, LITERAL
        let code = [
            14, 4, 0, 2, MAXREPEAT, 24, 6, 1, MAXREPEAT, 16, 97, 1, 16, 98, 1,
        ];
        let s = text("xaab");
        let mut st = State::new(&code, &s, 0, (0, s.len()), 1_000);
        assert!(st.search().unwrap());
        assert_eq!((st.start, st.ptr), (1, 4));
    }

    #[test]
    fn malformed_code_is_an_error_not_a_panic() {
        let s = text("abc");
        for code in [
            &[99u32][..],
            &[16][..],
            &[24, 100, 0, 5][..],
            &[7, 3, 0][..],
            &[][..],
        ] {
            let mut st = State::new(code, &s, 0, (0, s.len()), 1_000);
            assert!(st.do_match().is_err(), "{code:?}");
        }
    }

    #[test]
    fn the_stack_is_bounded() {
        // '(?:ab|c)*d' over a long subject: contexts for each item and branch
        let code = [
            14, 4, 0, 1, MAXREPEAT, 23, 17, 0, MAXREPEAT, 7, 7, 16, 97, 16, 98, 15, 7, 5, 16, 99,
            15, 2, 0, 18, 16, 100, 1,
        ];
        let s = text(&"ab".repeat(1000));
        let mut st = State::new(&code, &s, 0, (0, s.len()), 1_000_000);
        st.max_depth = 100;
        assert_eq!(st.do_match(), Err(Error::Memory));
    }

    #[test]
    fn fuel_ends_catastrophic_backtracking() {
        // re._compiler's code for '(?:a+)+$'
        let code = [
            14, 4, 0, 1, MAXREPEAT, 23, 10, 1, MAXREPEAT, 24, 6, 1, MAXREPEAT, 16, 97, 1, 18, 6, 5,
            1,
        ];
        let s = text(&format!("{}b", "a".repeat(40)));
        let mut st = State::new(&code, &s, 0, (0, s.len()), 100_000);
        assert_eq!(st.do_match(), Err(Error::OutOfFuel));
        let s = text("aaaa");
        let mut st = State::new(&code, &s, 0, (0, s.len()), 100_000);
        assert_eq!(st.do_match(), Ok(true));
        assert_eq!(st.ptr, 4);
    }

    #[test]
    fn case_mappings() {
        assert_eq!(unicode_lower('İ' as u32), 'i' as u32);
        assert_eq!(unicode_upper('ß' as u32), 'ß' as u32);
        assert!(unicode_iscased('Σ' as u32));
        assert!(!unicode_iscased('中' as u32));
    }
}

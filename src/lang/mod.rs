//! The front end: source text to tokens to AST (with spans) to bytecode.

pub mod ast;
pub mod bytecode;
pub mod comment_lines;
pub mod compiler;
pub mod disasm;
pub mod error;
pub mod lexer;
pub mod parser;
pub mod span;
pub mod symtable;
pub mod token;
pub mod unicode_names;

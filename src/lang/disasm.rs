//! placeholder
use super::bytecode::CodeObject;
pub fn disassemble(_code: &CodeObject) -> String {
    String::new()
}

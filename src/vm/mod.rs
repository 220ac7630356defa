//! The virtual machine: values, objects, frames that can suspend, exceptions, builtins.
pub mod format;
pub mod hash;
pub mod numeric;
pub mod strops;
pub mod table;

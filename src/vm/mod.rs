//! The virtual machine: values, objects, frames that can suspend, exceptions, builtins.

pub mod hash;
pub mod strops;
pub mod table;

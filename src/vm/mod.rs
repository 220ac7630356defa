//! The virtual machine: values, objects, frames that can suspend, exceptions, builtins.
pub mod format;
pub mod numeric;

//! The virtual machine: values, objects, frames that can suspend, exceptions, builtins.

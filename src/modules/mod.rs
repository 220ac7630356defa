//! The modules scripts can import (time, random, heapq, collections, ...).
pub mod random_mt;

//! The modules scripts can import (time, random, heapq, collections, ...).

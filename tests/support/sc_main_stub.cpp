// Compiled into every test executable (a static library would not be pulled in).

// libsystemc.so carries its own main() that calls sc_main; gtest_main's main wins at
// link time, but the symbol must exist (STACK.md).
extern "C" int sc_main(int, char*[]) { return 0; }

// LeakSanitizer reads these suppressions at start-up: allocations made inside libsystemc
// itself (kernel objects of a run that never reached sc_stop, payload extension arrays
// on the stacks of threads left waiting) are not the project's leaks; everything else
// still is. Built in rather than passed through LSAN_OPTIONS, so no runner can forget it.
extern "C" const char* __lsan_default_suppressions() { return "leak:libsystemc\n"; }

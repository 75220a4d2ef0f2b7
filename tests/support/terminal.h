// Tests that need a pseudo-terminal (a progress bar, colour on a TTY).
#pragma once

namespace hemeroteca::test {

// Returns when a pseudo-terminal can be opened here; otherwise prints a visible
// "SKIPPED: ..." line with the reason and exits the test process with 77, which
// ctest reports as skipped (containers without /dev/pts, some CI sandboxes).
void require_pseudo_terminal();

} // namespace hemeroteca::test
